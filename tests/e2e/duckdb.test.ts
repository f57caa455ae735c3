import { test, expect } from './fixtures';
import { allFigures, mark, ready, total } from './helpers';

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
