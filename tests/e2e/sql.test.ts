import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
	allFigures,
	duckDbReady,
	hasTopic,
	openWorkbench,
	runSql,
	userFiguresCsv
} from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'cifras-sql-'));

/** Loads a file and waits until it is loaded or refused; returns its message. */
async function load(page: Page, file: string) {
	const name = file.split('/').pop()!;
	await page.getByTestId('file-input').setInputFiles(file);
	const item = page.locator(`[data-testid="load"][data-file="${name}"]`).first();
	await expect(item).not.toHaveAttribute('data-state', 'loading', { timeout: 60_000 });
	return {
		state: await item.getAttribute('data-state'),
		message: (await item.getByTestId('load-message').textContent()) ?? ''
	};
}

test('a query runs with Ctrl+Enter; its result pages and sorts; history survives a reload', async ({
	page
}) => {
	const figures = await allFigures(page);
	await openWorkbench(page);
	await runSql(page, 'SELECT figure_id, value, unit FROM figures');
	await expect(page.getByTestId('result-range')).toHaveText(
		`Rows 1–100 of ${figures.length.toLocaleString('en-US')}`
	);
	await page.getByTestId('next-page').click();
	await expect(page.getByTestId('result-range')).toHaveText(
		`Rows 101–${figures.length} of ${figures.length}`
	);
	// Sorting covers the whole result, not the page on screen.
	await page.getByRole('button', { name: /^value/ }).click();
	await page.getByRole('button', { name: /^value/ }).click();
	await expect(page.getByTestId('result-range')).toHaveText(/^Rows 1–100/);
	const top = Math.max(...figures.map((f) => f.value ?? -Infinity));
	await expect(
		page.locator('[data-testid="result"] tbody tr').first().locator('td').nth(1)
	).toHaveText(String(top));
	await expect(page.locator('th[aria-sort="descending"]')).toContainText('value');

	await page.reload();
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	await page.getByTestId('history').locator('summary').click();
	const entry = page.getByTestId('history').getByRole('button', {
		name: 'SELECT figure_id, value, unit FROM figures'
	});
	await expect(entry).toBeVisible();
	await entry.click();
	await expect(page.getByTestId('sql-editor')).toHaveText(
		'SELECT figure_id, value, unit FROM figures'
	);
});

test('a link with a query fills the editor and waits for Run; a link never runs SQL itself', async ({
	page
}) => {
	const sql = "SELECT count(*)::INTEGER AS n FROM figures WHERE doc_id = 'iom-oas-2006'";
	await page.goto(`/sql?sql=${encodeURIComponent(sql)}`);
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	await expect(page.getByTestId('sql-linked')).toContainText('It has not run');
	await expect(page.getByTestId('sql-editor')).toHaveText(sql);
	await expect(page.locator('.workbench')).toHaveAttribute('data-runs', '0');
	await expect(page.getByTestId('result-range')).toHaveCount(0);
	await page.getByTestId('sql-editor').press('Control+Enter');
	const figures = await allFigures(page);
	await expect(page.locator('[data-testid="result"] tbody td').first()).toHaveText(
		String(figures.filter((f) => f.doc_id === 'iom-oas-2006').length)
	);
});

test('an error is shown as DuckDB reports it, with its position marked in the editor', async ({
	page
}) => {
	await openWorkbench(page);
	await runSql(page, 'SELECT figure_id,\n  valeu FROM figures');
	const error = page.getByTestId('sql-error');
	await expect(error).toContainText('Binder Error: Referenced column "valeu" not found');
	await expect(error).toContainText('LINE 2:');
	await expect(page.getByTestId('sql-error-position')).toHaveText(
		'Marked in the editor: line 2, column 3.'
	);
	await expect(page.locator('.cm-lintRange-error')).toHaveText('valeu');
	// Example queries run as they are.
	await page.getByTestId('examples').selectOption({ label: 'Figures joined to their documents' });
	await page.getByTestId('run').click();
	await expect(page.getByTestId('sql-notice')).toContainText(/rows in/);
	await expect(page.getByTestId('sql-error')).toHaveCount(0);
	// A script shows its last result's first rows and leaves the rest unread.
	await runSql(page, 'CREATE TABLE n AS SELECT 1 AS a; SELECT * FROM range(5000000) t(i)');
	await expect(page.getByTestId('sql-notice')).toContainText('more than 1,000 rows');
	await expect(page.getByTestId('more-rows')).toContainText('Showing the first 1,000 rows');
	await runSql(page, 'SELECT 40 + 2 AS answer');
	await expect(page.getByTestId('sql-notice')).toHaveText(/^1 row in/);
	await expect(page.locator('[data-testid="result"] tbody td')).toHaveText('42');
});

