// The SQL workbench's part of `npm run bench`: a user's file loaded into DuckDB-wasm (CSV and
// Parquet, picked with the file input as a person would) and a group-by and a join with
// `figures` over it, at 1,000,000 rows and, for CSV, 10,000,000. Files are generated in a
// temporary folder; times are the ones the page reports (file picked → table ready; query
// sent → result kept and its first page shown), medians of five queries.
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const QUERIES = 5;

/** @param {string} file @param {number} rows @param {string[]} ids */
function writeCsv(file, rows, ids) {
	const fd = openSync(file, 'w');
	writeSync(fd, 'row_id,figure_id,amount,label\n');
	const batch = 100_000;
	for (let start = 0; start < rows; start += batch) {
		let text = '';
		for (let i = start; i < Math.min(rows, start + batch); i++)
			text += `${i},${ids[i % ids.length]},${(i % 10_000) / 4},"label ${i % 97}"\n`;
		writeSync(fd, text);
	}
	closeSync(fd);
}

/** @param {string} csv @param {string} parquet */
async function writeParquet(csv, parquet) {
	const db = await (await DuckDBInstance.create(':memory:')).connect();
	await db.run(`COPY (FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
}

/** @param {number} ms */
const s = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {number} port
 * @param {number[]} sizes rows of the CSV files; the first is also loaded as Parquet
 */
export async function benchSql(browser, port, sizes) {
	const dir = mkdtempSync(join(tmpdir(), 'cifras-bench-'));
	const ids = JSON.parse(readFileSync('static/data/figures.json', 'utf8')).map(
		(/** @type {{ figure_id: string }} */ f) => f.figure_id
	);
	const rows = [];
	for (const [i, n] of sizes.entries()) {
		const csv = join(dir, `rows_${n}.csv`);
		writeCsv(csv, n, ids);
		const files = [{ kind: 'CSV', path: csv }];
		if (i === 0) {
			const parquet = join(dir, `rows_${n}.parquet`);
			await writeParquet(csv, parquet);
			files.push({ kind: 'Parquet', path: parquet });
		}
		for (const file of files) {
			process.stderr.write(`bench: SQL workbench, ${n} rows, ${file.kind}…\n`);
			rows.push({
				n,
				kind: file.kind,
				size: statSync(file.path).size,
				...(await run(browser, port, file.path))
			});
		}
	}
	return [
		`| your file | size | load (pick → table) | group-by, median | join with figures, median | JS heap |`,
		`|---|---|---|---|---|---|`,
		...rows.map(
			(r) =>
				`| ${r.n.toLocaleString('en-US')} rows, ${r.kind} | ${mb(r.size)} | ${s(r.load)} | ${s(r.groupBy)} | ${s(r.join)} | ${Number.isFinite(r.memory) ? `${r.memory.toFixed(0)} MB` : '—'} |`
		)
	];
}

/** @param {import('@playwright/test').Browser} browser @param {number} port @param {string} path */
async function run(browser, port, path) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:${port}/sql`);
	await page.locator('[data-testid="sql-engine"][data-state="ready"]').waitFor({ timeout: 60_000 });
	const name = path.split('/').pop();
	await page.getByTestId('file-input').setInputFiles(path);
	const item = page.locator(
		`[data-testid="load"][data-file="${name}"]:not([data-state="loading"])`
	);
	await item.waitFor({ timeout: 600_000 });
	const message = (await item.textContent()) ?? '';
	const load = Number(/in ([\d.]+) s as table/.exec(message)?.[1] ?? NaN) * 1000;
	const table = /as table (\w+)/.exec(message)?.[1];
	if (!table) throw new Error(`bench: the file did not load: ${message}`);
	/** @param {string} sql */
	const time = async (sql) => {
		const times = [];
		for (let i = 0; i < QUERIES; i++) {
			await page.getByTestId('sql-editor').fill(`${sql} -- ${i}`);
			await page.getByTestId('sql-editor').press('Control+Enter');
			const notice = page.getByTestId('sql-notice').filter({ hasText: / in [\d.]+ s$/ });
			await page
				.getByTestId('sql-editor')
				.page()
				.waitForFunction(() => !document.querySelector('[data-testid="elapsed"]'), undefined, {
					timeout: 600_000
				});
			const text = (await notice.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
			times.push(Number(/ in ([\d.]+) s$/.exec(text)?.[1] ?? NaN) * 1000);
		}
		return median(times);
	};
	const groupBy = await time(
		`SELECT figure_id, count(*) AS n, sum(amount) AS total, avg(amount) AS mean FROM ${table} GROUP BY figure_id`
	);
	const join = await time(
		`SELECT f.topic, f.unit, count(*) AS n, sum(t.amount) AS total FROM ${table} t JOIN figures f USING (figure_id) GROUP BY ALL ORDER BY n DESC`
	);
	const memory = await page.evaluate(() => {
		const m = /** @type {{ memory?: { usedJSHeapSize: number } }} */ (
			/** @type {unknown} */ (performance)
		).memory;
		return m ? m.usedJSHeapSize / 1e6 : NaN;
	});
	await context.close();
	return { load, groupBy, join, memory };
}
