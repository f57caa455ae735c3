// `npm run bench`: drives the built site in headless Chromium and prints a table of time to first
// chart, time to DuckDB-wasm ready, and cross-filter update latency (click → every view
// repainted; median and p95 over 50 interactions), on the real data and on 1,000,000 synthetic
// rows, on each engine. Builds the site first if there is no build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.js';
import { benchSql } from './bench-sql.js';
import { benchReader } from './bench-reader.js';

// BENCH_PORT: another port when several checkouts bench on one machine.
const PORT = Number(process.env.BENCH_PORT ?? 4188);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 50);
const SYNTHETIC = Number(process.env.BENCH_ROWS ?? 1_000_000);
// Rows of the user files the SQL workbench loads; BENCH_ONLY=sql skips the explorer runs.
const SQL_SIZES = (process.env.BENCH_SQL_ROWS ?? '1000000,10000000').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY ?? '';
// How long the bench holds a press: people hold a mouse button or a tap about 80–130 ms.
const PRESS_MS = Number(process.env.BENCH_PRESS_MS ?? 80);
// BENCH_DATA=real skips the million synthetic rows (quicker while working on the explorer).
const DATA = process.env.BENCH_DATA ?? 'all';
const TOPICS = [
	'Migrant stocks',
	'Trafficking victims',
	'Remittances',
	'Programme outputs',
	'Labour'
];

// Mixed interactions: in turn a country on the map chosen and unchosen, then a topic, a
// document, a region and a start year chosen one after another (each narrowing the others) and
// taken back one by one; five rounds of ten, with other values each round.
const COUNTRIES = ['Canada', 'Mexico', 'United States of America', 'Honduras', 'Argentina'];
const DOCS = [
	'Hemispheric Conference 2002',
	'IOM statement to OAS 2006',
	'Hemispheric Conference 2002',
	'CIM/OAS report 2006',
	'ECLAC messages 2013'
];
const REGIONS = [
	'Latin America and the Caribbean',
	'The Caribbean',
	'Central America',
	'Latin America',
	'The Americas'
];
/** @typedef {{ kind: 'mark', view: string, label: string } | { kind: 'region', label: string } | { kind: 'clear', view: string } | { kind: 'from', year: number }} BenchAction */
/** @type {BenchAction[]} */
const MIXED = [0, 1, 2, 3, 4].flatMap((r) => {
	const country = { kind: 'mark', view: 'view-geo', label: COUNTRIES[r] };
	const topic = { kind: 'mark', view: 'view-topic', label: TOPICS[r] };
	const doc = { kind: 'mark', view: 'view-doc', label: DOCS[r] };
	const region = { kind: 'region', label: REGIONS[r] };
	return /** @type {BenchAction[]} */ ([
		country,
		country,
		topic,
		doc,
		region,
		{ kind: 'from', year: 1960 + 10 * r },
		topic,
		region,
		doc,
		{ kind: 'clear', view: 'view-year' }
	]);
});
// A reader looks at a view before the next click: about a second (BENCH_THINK_MS).
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);

if (!existsSync('build/index.html'))
	spawnSync('npm run -s build', { shell: true, stdio: 'inherit' });