test('a 1,000,000-row CSV and a Parquet file load, join with figures, and the result exports', async ({
	page
}) => {
	test.slow();
	const figures = await allFigures(page);
	const ids = figures.map((f) => f.figure_id);
	const rows = 1_000_000;
	const lines = ['row_id,figure_id,amount'];
	for (let i = 0; i < rows; i++) lines.push(`${i},${ids[i % ids.length]},${i % 1000}`);
	const csv = join(dir, 'million.csv');
	writeFileSync(csv, lines.join('\n') + '\n');
	const parquet = join(dir, 'weights.parquet');
	const db = await (await DuckDBInstance.create(':memory:')).connect();
	await db.run(
		`COPY (SELECT figure_id, (row_number() OVER ()) * 0.5 AS weight FROM (SELECT unnest([${ids.map((id) => `'${id}'`).join(',')}]) AS figure_id)) TO '${parquet}' (FORMAT parquet)`
	);

	await openWorkbench(page);
	const loaded = await load(page, csv);
	expect(loaded.message).toMatch(/^1,000,000 rows loaded from CSV in [\d.]+ s as table million\.$/);
	expect((await load(page, parquet)).message).toMatch(
		/^\d+ rows loaded from PARQUET .* as table weights\.$/
	);
	await expect(page.locator('[data-table="million"]')).toContainText('your data');

	await runSql(
		page,
		`SELECT f.topic, count(*)::INTEGER AS n, sum(m.amount)::BIGINT AS amount, sum(w.weight) AS weight
FROM million m JOIN figures f USING (figure_id) JOIN weights w USING (figure_id)
GROUP BY f.topic ORDER BY f.topic`
	);
	await expect(page.getByTestId('sql-notice')).toContainText(/rows in/, { timeout: 60_000 });

	// The same answer computed here.
	const weight = new Map(ids.map((id, i) => [id, (i + 1) * 0.5]));
	const topicOf = new Map(figures.map((f) => [f.figure_id, f.topic]));
	const expected = new Map<string, { n: number; amount: number; weight: number }>();
	for (let i = 0; i < rows; i++) {
		const id = ids[i % ids.length]!;
		const e = expected.get(topicOf.get(id)!) ?? { n: 0, amount: 0, weight: 0 };
		e.n++;
		e.amount += i % 1000;
		e.weight += weight.get(id)!;
		expected.set(topicOf.get(id)!, e);
	}

	const download = async (format: string) => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId(`export-${format}`).click()
		]);
		expect(file.suggestedFilename()).toBe(`cifras-sql-result.${format}`);
		return (await file.path())!;
	};
	const fromCsv = csvParse(readFileSync(await download('csv'), 'utf8'));
	expect(fromCsv.columns).toEqual(['topic', 'n', 'amount', 'weight']);
	expect(fromCsv.length).toBe(expected.size);
	for (const r of fromCsv) {
		const e = expected.get(r.topic!)!;
		expect(Number(r.n)).toBe(e.n);
		expect(Number(r.amount)).toBe(e.amount);
		expect(Number(r.weight)).toBeCloseTo(e.weight, 3);
	}
	const fromJson = JSON.parse(readFileSync(await download('json'), 'utf8')) as Record<
		string,
		unknown
	>[];
	expect(fromJson.map((r) => r.topic)).toEqual([...expected.keys()].sort());
	expect(typeof fromJson[0]!.n).toBe('number');
	const file = await download('parquet');
	const back = await db.runAndReadAll(
		`SELECT sum(n)::INTEGER AS n, count(*)::INTEGER AS topics FROM read_parquet('${file}')`
	);
	expect(back.getRowObjectsJS()).toEqual([{ n: rows, topics: expected.size }]);
	await expect(page.getByTestId('export-status')).toContainText(
		`Downloaded ${expected.size} rows as PARQUET`
	);
});

