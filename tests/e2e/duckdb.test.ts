import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
	allFigures,
	duckDbReady,
	hasTopic,
	inYears,
	mark,
	ready,
	tableIds,
	total
} from './helpers';

/*
 * The explorer answers the curated figures on the instant engine; DuckDB-wasm starts there only
 * for a reader's own rows (tests/e2e/sql.test.ts) or the bench's switches. These tests use the
 * switch `?engine=duckdb`, which makes the explorer answer on DuckDB-wasm.
 */

test('DuckDB-wasm loads from the site itself and answers a query on the built data', async ({
	page,
	blockedRequests
}) => {
	await page.goto('/?engine=duckdb');
	const status = page.getByTestId('engine-status');
	await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	const figures = await allFigures(page);
	// A few plain words in sight; the engine's version, rows and time on demand.
	await expect(status.locator('summary')).toContainText('Full SQL engine: ready');
	const details = status.getByText(`${figures.length} figures loaded`);
	await expect(details).toBeHidden();
	await status.locator('summary').click();
	await expect(details).toBeVisible();
	await expect(details).toContainText(/DuckDB \S+, running in this browser/);
	expect(blockedRequests).toEqual([]);
});

test('once ready, the explorer is answered by DuckDB-wasm with the same counts', async ({
	page
}) => {
	const figures = await allFigures(page);
	await page.goto('/?engine=duckdb');
	await duckDbReady(page);
	await page.evaluate(() => performance.clearMeasures());
	await mark(page, 'view-topic', 'Remittances').click();
	await expect
		.poll(() => total(page))
		.toBe(figures.filter((f) => hasTopic(f, 'remittances')).length);
	const engines = await page.evaluate(() =>
		performance.getEntriesByType('measure').map((m) => m.name)
	);
	// Asked of DuckDB-wasm, or of the topic view's index it built (see the index test below).
	expect(engines.filter((n) => n.startsWith('cifras:duckdb:')).length).toBeGreaterThan(0);
	expect(engines.filter((n) => n.startsWith('cifras:instant:'))).toEqual([]);
	// The console handle analysts can use gives the same answer.
	const n = await page.evaluate(async () => {
		const c = (
			globalThis as unknown as { cifras: { query: (s: string) => Promise<{ n: number }[]> } }
		).cifras;
		return (
			await c.query(
				"SELECT count(*)::INTEGER AS n FROM figures WHERE list_contains(string_split(topics, ';'), 'remittances')"
			)
		)[0]!.n;
	});
	expect(n).toBe(figures.filter((f) => hasTopic(f, 'remittances')).length);
});

