/**
 * A shared link to a selection opens on that selection, never on the prerendered page's every
 * figure: until the page's scripts have applied it, the figures wait behind a line that says so;
 * if the scripts never come, every figure shows under a line that says the link was not applied.
 * The page's clock is held, so its 15 s fallback runs only when a test says.
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

/** Opens `path` with the page's modules held back and its clock stopped. */
async function openHeld(page: Page, path: string) {
	await page.clock.install();
	await page.clock.pauseAt(new Date('2030-01-01T00:00:00Z'));
	const release = await holdScripts(page);
	await page.goto(path, { waitUntil: 'domcontentloaded' });
	return release;
}

/** The page's layout shift so far: what a reader saw move, hidden parts not counted. */
const layoutShift = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let sum = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries())
						sum += (e as PerformanceEntry & { value: number }).value;
				}).observe({ type: 'layout-shift', buffered: true });
				requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)));
			})
	);

for (const [path, pending] of [
	['/?topic=remittances', 'Loading the figures this link selects…'],
	['/es/?topic=remittances', 'Cargando las cifras que selecciona este enlace…']
] as const)
	test(`${path} shows no figure until its selection is applied`, async ({ page }) => {
		const release = await openHeld(page, path);
		await expect(page.locator('html')).toHaveAttribute('data-selection-pending', '');
		await expect(page.getByRole('status').filter({ hasText: pending })).toBeVisible();
		// The prerendered cards are every figure's: in the page, and not seen.
		const every = (await page.getByTestId('total').textContent())!;
		await expect(page.getByTestId('total')).toBeHidden();
		await expect(page.locator('.cards [data-figure-id]').first()).toBeHidden();

		release();
		await page.clock.resume();
		await ready(page);
		await expect(page.locator('html')).not.toHaveAttribute('data-selection-pending');
		await expect(page.getByText(pending)).toBeHidden();
		await expect(page.getByTestId('total')).toBeVisible();
		await expect(page.getByTestId('total')).not.toHaveText(every);
		await expect(page.locator('.cards [data-figure-id]').first()).toBeVisible();
		// Nothing the reader saw moved. (Shown while the link's view came, the facets moved 5 px
		// under its filter chip, a shift of 0.0006 at this size; the cards are replaced, which is
		// not a shift. A web font arriving late on a busy machine nudged a line by 0.000005 in CI.)
		expect(await layoutShift(page)).toBeLessThan(0.0001);
	});

test('a link whose scripts never come shows every figure after 15 s, saying its filters were not applied', async ({
	page
}) => {
	await openHeld(page, '/?topic=remittances');
	const failed = page.getByText('This link’s filters could not be applied');
	await page.clock.runFor(14_000);
	await expect(page.locator('html')).toHaveAttribute('data-selection-pending', '');
	await expect(failed).toBeHidden();
	await page.clock.runFor(1_000);
	await expect(page.locator('html')).toHaveAttribute('data-selection-failed', '');
	await expect(failed).toBeVisible();
	await expect(page.getByTestId('total')).toBeVisible();
	await expect(page.locator('.cards [data-figure-id]').first()).toBeVisible();
});

for (const path of ['/', '/?engine=duckdb', '/?utm_source=newsletter&fbclid=x'])
	test(`${path} chooses no figures, and shows them at once`, async ({ page }) => {
		const release = await openHeld(page, path);
		await expect(page.getByTestId('total')).toBeVisible();
		await expect(page.locator('html')).not.toHaveAttribute('data-selection-pending');
		release();
	});
