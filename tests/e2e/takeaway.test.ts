/**
 * What leaves the site stays right outside it: a ZIP of the view, the view as code that
 * DuckDB runs to the same rows, files typed as shown on /sql, the data's version and its changes,
 * the dataset described in JSON-LD.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import { unzipSync, strFromU8 } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect } from './fixtures';
import { allFigures, DATA_VERSION, hasTopic, inYears, ready, tableIds, total } from './helpers';
import { SITE_COLUMNS } from '../../src/lib/data/site-table';

const db = await (await DuckDBInstance.create(':memory:')).connect();
const builtParquet = resolve('build/data/figures.parquet');

test('the ZIP of a view holds its CSV and Parquet, a README naming the filters and version, and the BibTeX', async ({
	page
}) => {
	const expected = (await allFigures(page)).filter(
		(f) => hasTopic(f, 'remittances') && inYears(f, 1990, 2001)
	);
	await page.goto('/?topic=remittances&years=1990-2001');
	await ready(page);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-zip').click()
	]);
	expect(file.suggestedFilename()).toBe('cifras-figures-topic-remittances-1990-2001.zip');
	await expect(page.getByTestId('export-status')).toContainText('as ZIP');
	const files = unzipSync(readFileSync((await file.path())!));
	const dir = 'cifras-figures-topic-remittances-1990-2001';
	expect(Object.keys(files).sort()).toEqual(
		['CITATION.bib', 'README.md', 'figures.csv', 'figures.parquet'].map((f) => `${dir}/${f}`)
	);
	const readme = strFromU8(files[`${dir}/README.md`]!);
	expect(readme).toContain('- Filters: topic=remittances, years=1990-2001');
	expect(readme).toContain(`topic: Remittances; years 1990–2001`);
	expect(readme).toContain(`- Data version: ${DATA_VERSION.version}`);
	expect(readme).toContain('| quote | string | the shortest verbatim span');
	expect(readme).toContain('| data_version | string |');
	expect(readme).toContain('None of the five source documents states a licence');
	expect(readme).toContain('APA: Cifras. (');
	const csv = csvParse(strFromU8(files[`${dir}/figures.csv`]!));
	expect(csv.map((r) => r.figure_id).sort()).toEqual(expected.map((f) => f.figure_id).sort());
	const bib = strFromU8(files[`${dir}/CITATION.bib`]!);
	expect(bib).toMatch(/^@misc\{cifras\d{4}view,/);
	expect(bib).toContain(`version = {${DATA_VERSION.version}}`);
	const parquet = resolve('test-results', `zip-${Date.now()}.parquet`);
	const { mkdirSync, writeFileSync } = await import('node:fs');
	mkdirSync('test-results', { recursive: true });
	writeFileSync(parquet, files[`${dir}/figures.parquet`]!);
	const back = (
		await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${parquet}')`)
	).getRowObjectsJS();
	expect(back).toEqual([{ n: expected.length }]);
});

test('CSV for Excel begins with a byte-order mark and is otherwise the CSV', async ({ page }) => {
	await page.goto('/?topic=labour');
	await ready(page);
	const save = async (format: string) => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId(`export-${format}`).click()
		]);
		return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
	};
	const excel = await save('excel');
	const csv = await save('csv');
	expect(excel.name).toBe('cifras-figures-topic-labour-excel.csv');
	expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(excel.bytes.subarray(3).equals(csv.bytes)).toBe(true);
	expect(csv.bytes.toString('utf8').split('\r\n')[0]).toBe(
		[...SITE_COLUMNS.map(([n]) => n), 'data_version'].join(',')
	);
});

for (const view of [
	'/?topic=remittances',
	'/?q=mexico&sort=value&desc=1',
	'/?years=1995-2002&geo=WLD'
])
	test(`the view's SQL, run by DuckDB on the built Parquet file, gives the page's rows (${view})`, async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(view);
		await ready(page);
		await page.getByTestId('view-code').locator('summary').click();
		const sql = (await page.getByTestId('code-duckdb').textContent())!;
		expect(sql).toContain(`read_parquet('http://127.0.0.1:`);
		await page.getByTestId('code-copy-duckdb').click();
		await expect(page.getByTestId('code-copy-duckdb-status')).toHaveText('DuckDB code copied.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sql);
		await expect(page.getByTestId('code-python')).toContainText('import duckdb');
		await expect(page.getByTestId('code-r')).toContainText('dbGetQuery(con, "SELECT');
		// The public address, here the built file it serves.
		const local = sql.replace(/read_parquet\('[^']+'\)/, `read_parquet('${builtParquet}')`);
		const rows = (await db.runAndReadAll(local)).getRowObjectsJS();
		expect(rows.length).toBe(await total(page));
		const shown = await tableIds(page);
		expect(rows.slice(0, shown.length).map((r) => r.figure_id)).toEqual(shown);
	});

test('"Open this view in SQL" fills the workbench with the view\'s query, which gives the same rows', async ({
	page
}) => {
	await page.goto('/?q=mexico&sort=value&desc=1');
	await ready(page);
	const n = await total(page);
	const shown = await tableIds(page);
	await page.getByTestId('view-code').locator('summary').click();
	await page.getByTestId('open-in-sql').click();
	await expect(page).toHaveURL(/\/sql\?sql=/);
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	await expect(page.getByTestId('sql-linked')).toContainText('It has not run');
	await expect(page.getByTestId('sql-editor')).toContainText('FROM figures');
	await page.getByTestId('sql-editor').press('Control+Enter');
	await expect(page.getByTestId('result-range')).toHaveText(new RegExp(`of ${n}$`));
	const ids = await page
		.locator('[data-testid="result"] tbody tr')
		.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!.trim()));
	expect(ids.slice(0, shown.length)).toEqual(shown);
});

test('a result exported from /sql is read back by DuckDB with the types shown on screen', async ({
	page
}) => {
	await page.goto('/sql');
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	await page.getByTestId('sql-editor').fill(
		`SELECT topic, count(*) AS n, sum(line)::INTEGER AS lines, min(value) AS low_value,
		 max(doc_date)::DATE AS latest, 1.50::DECIMAL(9,2) AS price, true AS ok
		 FROM figures WHERE doc_date LIKE '____-__-__' GROUP BY topic ORDER BY topic`
	);
	await page.getByTestId('sql-editor').press('Control+Enter');
	await expect(page.getByTestId('sql-notice')).toContainText(/rows? in/);
	const shown = await page
		.locator('[data-testid="result"] thead th')
		.evaluateAll((ths) => ths.map((th) => th.querySelector('.type')!.textContent!.trim()));
	expect(shown).toEqual([
		'VARCHAR',
		'BIGINT',
		'INTEGER',
		'DOUBLE',
		'DATE',
		'DECIMAL(9,2)',
		'BOOLEAN'
	]);
	const download = async (format: string) => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId(`export-${format}`).click()
		]);
		return (await file.path())!;
	};
	const typesOf = async (from: string) =>
		(await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`))
			.getRowObjectsJS()
			.map((r) => r.column_type as string);
	expect(await typesOf(`read_parquet('${await download('parquet')}')`)).toEqual(shown);
	const json = await download('json');
	const fromJson = await typesOf(`read_json('${json}')`);
	// JSON numbers have no width or scale: integers come back as BIGINT (never DOUBLE), decimals
	// as DOUBLE with every digit written.
	expect(fromJson).toEqual(
		shown.map((t) => (t.startsWith('DECIMAL') ? 'DOUBLE' : t === 'INTEGER' ? 'BIGINT' : t))
	);
	const text = readFileSync(json, 'utf8');
	expect(text).toMatch(/"n": \d+,/);
	expect(text).toContain('"price": 1.50,');
});

test('/changes lists the versions, the footer names this one, and each is the build’s', async ({
	page
}) => {
	await page.goto('/about');
	await expect(page.getByTestId('footer-version')).toHaveText(DATA_VERSION.version);
	await page.getByTestId('footer-version').click();
	await expect(page).toHaveURL(/\/changes$/);
	await expect(page.getByTestId('data-version')).toHaveText(DATA_VERSION.version);
	const first = page.getByTestId('release').last();
	await expect(first).toContainText('Added');
	await first.locator('summary').click();
	const figures = await allFigures(page);
	await expect(first.locator('li[data-change="added"]')).toHaveCount(figures.length);
	// A version that changed no figure says what kind of thing did change, not nothing.
	const releases = page.getByTestId('release');
	for (let i = 0; i < (await releases.count()); i++) {
		const release = releases.nth(i);
		if ((await release.locator('li[data-change]').count()) === 0)
			await expect(release).toContainText('No figure changed');
	}
	const pkg = await (await page.request.get('/data/datapackage.json')).json();
	expect(pkg.version).toBe(DATA_VERSION.version);
});

for (const path of ['/about', '/dictionary'])
	test(`${path} carries the dataset as schema.org JSON-LD`, async ({ page }) => {
		await page.goto(path);
		const ld = JSON.parse(
			(await page.locator('script[type="application/ld+json"]').textContent()) ?? ''
		);
		expect(ld['@type']).toBe('Dataset');
		expect(ld.version).toBe(DATA_VERSION.version);
		expect(ld.description.length).toBeGreaterThanOrEqual(50);
		for (const d of ld.distribution) {
			const res = await page.request.get(d.contentUrl);
			expect(res.status(), d.contentUrl).toBe(200);
		}
	});

const REDIRECTS = JSON.parse(readFileSync('build/data/redirects.json', 'utf8')) as {
	old_id: string;
	new_id: string;
}[];

test('a renamed or merged figure’s old address leads to its new one', async ({ page }) => {
	test.skip(
		REDIRECTS.length === 0,
		'No figure has been renamed or merged yet (data/redirects.csv is empty); the redirect page is checked in tests/unit/releases.test.ts'
	);
	for (const r of REDIRECTS) {
		await page.goto(`/figure/${r.old_id}`);
		await expect(page).toHaveURL(new RegExp(`/figure/${r.new_id}$`));
		await expect(page.getByTestId('figure-page')).toBeVisible();
	}
});