test('when DuckDB-wasm cannot load, the explorer keeps working on the instant engine and offers a retry', async ({
	page,
	pageErrors
}) => {
	const figures = await allFigures(page);
	let fail = true;
	await page.route('**/*.wasm', (route) => (fail ? route.abort('failed') : route.fallback()));
	await page.goto('/?engine=duckdb');
	const status = page.getByTestId('engine-status');
	await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
	await expect(status).toContainText('Reduced mode');
	await expect(status).not.toContainText('.).');
	await mark(page, 'view-topic', 'Labour').click();
	await expect.poll(() => total(page)).toBe(figures.filter((f) => hasTopic(f, 'labour')).length);
	fail = false;
	await status.getByRole('button', { name: 'Retry' }).click();
	await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect.poll(() => total(page)).toBe(figures.filter((f) => hasTopic(f, 'labour')).length);
	// The blocked download is the one error this test expects.
	const unexpected = pageErrors.filter((e) => !/Failed to load resource: net::ERR_FAILED/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
});

test('the explorer keeps to the instant engine and never downloads DuckDB-wasm; old engine links still open', async ({
	page
}) => {
	const wasm: string[] = [];
	page.on('request', (r) => {
		if (/\.wasm$|duckdb/.test(r.url())) wasm.push(r.url());
	});
	// The page's clock moved on well past any idle start DuckDB-wasm could have had.
	await page.clock.install();
	// Links made before the instant engine became the explorer's own said `engine=instant`.
	await page.goto('/?engine=instant&topic=remittances');
	await ready(page);
	await expect(page.getByTestId('url-notice')).toHaveCount(0);
	await expect(page.getByTestId('engine-status')).toHaveCount(0);
	await mark(page, 'view-topic', 'Labour').click();
	await expect(page).toHaveURL(/\?topic=labour%2Cremittances$/);
	await ready(page);
	await page.clock.runFor(10_000);
	await expect(page.getByTestId('engine-status')).toHaveCount(0);
	expect(wasm).toEqual([]);
});

/** Waits for DuckDB-wasm to answer the explorer, then forgets the queries made so far. */
async function duckDbAnswering(page: Page) {
	await page.goto('/?engine=duckdb');
	await duckDbReady(page);
	// Once ready, DuckDB-wasm answers the view on screen again: these tests begin after that.
	await expect
		.poll(() => page.evaluate(() => performance.getEntriesByName('cifras:duckdb:explorer').length))
		.toBeGreaterThan(0);
	await ready(page);
	await page.evaluate(() => performance.clearMeasures());
}

/** Waits until the indexes of the views a click may change next are built for the view on screen. */
async function indexesBuilt(page: Page) {
	await expect
		.poll(() =>
			page
				.locator('.explorer')
				.evaluate((e: HTMLElement) => e.dataset.indexed === e.dataset.updates)
		)
		.toBe(true);
}

const measures = (page: Page) =>
	page.evaluate(() =>
		performance
			.getEntriesByType('measure')
			.map((m) => m.name)
			.filter((n) => n.startsWith('cifras:'))
	);

test('once the page is idle, clicks in a view are answered from its index, as a query would answer them', async ({
	page
}) => {
	const figures = await allFigures(page);
	await duckDbAnswering(page);
	await indexesBuilt(page);
	const expectTable = async (wanted: typeof figures) => {
		await expect.poll(() => total(page)).toBe(wanted.length);
		await expect
			.poll(async () => (await tableIds(page)).sort())
			.toEqual(wanted.map((f) => f.figure_id).sort());
	};

	// Two topics in quick succession, both from the topic view's index.
	await mark(page, 'view-topic', 'Remittances').click();
	await expect(page).toHaveURL(/\?topic=remittances&engine=duckdb$/);
	await mark(page, 'view-topic', 'Labour').click();
	await expect(page).toHaveURL(/\?topic=labour%2Cremittances&engine=duckdb$/);
	const topics = figures.filter((f) => hasTopic(f, 'labour') || hasTopic(f, 'remittances'));
	await expectTable(topics);
	expect(await measures(page)).toEqual(['cifras:duckdb:index', 'cifras:duckdb:index']);

	// Then a document, from the document view's index built for those topics.
	await indexesBuilt(page);
	await page.evaluate(() => performance.clearMeasures());
	await mark(page, 'view-doc', 'Hemispheric Conference 2002').click();
	await expect(page).toHaveURL(/doc=hemispheric-2002/);
	await expectTable(topics.filter((f) => f.doc_id === 'hemispheric-2002'));
	expect(await measures(page)).toEqual(['cifras:duckdb:index']);
	// The map ignores its own clause and follows the others.
	// A region's chip shows its count, and a region with no figure under them has no chip.
	for (const [code, name] of [
		['WLD', /^World\b/],
		['LAC', /^Latin America and the Caribbean\b/]
	] as const) {
		const n = topics.filter((f) => f.doc_id === 'hemispheric-2002' && f.geo_code === code).length;
		const chip = page.locator('#view-geo .regions a', { hasText: name });
		if (n) await expect(chip.locator('.n')).toHaveText(String(n));
		else await expect(chip).toHaveCount(0);
	}

	// A year range, from the year view's index: periods overlapping it, undated figures out.
	await indexesBuilt(page);
	await page.evaluate(() => performance.clearMeasures());
	await page.getByTestId('year-from').fill('1990');
	await page.getByTestId('year-from').press('Enter');
	await expect(page).toHaveURL(/years=1990-\d{4}/);
	const [, to] = new URL(page.url()).searchParams.get('years')!.split('-').map(Number);
	await expectTable(topics.filter((f) => f.doc_id === 'hemispheric-2002' && inYears(f, 1990, to!)));
	expect(await measures(page)).toEqual(['cifras:duckdb:index']);

	// A search changes what every index depends on: it is asked of DuckDB-wasm.
	await page.evaluate(() => performance.clearMeasures());
	await page.getByTestId('search').fill('remittances');
	await expect(page).toHaveURL(/q=remittances/);
	await expect.poll(() => measures(page)).toContain('cifras:duckdb:explorer');
});