test('each broken file gets its own message with the line, and earlier tables stay', async ({
	page
}) => {
	const files: Record<string, Uint8Array | string> = {
		'good.csv': 'a,b\n1,x\n2,y\n',
		'utf16.csv': new Uint8Array([
			0xff,
			0xfe,
			...[...'a,b\n1,x\n'].flatMap((c) => [c.charCodeAt(0), 0])
		]),
		'latin1.csv': new Uint8Array([
			...new TextEncoder().encode('city,n\nBogota,1\nMedell'),
			0xed,
			...new TextEncoder().encode('n,2\n')
		]),
		'ragged.csv': 'a,b,c\n1,2,3\n4,5\n6,7,8\n',
		'fake.parquet': 'a,b\n1,2\n',
		'empty.csv': '',
		'header-only.csv': 'a,b,c\n'
	};
	for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
	// A value that does not fit the type detected on the first 16 MB slice, far down the file.
	const typed = ['id,n'];
	for (let i = 0; i < 2_000_000; i++) typed.push(`${i},${i === 1_899_998 ? 'abc' : i % 1000}`);
	writeFileSync(join(dir, 'late-type.csv'), typed.join('\n') + '\n');
	await openWorkbench(page);
	expect((await load(page, join(dir, 'good.csv'))).message).toMatch(/^2 rows loaded/);
	const expectations: [string, RegExp][] = [
		['utf16.csv', /“utf16\.csv” is UTF-16 text/],
		['latin1.csv', /“latin1\.csv” is not UTF-8 text: line 3 .*byte 0xED.*Latin-1/],
		['ragged.csv', /“ragged\.csv” has ragged rows: line 3 has 2 fields where the header has 3/],
		['fake.parquet', /“fake\.parquet” is not a Parquet file: .*begins with “a,b 1,2”/],
		['empty.csv', /“empty\.csv” is empty \(0 bytes\)/],
		['header-only.csv', /“header-only\.csv” has a header line but no rows: line 1 names 3 columns/],
		[
			'late-type.csv',
			/“late-type\.csv” could not be read at line 1900000: .*Could not convert string "abc".*first 16 MB/
		]
	];
	for (const [name, message] of expectations) {
		const r = await load(page, join(dir, name));
		expect(r.state, name).toBe('failed');
		expect(r.message, name).toMatch(message);
	}
	// The page still works and the earlier table is still there; no table was left by a failure.
	await runSql(page, 'SELECT count(*)::INTEGER AS n FROM good');
	await expect(page.locator('[data-testid="result"] tbody td')).toHaveText('2');
	await expect(page.locator('[data-testid="schema"] details')).toHaveCount(3);
	await expect(page.locator('[data-table="late_type"]')).toHaveCount(0);
});

test('a long load and a long query can be cancelled, and memory errors are reported', async ({
	page
}) => {
	test.slow();
	await page.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.25 })
	);
	const lines = ['id,text'];
	for (let i = 0; i < 2_500_000; i++) lines.push(`${i},some words to make the file long ${i}`);
	const big = join(dir, 'long.csv');
	writeFileSync(big, lines.join('\n') + '\n');
	await openWorkbench(page);

	await page.getByTestId('file-input').setInputFiles(big);
	const item = page.locator('[data-testid="load"][data-file="long.csv"]');
	await expect(item.locator('progress')).toBeVisible();
	await item.getByTestId('cancel-load').click();
	await expect(item).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
	await expect(item).toContainText('Loading cancelled; nothing was kept.');
	await expect(page.locator('[data-table="long"]')).toHaveCount(0);

	await runSql(page, 'SELECT sum(i) FROM range(20000000000) t(i)');
	// Cancel once the query has run a second: this test is about a query long under way (the
	// next one cancels at once, while DuckDB-wasm is still taking the query in).
	await expect(page.getByTestId('elapsed')).toContainText(/Running… [1-9]\d*\.\d s/, {
		timeout: 30_000
	});
	await page.getByTestId('cancel-query').click();
	await expect(page.getByTestId('sql-notice')).toContainText(/Query cancelled after [\d.]+ s/, {
		timeout: 10_000
	});

	// The memory limit follows the device's memory (this page's says 0.25 GB: 128 MiB), and no
	// SQL can raise it: a query that needs more fails with DuckDB's message, and the page goes on.
	await runSql(page, "SET memory_limit = '8GB'");
	await expect(page.getByTestId('sql-error-help')).toContainText('locked in this page');
	await runSql(page, "SELECT current_setting('memory_limit') AS m");
	await expect(page.locator('[data-testid="result"] tbody td')).toHaveText(
		/^(128\.0 MiB|134\.2 MB)$/
	);
	await runSql(page, 'SELECT i, i::VARCHAR AS s FROM range(6000000) t(i) ORDER BY s DESC');
	await expect(page.getByTestId('sql-error')).toContainText('DuckDB-wasm ran out of memory', {
		timeout: 60_000
	});
	await expect(page.getByTestId('sql-error')).toContainText('Out of Memory Error');
	await runSql(page, 'SELECT 40 + 2 AS answer');
	await expect(page.locator('[data-testid="result"] tbody td')).toHaveText('42');
});

