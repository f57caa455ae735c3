import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { test, expect } from './fixtures';
import { ready, tableIds, total } from './helpers';

/**
 * A Spanish-speaking journalist's whole errand, in one go (issue 24): the Spanish explorer,
 * a search in Spanish, a figure page with its Spanish citation and the quote kept as printed,
 * a slide, the filtered table as CSV, and the same view in English.
 */
test('a journalist works in Spanish from the search to the slide and the spreadsheet', async ({
	page
}) => {
	await page.goto('/es/');
	await ready(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');

	// Search in Spanish: the remittance figures, what they count in Spanish.
	await page.getByTestId('search').fill('remesas');
	await expect(page).toHaveURL(/\/es\/\?q=remesas$/);
	await ready(page);
	const found = await total(page);
	expect(found).toBeGreaterThan(0);
	await expect(page.locator('#results-title')).toContainText(`${found} de 102 cifras`);
	const ids = await tableIds(page);
	const card = page.locator('.figure-card').first();
	await expect(card).toContainText('Remesas');

	// A figure page: Spanish labels, the quote as printed and said to be so, a Spanish citation.
	await card.locator('.value a').click();
	await expect(page).toHaveURL(/\/es\/figure\/[a-z0-9-]+$/);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByTestId('figure-quote')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('quote-language')).toHaveText(
		'Cita textual, en el idioma del documento'
	);
	const cite = page.getByTestId('cite-box');
	await cite.locator('summary').click();
	await expect(page.getByTestId('cite-apa')).toContainText(
		/Recuperado el \d{1,2} de [a-z]+ de \d{4}, de /
	);

	// A slide of it, in Spanish, with its source.
	await page.getByTestId('present-figure').click();
	await expect(page).toHaveURL(/\/es\/present\/scratch\?s=/);
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
	await expect(page.getByTestId('slide-counter')).toContainText(/Diapositiva \d+ de \d+/);
	await expect(page.locator('[data-testid="slide"].current')).toContainText('Fuente:');

	// Back to the view, and the filtered table as CSV: English column names, the same rows.
	await page.goto('/es/?q=remesas');
	await ready(page);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv').click()
	]);
	const rows = csvParse(readFileSync((await file.path())!, 'utf8'));
	expect(rows.columns).toContain('figure_id');
	expect(rows.columns).toContain('quote');
	expect(rows.map((r) => r.figure_id).toSorted()).toEqual(ids.toSorted());

	// The same view in English: the same search, the same figures.
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/\?q=remesas$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await ready(page);
	expect((await tableIds(page)).toSorted()).toEqual(ids.toSorted());
});
