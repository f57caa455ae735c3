import { test, expect } from './fixtures';
import { allFigures, drawCharts, ready } from './helpers';

test('every figure page shows its quote, document and line', async ({ page }) => {
	test.slow();
	const figures = await allFigures(page);
	expect(figures.length).toBeGreaterThan(100);
	for (const f of figures) {
		await page.goto(`/figure/${f.figure_id}`);
		await expect(page.getByTestId('figure-quote')).toHaveText(
			`“${f.quote}”`.replace(/[“”]/g, '').length ? new RegExp(escape(f.quote)) : ''
		);
		await expect(page.getByTestId('figure-page')).toContainText(`Line ${f.line} of`);
		await expect(page.locator('mark').first()).toHaveText(f.value_text);
	}
});

test('a chart mark in the comparisons leads to its figure page', async ({ page }) => {
	await page.goto('/');
	await ready(page);
	// Comparison charts are drawn as they come near the screen.
	await drawCharts(page);
	// Plot writes chart links as xlink:href, which CSS attribute selectors do not see.
	const dot = page.locator('.compare a:has(circle)').first();
	await dot.click();
	await expect(page.getByTestId('figure-quote')).toBeVisible();
});

test('a number the text implies leads to its sentence, and the pages of its figures say what they imply', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	await drawCharts(page);
	// North America's quarter of the 175 million migrants: a ring in its card, no page of its own.
	const migrants = page.locator('.compare figure.card', {
		hasText: 'International migrants (foreign-born population)'
	});
	await migrants.locator('a:has(circle[aria-label$="implied by the text, not printed"])').click();
	await expect(page).toHaveURL(/\/documents\/hemispheric-2002#L947$/);
	await expect(page.locator('#L947')).toBeInViewport();
	// Marked, though reached inside the site (where CSS's :target matches nothing).
	await expect(page.locator('#L947')).toHaveAttribute('data-target', '');
	await expect(page.locator('[data-target]')).toHaveCount(1);

	// The page of the 11 million says what the text makes of it, and leads to the other figure.
	await page.goto('/figure/hc02-lac-european-immigrants-1850-1949');
	const implied = page.getByTestId('figure-implied');
	await expect(implied).toHaveCount(1);
	await expect(implied).toContainText('European immigrants received, Argentina, 1850-1949');
	await expect(implied).toContainText('half × 11 million');
	await expect(implied).toContainText('does not print the product');
	await implied.locator('a[href$="/figure/hc02-arg-european-immigrants-share-1850-1949"]').click();
	await expect(page).toHaveURL(/\/figure\/hc02-arg-european-immigrants-share-1850-1949$/);
	await expect(page.getByTestId('figure-implied')).toContainText('11 million');
	// In Spanish too; a figure no number is implied from says nothing of it.
	await page.goto('/es/figure/hc02-lac-european-immigrants-1850-1949');
	await expect(page.getByTestId('figure-page')).toContainText('Números que el texto implica');
	await page.goto('/figure/hc02-bra-european-immigrants-share-1850-1949');
	await expect(page.getByTestId('figure-page')).toBeVisible();
	await expect(page.getByTestId('figure-implied')).toHaveCount(0);
});

test('each value in a comparison’s data table leads to its figure page and quote', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	// The table is in the card's "Share & download" panel.
	const card = page.locator('.compare figure.card').first();
	await card.locator('[data-testid$="-share"] > summary').click();
	const table = card.locator('[data-testid$="-table"]').first();
	await table.locator('summary').click();
	const link = table.locator('tbody th a').first();
	const value = (await link.textContent())!;
	await link.click();
	await expect(page).toHaveURL(/\/figure\//);
	await expect(page.getByTestId('figure-page')).toContainText(value);
	await expect(page.getByTestId('figure-quote')).toBeVisible();
});

function escape(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('comparison charts are redrawn at the phone’s width, once each', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('/');
	await ready(page);
	await page.locator('#compare-title').scrollIntoViewIfNeeded();
	const first = page.locator('.compare .plot').first();
	await expect
		.poll(async () => Number(await first.locator('svg').first().getAttribute('width')))
		.toBeLessThan(375);
	expect(await first.locator('svg').count()).toBe(1);
});

test('the data dictionary is generated from data/README.md and links the dataset files', async ({
	page
}) => {
	await page.goto('/dictionary');
	const dict = page.getByTestId('dictionary');
	await expect(dict.locator('h2#figures-csv')).toBeVisible();
	// Every served column is described, with its type.
	const figures = (await (await page.request.get('/data/figures.json')).json()) as object[];
	for (const column of Object.keys(figures[0]!))
		await expect(
			dict.locator('td code', { hasText: new RegExp(`^${column}$`) }).first()
		).toBeVisible();
	for (const file of ['figures.csv', 'figures.json', 'figures.parquet', 'documents.csv']) {
		const href = await dict.getByRole('link', { name: file, exact: true }).getAttribute('href');
		expect((await page.request.get(href!)).status()).toBe(200);
	}
});

test('a figure page reached from another one cites its own address', async ({ page }) => {
	await page.goto('/figure/hc02-arg-european-immigrants-share-1850-1949');
	// SvelteKit keeps the page's component between figures: its citation must follow the page.
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('.same li', { hasText: 'Brazil' }).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/figure\/hc02-bra-european-immigrants-share-1850-1949$/);
	await page.getByTestId('cite-box').locator('summary').click();
	await expect(page.getByTestId('cite-apa')).toContainText(
		'/figure/hc02-bra-european-immigrants-share-1850-1949'
	);
	await expect(page.getByTestId('cite-apa')).not.toContainText('hc02-arg-');
});