test('a Cancel pressed right after Run stops a long query, and the next query runs', async ({
	page
}) => {
	await openWorkbench(page);
	const editor = page.getByTestId('sql-editor');
	// Minutes of work: a Cancel that is lost shows in the test's time.
	await editor.fill('SELECT sum(i) FROM range(200000000000) t(i)');
	await editor.press('End');
	// Run, then Cancel as soon as it is on the page (in the same turn of the page's event loop):
	// DuckDB-wasm is then still taking the query in, the moment a Cancel used to be lost.
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const cancelOnSight = new MutationObserver(() => {
					const cancel = document.querySelector<HTMLButtonElement>('[data-testid="cancel-query"]');
					if (!cancel) return;
					cancelOnSight.disconnect();
					cancel.click();
					resolve();
				});
				cancelOnSight.observe(document.body, { childList: true, subtree: true });
				document.querySelector<HTMLButtonElement>('[data-testid="run"]')!.click();
			})
	);
	// A lost Cancel would leave the page running the query for far longer than this.
	await expect(page.getByTestId('sql-notice')).toHaveText(/^Query cancelled after [\d.]+ s\.$/, {
		timeout: 10_000
	});
	await expect(page.getByTestId('sql-error')).toHaveCount(0);
	await expect(page.getByTestId('run')).toBeEnabled();
	await runSql(page, 'SELECT 40 + 2 AS answer');
	await expect(page.locator('[data-testid="result"] tbody td')).toHaveText('42');
});

test('without WebAssembly the page says so and its schema and examples still read', async ({
	page
}) => {
	await page.addInitScript(() => {
		delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
	});
	await page.goto('/sql');
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'failed');
	await expect(page.getByTestId('sql-engine')).toContainText('no WebAssembly');
	await expect(page.getByTestId('schema')).toContainText('source_order');
	await expect(page.getByTestId('run')).toBeDisabled();
	// Trying again cannot help here: no Retry.
	await expect(page.getByTestId('sql-engine').getByRole('button', { name: 'Retry' })).toHaveCount(
		0
	);
	await page.getByTestId('examples').selectOption({ label: 'Who the documents credit' });
	await expect(page.getByTestId('sql-editor')).toContainText('attributed_to');
});

test('a file with the figures’ columns is shown in the explorer beside the curated figures, marked as the user’s', async ({
	page
}) => {
	const figures = await allFigures(page);
	const file = join(dir, 'my_figures.csv');
	writeFileSync(file, userFiguresCsv(3));
	await openWorkbench(page);
	expect((await load(page, file)).message).toMatch(/^3 rows loaded/);
	await page.getByTestId('show-in-explorer').click();
	await expect(page).toHaveURL(/\/$/);
	const notice = page.getByTestId('user-data-notice');
	await expect(notice).toContainText('3 rows of your own (table my_figures)');
	await duckDbReady(page);
	await expect(page.locator('#results-title')).toHaveText(`${figures.length + 3} figures`);
	const remittances = figures.filter((f) => hasTopic(f, 'remittances')).length;
	await expect(page.locator('#view-topic a[aria-label^="Remittances:"]').last()).toHaveAttribute(
		'aria-label',
		new RegExp(`^Remittances: ${remittances + 3} figure`)
	);
	await page.getByTestId('search').fill('zanzibarquux');
	await expect(page.getByTestId('total')).toHaveText('3');
	const mine = page.locator('[data-testid="figure-table"] tbody tr[data-user-source="my_figures"]');
	await expect(mine).toHaveCount(3);
	await expect(mine.first()).toContainText('your data');
	await expect(mine.first().locator('a')).toHaveCount(0);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv').click()
	]);
	const exported = csvParse(readFileSync((await download.path())!, 'utf8'));
	expect(exported.map((r) => r.user_source)).toEqual(['my_figures', 'my_figures', 'my_figures']);

	await page.getByTestId('hide-user-data').click();
	await expect(notice).toHaveCount(0);
	await expect(page.getByTestId('total')).toHaveText('0');
});
