import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, mark, ready, tableIds, total } from './helpers';

test('DuckDB-wasm loads from the site itself and answers a query on the built data', async ({
	page,
	blockedRequests
}) => {
	await page.goto('/');
	const status = page.getByTestId('engine-status');
	await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	const figures = await allFigures(page);
	await expect(status).toContainText(`${figures.length} figures loaded`);
	expect(blockedRequests).toEqual([]);
});

test('once ready, the explorer is answered by DuckDB-wasm with the same counts', async ({
	page
}) => {
	const figures = await allFigures(page);
	await page.goto('/');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	await page.evaluate(() => performance.clearMeasures());
	await mark(page, 'view-topic', 'Remittances').click();
	await expect
		.poll(() => total(page))
		.toBe(figures.filter((f) => f.topic === 'remittances').length);
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
			await c.query("SELECT count(*)::INTEGER AS n FROM figures WHERE topic = 'remittances'")
		)[0]!.n;
	});
	expect(n).toBe(figures.filter((f) => f.topic === 'remittances').length);
});

test('when DuckDB-wasm cannot load, the explorer keeps working on the instant engine and offers a retry', async ({
	page,
	pageErrors
}) => {
	const figures = await allFigures(page);
	let fail = true;
	await page.route('**/*.wasm', (route) => (fail ? route.abort('failed') : route.fallback()));
	await page.goto('/');
	const status = page.getByTestId('engine-status');
	await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
	await expect(status).toContainText('Reduced mode');
	await expect(status).not.toContainText('.).');
	await mark(page, 'view-topic', 'Labour').click();
	await expect.poll(() => total(page)).toBe(figures.filter((f) => f.topic === 'labour').length);
	fail = false;
	await status.getByRole('button', { name: 'Retry' }).click();
	await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect.poll(() => total(page)).toBe(figures.filter((f) => f.topic === 'labour').length);
	// The blocked download is the one error this test expects.
	const unexpected = pageErrors.filter((e) => !/Failed to load resource: net::ERR_FAILED/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
});

test('?engine=instant keeps to the instant engine and never downloads DuckDB-wasm', async ({
	page
}) => {
	const wasm: string[] = [];
	page.on('request', (r) => {
		if (/\.wasm$|duckdb/.test(r.url())) wasm.push(r.url());
	});
	// Elsewhere the page starts DuckDB-wasm when it is first idle, 1.5 s after loading at the
	// latest: here the page's clock is moved on well past that.
	await page.clock.install();
	await page.goto('/?engine=instant');
	await ready(page);
	const status = page.getByTestId('engine-status');
	await expect(status).toContainText('Instant engine only');
	await mark(page, 'view-topic', 'Remittances').click();
	await expect(page).toHaveURL(/topic=remittances/);
	await expect(page).toHaveURL(/engine=instant/);
	await ready(page);
	await page.clock.runFor(10_000);
	// Starting DuckDB-wasm would have marked it loading at once, before any download.
	await expect(status).toHaveAttribute('data-state', 'idle');
	await expect(status).toContainText('Instant engine only');
	expect(wasm).toEqual([]);
});

/** Waits for DuckDB-wasm to answer the explorer, then forgets the queries made so far. */
async function duckDbAnswering(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	// Once ready, DuckDB-wasm answers the view on screen again: these tests begin after that.
	await expect
		.poll(() => page.evaluate(() => performance.getEntriesByName('cifras:duckdb:explorer').length))
		.toBeGreaterThan(0);
	await ready(page);
	await page.evaluate(() => performance.clearMeasures());
}

/** Marks the next event of this type (capture phase), to compare query start times with it. */
const markNext = (page: Page, type: 'click' | 'keydown') =>
	page.evaluate((type) => {
		addEventListener(type, () => performance.mark(`next-${type}`), { capture: true, once: true });
	}, type);

/** When the marked event came, and when each explorer query on DuckDB-wasm began. */
const queryStarts = (page: Page, type: 'click' | 'keydown') =>
	page.evaluate(
		(type) => ({
			event: performance.getEntriesByName(`next-${type}`)[0]!.startTime,
			queries: performance
				.getEntriesByType('measure')
				.filter((m) => m.name === 'cifras:duckdb:explorer')
				.map((m) => m.startTime)
		}),
		type
	);

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
	await expect(page).toHaveURL(/\?topic=remittances$/);
	await mark(page, 'view-topic', 'Labour').click();
	await expect(page).toHaveURL(/\?topic=labour%2Cremittances$/);
	const topics = figures.filter((f) => f.topic === 'labour' || f.topic === 'remittances');
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
	const wld = topics.filter((f) => f.doc_id === 'hemispheric-2002' && f.geo_code === 'WLD');
	await expect(page.locator('#view-geo .regions a', { hasText: 'World' })).toContainText(
		String(wld.length)
	);

	// A year range, from the year view's index: periods overlapping it, undated figures out.
	await indexesBuilt(page);
	await page.evaluate(() => performance.clearMeasures());
	await page.getByTestId('year-from').fill('1990');
	await page.getByTestId('year-from').press('Enter');
	await expect(page).toHaveURL(/years=1990-\d{4}/);
	const [, to] = new URL(page.url()).searchParams.get('years')!.split('-').map(Number);
	await expectTable(
		topics.filter(
			(f) =>
				f.doc_id === 'hemispheric-2002' &&
				f.period_start !== null &&
				f.period_start <= to! &&
				f.period_end! >= 1990
		)
	);
	expect(await measures(page)).toEqual(['cifras:duckdb:index']);

	// A search changes what every index depends on: it is asked of DuckDB-wasm.
	await page.evaluate(() => performance.clearMeasures());
	await page.getByTestId('search').fill('remittances');
	await expect(page).toHaveURL(/q=remittances/);
	await expect.poll(() => measures(page)).toContain('cifras:duckdb:explorer');
});