const server = spawn('node', ['scripts/serve.js', 'build', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

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

/** The median first contentful paint of nine fresh loads of `url`. @param {string} url */
async function medianFirstPaint(url) {
	const paints = [];
	// One load first, not counted: the first page a freshly launched browser opens pays for the
	// browser's own start-up (it painted 60–90 ms later than the next ones here), which a
	// reader's running browser does not.
	for (let i = -1; i < 9; i++) {
		const fresh = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
		const p = await fresh.newPage();
		await p.goto(url);
		const paint = await firstPaint(p);
		if (i >= 0) paints.push(paint);
		await fresh.close();
	}
	return quantile(paints, 0.5);
}

/** @param {string} dataset @param {'instant' | 'duckdb'} engine */
async function run(dataset, engine) {
	const params = new URLSearchParams();
	// The explorer answers the curated figures on the instant engine; `?engine=duckdb` puts them
	// on DuckDB-wasm, and synthetic rows always are (the scale mode).
	if (engine === 'duckdb' && dataset === 'real') params.set('engine', 'duckdb');
	if (dataset !== 'real') params.set('synthetic', String(SYNTHETIC));
	const url = `http://127.0.0.1:${PORT}/${params.size ? `?${params}` : ''}`;
	// First chart: the first contentful paint, which already holds the prerendered first screen
	// (the figure cards and the facets); the median of nine fresh loads, so one cold start does not decide it (on this
	// machine single loads of the same page range over 0.16–0.35 s).
	const firstChart = await medianFirstPaint(url);
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
	await context.addInitScript(installUpdateWatch);
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
	const firstAnswer = await page.evaluate(
		() => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).benchFirstAnswer ?? NaN
	);
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
	const clicks = [];
	for (let i = 0; i < INTERACTIONS; i++) clicks.push(await clickLatency(page, topicAt(i)));
	// The same clicks made with the pointer: pressed, held PRESS_MS, released. The explorer
	// starts a view's query on the press, as Mosaic prepares on activation.
	const presses = [];
	for (let i = 0; i < INTERACTIONS; i++) presses.push(await pressLatency(page, topicAt(i)));
	// Clicks all over the page, in every view: a reader's pauses between them, then none.
	/** @type {number[]} */
	let mixed = [];
	for (const action of MIXED) {
		await page.waitForTimeout(THINK_MS);
		mixed.push((await actLatency(page, action)).total);
	}
	/** @type {number[]} */
	let rushed = [];
	for (const action of MIXED) rushed.push((await actLatency(page, action)).total);
	const skipped = mixed.filter((n) => Number.isNaN(n)).length;
	if (skipped)
		process.stderr.write(
			`bench: ${skipped} of ${MIXED.length} mixed steps had nothing listed to act on\n`
		);
	mixed = mixed.filter((n) => !Number.isNaN(n));
	rushed = rushed.filter((n) => !Number.isNaN(n));
	const detached = await detachedClicks(url);
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
		firstAnswer,
		duckReady,
		shift,
		median: quantile(
			clicks.map((l) => l.total),
			0.5
		),
		p95: quantile(
			clicks.map((l) => l.total),
			0.95
		),
		queries: quantile(
			clicks.map((l) => l.queries),
			0.5
		),
		aloneMedian: quantile(detached, 0.5),
		aloneP95: quantile(detached, 0.95),
		mixedMedian: quantile(mixed, 0.5),
		mixedP95: quantile(mixed, 0.95),
		rushedMedian: quantile(rushed, 0.5),
		rushedP95: quantile(rushed, 0.95),
		pressMedian: quantile(presses, 0.5),
		pressP95: quantile(presses, 0.95),
		memory
	};
}

/** Topic bars clicked in turn, each twice (select, then clear): 50 updates over five topics. */
const topicAt = (/** @type {number} */ i) =>
	/** @type {string} */ (TOPICS[Math.floor(i / 2) % TOPICS.length]);

/**
 * Installed in the page before it loads: a promise of the time of the first painted frame after
 * the explorer's next update (its `data-updates` changes). A task queued from rAF runs once that
 * frame has painted.
 */
