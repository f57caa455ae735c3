import { test, expect } from './fixtures';

test('DuckDB-wasm loads from the site itself and answers a query on the built data', async ({
	page,
	blockedRequests
}) => {
	await page.goto('/');
	const status = page.getByTestId('engine-status');
	await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	const figures = await page.evaluate(async () => (await fetch('/data/figures.json')).json());
	await expect(status).toContainText(`${(figures as unknown[]).length} figures loaded`);
	expect(blockedRequests).toEqual([]);
});
