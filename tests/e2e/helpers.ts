/** Reading the explorer's state the way a user sees it: chart marks by their labels, table rows, URL. */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { SiteFigure } from '../../src/lib/data/site-table';
import { FIGURE_FILE_COLUMNS } from '../../src/lib/queries/user-figures';

/** Whether a figure is under a topic: any of its topics (the first is its primary one). */
export const hasTopic = (f: Pick<SiteFigure, 'topics'>, topic: string) =>
	f.topics.split(';').includes(topic);

/** Whether a figure's reference time overlaps the years [from, to], as the year filter reads it. */
export const inYears = (f: Pick<SiteFigure, 'ref_start' | 'ref_end'>, from: number, to: number) =>
	f.ref_start !== null && f.ref_end !== null && f.ref_start <= to && f.ref_end >= from;

export async function allFigures(page: Page): Promise<SiteFigure[]> {
	const res = await page.request.get('/data/figures.json');
	return (await res.json()) as SiteFigure[];
}

/** The count a bar or country shows, from its accessible label ("Remittances: 3 figures"). */
export async function markCount(page: Page, view: string, label: string): Promise<number> {
	// A facet lists only values some figure has under the other filters: none listed is 0.
	if ((await page.locator(`#${view} a[aria-label^="${label}:"]`).count()) === 0) return 0;
	const mark = page.locator(`#${view} a[aria-label^="${label}:"]`).last();
	const text = (await mark.getAttribute('aria-label')) ?? '';
	return Number(/: (\d+) figure/.exec(text)?.[1] ?? NaN);
}

/** The values chosen in a facet or chart, as their labels in alphabetical order joined by ", " ('' when none). */
export async function chosen(page: Page, view: string): Promise<string> {
	return (
		await page
			.locator(`#${view} a[aria-current="true"]`)
			.evaluateAll((as) =>
				as.map((a) => a.getAttribute('aria-label')!.replace(/: \d+ figures?, selected$/, ''))
			)
	)
		.sort()
		.join(', ');
}

export function mark(page: Page, view: string, label: string) {
	return page.locator(`#${view} a[aria-label^="${label}:"]`).last();
}

export async function tableIds(page: Page): Promise<string[]> {
	return page
		.locator('[data-testid="figure-table"] tbody tr[data-figure-id]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-figure-id')!));
}

export async function total(page: Page): Promise<number> {
	return Number(await page.getByTestId('total').textContent());
}

/**
 * Waits until the explorer has hydrated and shows the answer to the address in the location
 * bar: the linked views, and the sections below them (drawn when the browser is idle) too. Use
 * it after loading the page and after anything that changes the address.
 */
export async function ready(page: Page) {
	await page.waitForFunction(
		() => {
			const e = document.querySelector<HTMLElement>('.explorer');
			return (
				!!e &&
				e.dataset.updates !== '0' &&
				e.dataset.settled === 'true' &&
				// The timeline, the map and the comparisons, whose code comes after the load event.
				e.dataset.later === '2' &&
				e.dataset.address === location.search
			);
		},
		null,
		{ polling: 50, timeout: 0 }
	);
}

/**
 * Stops the page's clock (installed with `page.clock.install()` before the page loaded), so
 * its timers wait until the test moves time on with `page.clock.runFor`.
 */
export async function pauseClock(page: Page) {
	const now = await page.evaluate(() => Date.now());
	// `pauseAt` moves the clock forward to a time: a few seconds on covers this round trip on a
	// busy machine. Timers due meanwhile fire once, as they would have by then.
	await page.clock.pauseAt(now + 5_000);
}

/**
 * Brings each chart on the page into view in turn and waits until it is drawn in the browser
 * (not only prerendered): what a reader who scrolls through the page sees. Charts in closed
 * disclosures or hidden slides are left as they are.
 */
export async function drawCharts(page: Page) {
	await page.locator('html[data-hydrated]').waitFor();
	const charts = page.locator('.plot').filter({ visible: true });
	const n = await charts.count();
	for (let i = 0; i < n; i++) {
		await charts.nth(i).scrollIntoViewIfNeeded();
		await expect(charts.nth(i)).toHaveAttribute('data-drawn', 'true');
	}
}

export function searchParams(page: Page): URLSearchParams {
	return new URL(page.url()).searchParams;
}

/** The data version of the build under test (`build:data` writes it). */
export const DATA_VERSION = JSON.parse(readFileSync('build/data/version.json', 'utf8')) as {
	version: string;
	date: string;
};

/**
 * A CSV of `n` figures of the reader's own, with the columns of `data/figures.csv`, for the SQL
 * workbench: remittances to Mexico in 2010, quoted as said by "Zanzibarquux" (a word found nowhere else).
 */
export function userFiguresCsv(n: number): string {
	// The columns a user's table needs: the first twenty of figures.csv.
	const header = FIGURE_FILE_COLUMNS.map(([n]) => n).join(',');
	const row = (i: number) =>
		`mine-${i},hemispheric-2002,${i},,,"Zanzibarquux says ${i},000 people sent money home",${i * 1000},,,exact,usd,2010,Mexico,MEX,remittances,my remittances,,,"${i},000",`;
	return [header, ...Array.from({ length: n }, (_, k) => row(k + 1))].join('\n') + '\n';
}

/**
 * Waits until the explorer's DuckDB-wasm is ready (its indicator says so). On a busy machine the
 * worker and its files take many seconds: the wait allows thirty.
 */
export async function duckDbReady(page: Page) {
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
}

/** Opens the SQL workbench (`/es/sql` for the Spanish one) and waits until DuckDB-wasm is ready there. */
export async function openWorkbench(page: Page, at = '/sql') {
	await page.goto(at);
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
}

/**
 * Types a query in the workbench's editor, once the previous one is done, and runs it with
 * Ctrl+Enter. A key press between the two has the editor read the typed text into its state
 * first (a run once took the previous query's text, with the completions list open).
 */
export async function runSql(page: Page, sql: string) {
	// The previous query's result is on screen before the page has refreshed its table list; a
	// Run pressed before then is ignored, as the Run button is while a query runs.
	await expect(page.locator('.workbench')).toHaveAttribute('data-running', 'false', {
		timeout: 60_000
	});
	const editor = page.getByTestId('sql-editor');
	await editor.fill(sql);
	await editor.press('End');
	await editor.press('Control+Enter');
}

/** Fails naming every rule axe finds broken on the page (WCAG 2.2 AA and best practice). */
export async function expectNoViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	expect(
		violations.map((v) => ({
			id: v.id,
			help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`)
		}))
	).toEqual([]);
}