function installUpdateWatch() {
	const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
	/**
	 * Resolves once the explorer's attributes pass `test` (at once if they do).
	 * @param {HTMLElement} explorer @param {(data: DOMStringMap) => boolean} test
	 */
	const whenExplorer = (explorer, test) =>
		new Promise((resolve) => {
			if (test(explorer.dataset)) return resolve(undefined);
			const obs = new MutationObserver(() => {
				if (!test(explorer.dataset)) return;
				obs.disconnect();
				resolve(undefined);
			});
			obs.observe(explorer, { attributes: true });
		});
	// When the page first answered in the browser (hydrated, its rows loaded or generated, the
	// first query run): the first chart of the synthetic rows, not the prerendered real ones.
	addEventListener('DOMContentLoaded', () => {
		const explorer = /** @type {HTMLElement | null} */ (document.querySelector('.explorer'));
		if (!explorer) return;
		void whenExplorer(explorer, (d) => d.updates !== '0').then(
			() => (w.benchFirstAnswer = performance.now())
		);
	});
	const explorer = () => /** @type {HTMLElement} */ (document.querySelector('.explorer'));
	w.benchNextUpdate = () => {
		const before = explorer().dataset.updates;
		return whenExplorer(explorer(), (d) => d.updates !== before).then(
			() =>
				new Promise((resolve) =>
					requestAnimationFrame(() => {
						const ch = new MessageChannel();
						ch.port1.onmessage = () => resolve(performance.now());
						ch.port2.postMessage(0);
					})
				)
		);
	};
	/** @param {BenchAction} a @returns {Element | undefined} */
	const target = (a) => {
		if (a.kind === 'mark')
			return [...document.querySelectorAll(`#${a.view} a[aria-label^="${a.label}:"]`)].at(-1);
		if (a.kind === 'region')
			return [...document.querySelectorAll('#view-geo .regions a')].find((el) =>
				el.firstChild?.textContent?.trim().startsWith(a.label)
			);
		if (a.kind === 'clear')
			return document.querySelector(`[data-testid="${a.view}-clear"]`) ?? undefined;
		return document.querySelector('[data-testid="year-from"]') ?? undefined;
	};
	/** Resolves once every part of the page shows the view asked for (`data-settled`). */
	const settled = () => whenExplorer(explorer(), (d) => d.settled === 'true');
	/**
	 * One interaction with nothing before it (no press, no hover: as a script or a screen
	 * reader's activation would send it): a click event on a link of a view, or a year typed in
	 * the timeline's box; timed to the frame that shows every linked view and the table updated.
	 * `queries` is when the engine's answer came.
	 * @param {BenchAction} a
	 */
	w.benchAct = async (a) => {
		let el = target(a);
		// The timeline and the map are below the first screen, drawn when the page is idle while
		// out of sight; a reader clicks them once they are in sight, and so drawn. Back to back,
		// the bench would click links drawn from the view before last, which (applied to the
		// address as it is now) may change nothing. So it waits, unmeasured, for them to show
		// the view, as a reader's scroll to them would.
		if (el?.closest('[data-drawn-from="charts"]')) {
			await settled();
			el = target(a);
		}
		// The facets and the map's chips list only values with figures under the other filters:
		// a step whose value has none is skipped (the run says how many were).
		if (!el) return { total: NaN, queries: NaN };
		const painted = w.benchNextUpdate();
		performance.clearMeasures();
		const t0 = performance.now();
		if (a.kind === 'from') {
			/** @type {HTMLInputElement} */ (el).value = String(a.year);
			el.dispatchEvent(new Event('change', { bubbles: true }));
		} else
			el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
		const total = (await painted) - t0;
		const ends = performance
			.getEntriesByType('measure')
			.filter((m) => m.name.startsWith('cifras:'))
			.map((m) => m.startTime + m.duration - t0);
		return { total, queries: Math.max(0, ...ends) };
	};
	/** A bare click on a topic bar. @param {string} label */
	w.benchClick = (label) => w.benchAct({ kind: 'mark', view: 'view-topic', label });
}

/**
 * @typedef {{
 *   benchNextUpdate: () => Promise<number>,
 *   benchClick: (label: string) => Promise<{ total: number, queries: number }>,
 *   benchAct: (action: BenchAction) => Promise<{ total: number, queries: number }>,
 *   benchUpdate: Promise<number>,
 *   benchFirstAnswer?: number
 * }} BenchWindow
 */

/** @param {import('@playwright/test').Page} page @param {BenchAction} action */
const actLatency = (page, action) =>
	page.evaluate(
		(action) => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).benchAct(action),
		action
	);

/** @param {import('@playwright/test').Page} page @param {string} label */
const clickLatency = (page, label) =>
	page.evaluate(
		(label) => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).benchClick(label),
		label
	);

/**
 * The same bare clicks with no driver attached. A driver is told of every navigation over the
 * DevTools protocol, and Playwright's Node process spent about 3 ms of CPU on each pushState
 * here: on two cores that slowed DuckDB-wasm's worker by about 10 ms a click, a cost no reader's
 * browser has. So a Chromium of its own loads the page, the driver starts the clicks in the
 * page, disconnects, and comes back for the timings once they are done.
 * @param {string} url @returns {Promise<number[]>}
 */