test('a press on a link starts the query of its view before the click; a press dragged away changes nothing', async ({
	page
}) => {
	const figures = await allFigures(page);
	await duckDbAnswering(page);
	// The topic view's index answers a press on a topic without a query, so the one query
	// below is the header's.
	await indexesBuilt(page);
	const centre = async (target: ReturnType<Page['locator']>) => {
		await target.scrollIntoViewIfNeeded();
		const box = (await target.boundingBox())!;
		return [box.x + box.width / 2, box.y + box.height / 2] as const;
	};

	// Pressed on Labour, released off the chart: no click, so the view stays as it was (and the
	// sort below, which builds on the address, gives an address with no topic).
	await page.mouse.move(...(await centre(mark(page, 'view-topic', 'Labour'))));
	await page.mouse.down();
	await page.mouse.move(5, 5);
	await page.mouse.up();
	await ready(page);
	await expect(page).toHaveURL(/\/$/);
	expect(await total(page)).toBe(figures.length);

	// Pressed and released on the table's Place header (a sort no index holds): the view
	// follows, answered from the press.
	const header = page.locator('[data-testid="figure-table"] thead a', { hasText: 'Place' });
	const at = await centre(header);
	await page.evaluate(() => performance.clearMeasures());
	await markNext(page, 'click');
	await page.mouse.move(...at);
	await page.mouse.down();
	await page.mouse.up();
	await expect(page).toHaveURL(/\?sort=geography$/);
	await expect(
		page.locator('[data-testid="figure-table"] th[aria-sort="ascending"]')
	).toContainText('Place');
	// One query for the view, begun on the press, before the click; none asked twice.
	const started = await queryStarts(page, 'click');
	expect(started.queries).toHaveLength(1);
	expect(started.queries[0]).toBeLessThan(started.event);
});

test('a link that keeps keyboard focus has its view asked for before Enter', async ({ page }) => {
	await duckDbAnswering(page);
	await page.keyboard.press('Tab');
	await page.locator('[data-testid="figure-table"] thead a', { hasText: 'Period' }).focus();
	// Focus resting on it (150 ms) asks for its view: the page says so with its query's measure.
	await expect
		.poll(() => page.evaluate(() => performance.getEntriesByName('cifras:duckdb:explorer').length))
		.toBe(1);
	await markNext(page, 'keydown');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\?sort=period$/);
	await expect(
		page.locator('[data-testid="figure-table"] th[aria-sort="ascending"]')
	).toContainText('Period');
	const started = await queryStarts(page, 'keydown');
	expect(started.queries).toHaveLength(1);
	expect(started.queries[0]).toBeLessThan(started.event);
});
