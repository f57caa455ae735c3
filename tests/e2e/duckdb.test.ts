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
	expect(engines).toContain('cifras:duckdb:explorer');
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
	await page.goto('/?engine=instant');
	await ready(page);
	await expect(page.getByTestId('engine-status')).toContainText('Instant engine only');
	await mark(page, 'view-topic', 'Remittances').click();
	await expect(page).toHaveURL(/topic=remittances/);
	await expect(page).toHaveURL(/engine=instant/);
	await page.waitForTimeout(2000);
	expect(wasm).toEqual([]);
});

/** Waits for DuckDB-wasm to answer the explorer, then forgets the queries made so far. */
async function duckDbAnswering(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 30_000
	});
	// The view DuckDB answered on becoming ready is not these tests' concern.
	await page.waitForTimeout(500);
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

test('a press on a bar starts its query before the click; a press dragged away changes nothing', async ({
	page
}) => {
	const figures = await allFigures(page);
	await duckDbAnswering(page);
	const centre = async (label: string) => {
		const box = (await mark(page, 'view-topic', label).boundingBox())!;
		return [box.x + box.width / 2, box.y + box.height / 2] as const;
	};

	// Pressed on Labour, released off the chart: no click, so the view stays as it was.
	await page.mouse.move(...(await centre('Labour')));
	await page.mouse.down();
	await page.mouse.move(5, 5);
	await page.mouse.up();
	await page.waitForTimeout(300);
	await expect(page).toHaveURL(/\/$/);
	expect(await total(page)).toBe(figures.length);

	// Pressed and released on Remittances: the view follows, answered from the press.
	await page.evaluate(() => performance.clearMeasures());
	await markNext(page, 'click');
	await page.mouse.move(...(await centre('Remittances')));
	await page.mouse.down();
	await page.waitForTimeout(100);
	await page.mouse.up();
	await expect(page).toHaveURL(/\?topic=remittances$/);
	const remittances = figures.filter((f) => f.topic === 'remittances');
	await expect.poll(() => total(page)).toBe(remittances.length);
	expect((await tableIds(page)).sort()).toEqual(remittances.map((f) => f.figure_id).sort());
	// One query for the view, begun on the press, before the click; none asked twice.
	const started = await queryStarts(page, 'click');
	expect(started.queries).toHaveLength(1);
	expect(started.queries[0]).toBeLessThan(started.event);
});

test('a bar that keeps keyboard focus has its view asked for before Enter', async ({ page }) => {
	const figures = await allFigures(page);
	await duckDbAnswering(page);
	await page.keyboard.press('Tab');
	await mark(page, 'view-topic', 'Labour').focus();
	await page.waitForTimeout(400);
	await markNext(page, 'keydown');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\?topic=labour$/);
	await expect.poll(() => total(page)).toBe(figures.filter((f) => f.topic === 'labour').length);
	const started = await queryStarts(page, 'keydown');
	expect(started.queries).toHaveLength(1);
	expect(started.queries[0]).toBeLessThan(started.event);
});
