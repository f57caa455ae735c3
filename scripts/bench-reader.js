// The reader's part of `npm run bench`: the longest document, /documents/hemispheric-2002
// (5,063 lines, 72 figures), loaded fresh nine times. First paint is the first contentful paint;
// total blocking time sums each long task's time over 50 ms from that paint until the page has
// been quiet (no long task) for a second, as Lighthouse counts it up to interactivity. Also the
// page's size as a browser receives it (brotli), the layout shift while it loads, and the first
// paint of the explorer (`/`) loaded in turn with it, since this machine's speed moves between
// runs: the reader's target is to paint no later than the explorer's first screen.

const LOADS = 9;
const PATH = '/documents/hemispheric-2002';

/** Installed before the page's own scripts: records every long task and layout shift. */
function installWatch() {
	const w = /** @type {{ benchLong: [number, number][]; benchShift: number }} */ (
		/** @type {unknown} */ (window)
	);
	w.benchLong = [];
	w.benchShift = 0;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.benchLong.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			w.benchShift += /** @type {PerformanceEntry & { value: number }} */ (e).value;
	}).observe({ type: 'layout-shift', buffered: true });
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {number} port
 * @returns {Promise<string[]>} the markdown table's lines
 */
export async function benchReader(browser, port) {
	const url = `http://127.0.0.1:${port}${PATH}`;
	const paints = [];
	const explorerPaints = [];
	const blocking = [];
	const shifts = [];
	let bytes = NaN;
	for (let i = 0; i < LOADS; i++) {
		const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
		await context.addInitScript(installWatch);
		const page = await context.newPage();
		const response = await page.goto(url);
		if (i === 0) bytes = Number((await response?.headerValue('content-length')) ?? NaN);
		await page.locator('html[data-hydrated]').waitFor();
		const result = await page.evaluate(
			() =>
				new Promise((resolve) => {
					const w = /** @type {{ benchLong: [number, number][]; benchShift: number }} */ (
						/** @type {unknown} */ (window)
					);
					const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
					const lastEnd = () => Math.max(0, ...w.benchLong.map(([t, d]) => t + d));
					const start = performance.now();
					// Until a second has passed with no long task (and a second since here), at most 10 s in.
					const wait = () => {
						const now = performance.now();
						if ((now - start >= 1000 && now - lastEnd() >= 1000) || now > 10_000) {
							const tbt = w.benchLong
								.filter(([t]) => t >= fcp)
								.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
							resolve({ fcp, tbt, shift: w.benchShift });
						} else requestAnimationFrame(wait);
					};
					wait();
				})
		);
		const r = /** @type {{ fcp: number; tbt: number; shift: number }} */ (result);
		paints.push(r.fcp);
		blocking.push(r.tbt);
		shifts.push(r.shift);
		await context.close();
		const other = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
		const explorer = await other.newPage();
		await explorer.goto(`http://127.0.0.1:${port}/`);
		explorerPaints.push(
			await explorer.evaluate(
				() =>
					new Promise((resolve) =>
						new PerformanceObserver((list) => {
							const fcp = list.getEntriesByName('first-contentful-paint')[0];
							if (fcp) resolve(fcp.startTime);
						}).observe({ type: 'paint', buffered: true })
					)
			)
		);
		await other.close();
	}
	const ms = (/** @type {number} */ n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
	return [
		`| reader page | HTML (brotli) | first paint, median | max of ${LOADS} | \`/\` loaded in turn: first paint, median | total blocking time, median | max | layout shift, median |`,
		`|---|---|---|---|---|---|---|---|`,
		`| ${PATH} | ${Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} kB` : '—'} | ${ms(median(paints))} | ${ms(Math.max(...paints))} | ${ms(median(/** @type {number[]} */ (explorerPaints)))} | ${ms(median(blocking))} | ${ms(Math.max(...blocking))} | ${median(shifts).toFixed(3)} |`
	];
}
