/**
 * The Spanish edition of what a journalist reads to verify and cite: a figure page (Spanish
 * labels, the English quote marked as such, a Spanish citation), the documents and the reader,
 * about, the data dictionary and the changes; links that stay under /es/; axe in light and dark.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** A figure with a speaker, a source it credits and a warning: every line of the page is drawn. */
const FIGURE = 'hc02-amr-trafficking-victims-2001-tip';

/** Every link of the page's main content that leads to a page of the site is under /es/. */
async function linksStayInSpanish(page: Page) {
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href)));
	const pages = hrefs.filter(
		(u) => u.origin === new URL(page.url()).origin && !u.pathname.startsWith('/data/')
	);
	expect(pages.length).toBeGreaterThan(0);
	for (const u of pages)
		if (u.pathname !== new URL(page.url()).pathname) expect(u.pathname).toMatch(/^\/es(\/|$)/);
}

test('a Spanish figure page: Spanish labels, the quote in English and marked, a Spanish citation', async ({
	page
}) => {
	await page.goto(`/es/figure/${FIGURE}`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	const fig = page.getByTestId('figure-page');
	await expect(page.getByTestId('back-to-explorer')).toHaveText('← Explorador');
	await expect(page.getByTestId('present-figure')).toHaveText('Presentar esta cifra');
	await expect(fig.getByRole('heading', { name: 'En el documento' })).toBeVisible();
	for (const label of [
		'Documento',
		'Ubicación en el documento',
		'Tipo de cifra',
		'Tal como está impresa'
	])
		await expect(fig.locator('dt', { hasText: label }).first()).toBeVisible();
	await expect(page.getByTestId('figure-flag')).toContainText(
		'Parece errónea tal como está impresa'
	);
	await expect(page.getByTestId('figure-where')).toContainText(', citando a ');
	await expect(page.getByTestId('read-in-document')).toHaveText(
		/^Leer en el documento, línea 2166 →$/
	);
	// The quote is the document's, in English: said in Spanish, and marked for screen readers.
	await expect(page.getByTestId('figure-quote')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('quote-language')).toHaveText(
		'Cita textual, en el idioma del documento'
	);
	await expect(page.getByTestId('figure-passage').locator('.context')).toHaveAttribute(
		'lang',
		'en'
	);
	await linksStayInSpanish(page);
	await expect(page.getByTestId('read-in-document')).toHaveAttribute(
		'href',
		/\/es\/documents\/hemispheric-2002#L2166$/
	);

	const cite = page.getByTestId('cite-box');
	await cite.locator('summary').click();
	await expect(cite.locator('summary')).toHaveText('Citar esta cifra');
	const apa = page.getByTestId('cite-apa');
	await expect(apa).toContainText('Citado en la línea 2166');
	await expect(apa).toContainText(
		new RegExp(`Recuperado el \\d{1,2} de [a-z]+ de \\d{4}, de http://[^ ]+/es/figure/${FIGURE}`)
	);
	await expect(apa).toContainText('Advertencia de Cifras: parece errónea tal como está impresa.');
	await expect(page.getByTestId('cite-chicago')).toContainText('consultado el');
	// BibTeX is the same in both languages.
	await expect(page.getByTestId('cite-bibtex')).toContainText('note = {Quoted at line 2166');
	await expect(page.getByTestId('cite-copy-apa')).toHaveText('Copiar');
});

test('the English figure page has no Spanish and no language note', async ({ page }) => {
	await page.goto(`/figure/${FIGURE}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('figure-quote')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('quote-language')).toHaveCount(0);
	await expect(page.getByTestId('figure-where')).toContainText(', citing ');
});

test('the Spanish documents page and reader speak Spanish; the text stays English', async ({
	page
}) => {
	await page.goto('/es/documents');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Los documentos');
	await expect(page.getByTestId('coverage').first()).toHaveText(
		/^\d[\d.]* números en el texto: \d+ en sus \d+ cifras curadas, \d[\d.]* no son cifras \(/
	);
	await linksStayInSpanish(page);
	await page.locator('html[data-hydrated]').waitFor();

	// Reached by a link inside the site, the reader loads the text of its own language.
	await page.getByTestId('document-item').locator('a[href*="iom-oas-2006"]').click();
	await page.waitForURL(/\/es\/documents\/iom-oas-2006$/);
	const text = page.getByTestId('document-text');
	await expect(text).toHaveAttribute('lang', 'en');
	const mark = text.locator('a.fig[aria-label]').first();
	await expect(mark).toHaveAttribute('aria-label', / — cifra: /);
	expect(new URL(await mark.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toMatch(
		/^\/es\/figure\//
	);
	await expect(page.getByTestId('reader-language')).toContainText(
		'cita textual, en el idioma del documento'
	);
	await expect(page.getByText('← Todos los documentos')).toHaveAttribute(
		'href',
		/\/es\/documents$/
	);

	// Loaded afresh, the same.
	await page.goto('/es/documents/iom-oas-2006');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(
		page.getByTestId('document-text').locator('a.fig[aria-label]').first()
	).toHaveAttribute('aria-label', / — cifra: /);
	await expect(page.locator('.nf[title]').first()).toHaveAttribute('title', /^No es una cifra: /);
	const search = page.getByLabel('Buscar en este documento');
	await search.fill('migrants');
	await search.press('Enter');
	await expect(page.getByTestId('search-status')).toHaveText(/^1 de \d+, línea \d+$/);
	await expect(page.getByRole('button', { name: 'Resultado siguiente' })).toBeEnabled();
	await linksStayInSpanish(page);

	// A line past the end says so in Spanish.
	await page.goto('/es/documents/iom-oas-2006#L9999');
	await expect(page.getByTestId('line-notice')).toHaveText(
		/^La línea 9999 no existe en este documento/
	);
});

test('about, the data dictionary and the changes in Spanish', async ({ page }) => {
	await page.goto('/es/about');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acerca de los datos');
	await expect(page.getByRole('columnheader', { name: 'Institución editora' })).toBeAttached();
	await linksStayInSpanish(page);
	const cite = page.getByTestId('cite-box');
	await cite.locator('summary').click();
	await expect(cite.locator('summary')).toHaveText('Citar el conjunto de datos');
	await expect(page.getByTestId('cite-apa')).toContainText(
		/\[Conjunto de datos\]\. Recuperado el \d{1,2} de [a-z]+ de \d{4}, de http:\/\/[^ ]+\/es\/?$/
	);

	await page.goto('/es/dictionary');
	const dict = page.getByTestId('dictionary');
	await expect(dict.getByRole('heading', { level: 1 })).toHaveText('Diccionario de datos');
	await expect(dict.locator('h2', { hasText: 'La tabla servida' })).toBeVisible();
	// Column names stay English; what they mean is Spanish.
	const row = dict.locator('tr', { has: page.locator('td code', { hasText: /^quote$/ }) }).first();
	await expect(row).toContainText('el fragmento textual más corto');
	await expect(page.getByTestId('dictionary-rest')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('dictionary-rest')).toContainText('está en inglés');
	await linksStayInSpanish(page);

	await page.goto('/es/changes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cambios en los datos');
	await expect(page.getByTestId('release').first()).toContainText(/\d+ cifras\./);
	await expect(page.getByTestId('release').first().locator('.date')).toHaveText(
		/^\d{1,2} de [a-z]+ de \d{4}$/
	);
});