async function detachedClicks(url) {
	const profile = mkdtempSync(`${tmpdir()}/cifras-bench-`);
	const port = 9400 + Math.floor(Math.random() * 500);
	const proc = spawn(
		chromiumPath(),
		[
			...CHROMIUM_ARGS,
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			// The window is larger than the page's viewport by headless Chromium's frame; 1440 × 1000 inside.
			'--window-size=1440,1143',
			'about:blank'
		],
		{ stdio: 'ignore' }
	);
	const attach = async () => {
		for (let i = 0; ; i++) {
			try {
				const b = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
				const p = b.contexts()[0]?.pages()[0];
				if (p) return { b, p };
				await b.close();
			} catch (e) {
				if (i > 50) throw e;
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	};
	try {
		let { b, p } = await attach();
		await p.goto(url);
		if (/engine=duckdb|synthetic=/.test(url))
			await p
				.locator('[data-testid="engine-status"][data-state="ready"]')
				.waitFor({ timeout: 180_000 });
		await p.locator('.explorer:not([data-updates="0"])').waitFor({ timeout: 180_000 });
		await p.evaluate(installUpdateWatch);
		await p.evaluate(
			(labels) => {
				const w = /** @type {BenchWindow & { benchAlone?: number[] }} */ (
					/** @type {unknown} */ (window)
				);
				const pause = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
				void (async () => {
					await pause(1500); // the driver has gone by then
					const out = [];
					for (const label of labels) {
						out.push((await w.benchClick(label)).total);
						await pause(100);
					}
					w.benchAlone = out;
				})();
			},
			Array.from({ length: INTERACTIONS }, (_, i) => topicAt(i))
		);
		await b.close(); // disconnects; the browser and its page go on
		await new Promise((r) => setTimeout(r, 1500 + INTERACTIONS * 250));
		({ b, p } = await attach());
		await p.waitForFunction(() => 'benchAlone' in window, null, { timeout: 180_000 });
		const times = await p.evaluate(
			() => /** @type {{ benchAlone: number[] }} */ (/** @type {unknown} */ (window)).benchAlone
		);
		await b.close();
		return times;
	} finally {
		proc.kill();
		await new Promise((r) => proc.once('exit', r));
		// Chromium's helpers may still be writing to the profile for a moment after it exits.
		try {
			rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		} catch {
			process.stderr.write(`bench: left ${profile} behind\n`);
		}
	}
}

/**
 * The pointer moved onto a topic bar, pressed for PRESS_MS and released (Chromium's own input
 * events, as a mouse or finger makes them); timed from the click event, which comes with the
 * release, to the frame that shows every view updated.
 * @param {import('@playwright/test').Page} page @param {string} label @returns {Promise<number>}
 */
async function pressLatency(page, label) {
	const box = await page.locator(`#view-topic a[aria-label^="${label}:"]`).last().boundingBox();
	if (!box) throw new Error(`No bar for ${label}`);
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.evaluate(() => {
		const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
		const painted = w.benchNextUpdate();
		w.benchUpdate = new Promise((resolve) =>
			addEventListener(
				'click',
				() => {
					const t0 = performance.now();
					void painted.then((end) => resolve(end - t0));
				},
				{ capture: true, once: true }
			)
		);
	});
	await page.mouse.down();
	await page.waitForTimeout(PRESS_MS);
	await page.mouse.up();
	return page.evaluate(
		() => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).benchUpdate
	);
}

/** @type {Awaited<ReturnType<typeof run>>[]} */
const rows = [];
/** The first contentful paint of `/es` (median of nine loads). */
let spanishPaint = NaN;
/** @type {string[]} */
let sqlLines = [];
/** @type {string[]} */
let readerLines = [];
try {
	// BENCH_ONLY=reader measures the reader's longest document alone.
	if (ONLY === '' || ONLY === 'reader') readerLines = await benchReader(browser, PORT);
	if (ONLY !== 'sql' && ONLY !== 'reader')
		for (const dataset of [
			'real',
			...(DATA === 'real' ? [] : [`${SYNTHETIC.toLocaleString('en-US')} synthetic rows`])
		]) {
			// Synthetic rows are answered by DuckDB-wasm only (the instant engine is for the curated figures).
			/** @type {('instant' | 'duckdb')[]} */
			const engines = dataset === 'real' ? ['instant', 'duckdb'] : ['duckdb'];
			for (const engine of engines) {
				process.stderr.write(`bench: ${dataset}, ${engine}…\n`);
				rows.push(await run(dataset, engine));
			}
		}
	// The Spanish edition's home, held to the same first paint as the English one.
	if (ONLY !== 'sql' && ONLY !== 'reader')
		spanishPaint = await medianFirstPaint(`http://127.0.0.1:${PORT}/es/`);
	if (ONLY !== 'explorer' && ONLY !== 'reader') sqlLines = await benchSql(browser, PORT, SQL_SIZES);
} finally {
	await browser.close();
	server.kill();
}

/** @param {number} n */
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');

/**
 * What a first visit to `/` receives, as the size budgets measure it (brotli; the JavaScript
 * fetched before the load event), against issue 21's targets, with the first paint and the
 * clicks' p95 on the real data from the runs above.
 */
function firstVisitLines() {
	const out = spawnSync('npx', ['tsx', 'scripts/check-budgets.ts', 'build'], { encoding: 'utf8' });
	const size = (/** @type {string} */ m) =>
		Number(new RegExp(`/ ${m}: ([\\d,]+) bytes`).exec(out.stdout)?.[1]?.replace(/,/g, '') ?? NaN);
	const real = rows.filter((r) => r.dataset === 'real');
	const kb = (/** @type {number} */ n) =>
		Number.isFinite(n) ? `${(n / 1000).toFixed(1)} kB` : '—';
	const paint = real.find((r) => r.engine === 'instant')?.firstChart ?? NaN;
	const esSize = (/** @type {string} */ m) =>
		Number(new RegExp(`/es ${m}: ([\\d,]+) bytes`).exec(out.stdout)?.[1]?.replace(/,/g, '') ?? NaN);
	return [
		'| `/` and `/es`, first visit | measured | target |',
		'|---|---|---|',
		`| first contentful paint (median of 9 loads) | ${ms(paint)} | ≤ 200 ms |`,
		`| first contentful paint, \`/es\` | ${ms(spanishPaint)} | ≤ 200 ms |`,
		`| HTML (brotli) | ${kb(size('html'))} | ≤ 30 kB |`,
		`| HTML (brotli), \`/es\` | ${kb(esSize('html'))} | ≤ 30 kB |`,
		`| JavaScript before the load event (brotli) | ${kb(size('js'))} | ≤ 150 kB |`,
		`| JavaScript before the load event (brotli), \`/es\` | ${kb(esSize('js'))} | ≤ 150 kB |`,
		...real.map(
			(r) =>
				`| a click's update, p95, real data, ${r.engine === 'duckdb' ? 'DuckDB-wasm' : 'instant engine'} | ${ms(r.p95)} | ≤ 30 ms |`
		)
	];
}
const lines = [
	`| data | engine | first chart | first answer in the browser | layout shift | DuckDB ready | click: update median | click: p95 | of which queries (median) | click, no driver: median | no driver: p95 | press ${PRESS_MS} ms: update median | press: p95 | all views, ${THINK_MS / 1000} s apart: median | p95 | all views, back to back: median | p95 | JS heap |`,
	`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
	...rows.map(
		(r) =>
			`| ${r.dataset} | ${r.engine === 'duckdb' ? 'DuckDB-wasm' : 'Instant (TS)'} | ${ms(r.firstChart)} | ${ms(r.firstAnswer)} | ${Number(r.shift).toFixed(3)} | ${ms(r.duckReady)} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.queries)} | ${ms(r.aloneMedian)} | ${ms(r.aloneP95)} | ${ms(r.pressMedian)} | ${ms(r.pressP95)} | ${ms(r.mixedMedian)} | ${ms(r.mixedP95)} | ${ms(r.rushedMedian)} | ${ms(r.rushedP95)} | ${Number.isFinite(r.memory) ? `${r.memory.toFixed(0)} MB` : '—'} |`
	)
];
const out = [
	...(rows.length ? [...firstVisitLines(), '', ...lines] : []),
	...(sqlLines.length ? ['', ...sqlLines] : []),
	...(readerLines.length ? ['', ...readerLines] : [])
];
console.log(out.join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', out.join('\n') + '\n');
