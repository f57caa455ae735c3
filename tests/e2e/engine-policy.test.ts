/**
 * Which engine answers, and what it costs a reader: the curated explorer runs on the instant
 * engine and downloads no WebAssembly (a journalist on a phone pays nothing for DuckDB-wasm);
 * the SQL workbench loads it when opened.
 */
import { test, expect } from './fixtures';
import { mark, markCount, ready } from './helpers';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('a phone-class page of / requests no .wasm while the explorer works, and /sql works after it', async ({
	page
}) => {
	await page.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 })
	);
	const wasm: string[] = [];
	page.context().on('request', (r) => {
		if (/\.wasm(\?|$)/.test(r.url())) wasm.push(r.url());
	});
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto('/');
	await ready(page);
	const remittances = await markCount(page, 'view-topic', 'Remittances');
	// On a phone the facets are in the Filters sheet.
	await page.getByTestId('facets').locator(':scope > summary').click();
	await mark(page, 'view-topic', 'Remittances').click();
	await expect(page).toHaveURL(/topic=remittances/);
	await expect(page.getByTestId('total')).toHaveText(String(remittances));
	await page.getByTestId('facets-done').click();
	await expect(page.getByTestId('engine-status')).toHaveCount(0);
	expect(wasm).toEqual([]);

	await page.getByRole('link', { name: 'SQL', exact: true }).click();
	await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	expect(wasm.length).toBeGreaterThan(0);
	await page.getByTestId('sql-editor').fill('SELECT count(*) AS n FROM figures');
	await page.getByTestId('sql-editor').press('Control+Enter');
	await expect(page.getByTestId('sql-notice')).toContainText('1 row in');
});
