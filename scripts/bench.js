// `npm run bench`: drives the built site in headless Chromium and prints a table of time to first
// chart, time to DuckDB-wasm ready, and cross-filter update latency (click → every view
// repainted; median and p95 over 50 interactions), on the real data and on 1,000,000 synthetic
// rows, on each engine. Builds the site first if there is no build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.js';
import { benchSql } from './bench-sql.js';

const PORT = 4188;
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 50);
const SYNTHETIC = Number(process.env.BENCH_ROWS ?? 1_000_000);
// Rows of the user files the SQL workbench loads; BENCH_ONLY=sql skips the explorer runs.
const SQL_SIZES = (process.env.BENCH_SQL_ROWS ?? '1000000,10000000').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY ?? '';
const TOPICS = [
	'Migrant stocks',
	'Trafficking victims',
	'Remittances',
	'Programme outputs',
	'Labour'
];

if (!existsSync('build/index.html'))
	spawnSync('npm run -s build', { shell: true, stdio: 'inherit' });
const server = spawn('node', ['scripts/serve.js', 'build', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** @param {import('@playwright/test').Page} page @returns {Promise<number>} */
const firstPaint = (page) =>
	page.evaluate(
		() =>
			new Promise((resolve) => {
				new PerformanceObserver((list) => {
					const fcp = list.getEntriesByName('first-contentful-paint')[0];
					if (fcp) resolve(fcp.startTime);
				}).observe({ type: 'paint', buffered: true });
				setTimeout(() => resolve(NaN), 5000);
			})
	);

/** @param {string} dataset @param {'instant' | 'duckdb'} engine */
async function run(dataset, engine) {
	const params = new URLSearchParams();
	if (engine === 'instant') params.set('engine', 'instant');
	if (dataset !== 'real') params.set('synthetic', String(SYNTHETIC));
	const url = `http://127.0.0.1:${PORT}/${params.size ? `?${params}` : ''}`;
	// First chart: the first paint, which already holds the prerendered charts (SVG and HTML
	// bars); the median of five fresh loads, so one cold start does not decide it.
	const paints = [];
	for (let i = 0; i < 5; i++) {
		const fresh = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
		const p = await fresh.newPage();
		await p.goto(url);
		paints.push(await firstPaint(p));
		await fresh.close();
	}
	const firstChart = quantile(paints, 0.5);
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
	const page = await context.newPage();
	await page.goto(url);
	let duckReady = NaN;
	if (engine === 'duckdb') {
		await page
			.locator('[data-testid="engine-status"][data-state="ready"]')
			.waitFor({ timeout: 180_000 });
		duckReady = await page.evaluate(() => performance.now());
	}
	// Wait for the answer on the chosen engine (the synthetic rows, or DuckDB once it is ready).
	await page.waitForTimeout(300);
	await page.locator('.explorer:not([data-updates="0"])').waitFor({ timeout: 180_000 });
	// Layout shift while the page loads, hydrates and switches engines (before any click).
	const shift = await page.evaluate(
		() =>
			new Promise((resolve) => {
				let sum = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries())
						sum += /** @type {PerformanceEntry & { value: number }} */ (e).value;
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve(sum), 300);
			})
	);
	const latencies = [];
	for (let i = 0; i < INTERACTIONS; i++) {
		const label = TOPICS[Math.floor(i / 2) % TOPICS.length];
		latencies.push(
			await page.evaluate(async (label) => {
				const explorer = /** @type {HTMLElement} */ (document.querySelector('.explorer'));
				const marks = document.querySelectorAll(`#view-topic a[aria-label^="${label}:"]`);
				const mark = marks[marks.length - 1];
				const before = explorer.dataset.updates;
				performance.clearMeasures();
				const t0 = performance.now();
				mark?.dispatchEvent(
					new MouseEvent('click', { bubbles: true, cancelable: true, view: window })
				);
				await new Promise((resolve) => {
					const obs = new MutationObserver(() => {
						if (explorer.dataset.updates !== before) {
							obs.disconnect();
							resolve(null);
						}
					});
					obs.observe(explorer, { attributes: true });
				});
				// After the frame that shows the update has painted: a task queued from rAF runs then.
				await new Promise((r) =>
					requestAnimationFrame(() => {
						const ch = new MessageChannel();
						ch.port1.onmessage = r;
						ch.port2.postMessage(0);
					})
				);
				const total = performance.now() - t0;
				const ends = performance
					.getEntriesByType('measure')
					.filter((m) => m.name.startsWith('cifras:'))
					.map((m) => m.startTime + m.duration - t0);
				return { total, queries: Math.max(0, ...ends) };
			}, label)
		);
	}
	const memory = await page.evaluate(() => {
		const m = /** @type {{ memory?: { usedJSHeapSize: number } }} */ (
			/** @type {unknown} */ (performance)
		).memory;
		return m ? m.usedJSHeapSize / 1e6 : NaN;
	});
	await context.close();
	return {
		dataset,
		engine,
		firstChart,
		duckReady,
		shift,
		median: quantile(
			latencies.map((l) => l.total),
			0.5
		),
		p95: quantile(
			latencies.map((l) => l.total),
			0.95
		),
		queries: quantile(
			latencies.map((l) => l.queries),
			0.5
		),
		memory
	};
}

const rows = [];
/** @type {string[]} */
let sqlLines = [];
try {
	if (ONLY !== 'sql')
		for (const dataset of ['real', `${SYNTHETIC.toLocaleString('en-US')} synthetic rows`]) {
			for (const engine of /** @type {const} */ (['instant', 'duckdb'])) {
				process.stderr.write(`bench: ${dataset}, ${engine}…\n`);
				rows.push(await run(dataset, engine));
			}
		}
	if (ONLY !== 'explorer') sqlLines = await benchSql(browser, PORT, SQL_SIZES);
} finally {
	await browser.close();
	server.kill();
}

/** @param {number} n */
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
const lines = [
	`| data | engine | first chart | layout shift | DuckDB ready | update median | update p95 | of which queries (median) | JS heap |`,
	`|---|---|---|---|---|---|---|---|---|`,
	...rows.map(
		(r) =>
			`| ${r.dataset} | ${r.engine === 'duckdb' ? 'DuckDB-wasm' : 'Instant (TS)'} | ${ms(r.firstChart)} | ${Number(r.shift).toFixed(3)} | ${ms(r.duckReady)} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.queries)} | ${Number.isFinite(r.memory) ? `${r.memory.toFixed(0)} MB` : '—'} |`
	)
];
const out = [...(rows.length ? lines : []), ...(sqlLines.length ? ['', ...sqlLines] : [])];
console.log(out.join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', out.join('\n') + '\n');
