/**
 * A shared link to a selection opens on that selection, never on the prerendered page's every
 * figure: until the page's scripts have applied it, the figures wait behind a line that says so.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ready } from './helpers';

/** Holds the page's modules until `release` is called: the moment before the page runs. */
async function holdScripts(page: Page) {
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return () => release();
}

for (const [path, pending] of [
	['/?topic=remittances', 'Showing the figures this link selects…'],
	['/es/?topic=remittances', 'Mostrando las cifras que selecciona este enlace…']
] as const)
	test(`${path} shows no figure until its selection is applied`, async ({ page }) => {
		const release = await holdScripts(page);
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		await expect(page.locator('html')).toHaveAttribute('data-selection-pending', '');
		await expect(page.getByRole('status').filter({ hasText: pending })).toBeVisible();
		// The prerendered cards are every figure's: in the page, and not seen.
		const every = (await page.getByTestId('total').textContent())!;
		await expect(page.getByTestId('total')).toBeHidden();
		await expect(page.locator('.cards [data-figure-id]').first()).toBeHidden();
		const top = await page.locator('.finder').evaluate((f) => f.getBoundingClientRect().top);

		release();
		await ready(page);
		await expect(page.locator('html')).not.toHaveAttribute('data-selection-pending');
		await expect(page.getByText(pending)).toBeHidden();
		await expect(page.getByTestId('total')).toBeVisible();
		await expect(page.getByTestId('total')).not.toHaveText(every);
		await expect(page.locator('.cards [data-figure-id]').first()).toBeVisible();
		// Nothing moved when they showed.
		expect(await page.locator('.finder').evaluate((f) => f.getBoundingClientRect().top)).toBe(top);
	});

for (const path of ['/', '/?engine=duckdb'])
	test(`${path} selects nothing, and shows its figures at once`, async ({ page }) => {
		const release = await holdScripts(page);
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		await expect(page.getByTestId('total')).toBeVisible();
		await expect(page.locator('html')).not.toHaveAttribute('data-selection-pending');
		release();
	});
