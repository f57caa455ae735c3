/**
 * The explorer in Spanish (issue 24): `/es/` speaks Spanish around the data (title, facets,
 * chips, counts, cards, table, exports), the documents' quotes stay in English and say so, the
 * filters and the address work as in English, every link stays in the Spanish edition, and the
 * language switch keeps the reader's view.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, hasTopic, mark, ready, total } from './helpers';

/** The explorer at `/es/…`, ready. */
async function openEs(page: Page, search = '') {
	await page.goto(`/es/${search}`);
	await ready(page);
}

test('/es/ speaks Spanish around the figures, and the quotes stay as printed', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await openEs(page);
	const figures = await allFigures(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page).toHaveTitle(
		'Cifras — cifras de migración y trata de personas en las Américas, con sus fuentes'
	);
	await expect(page.locator('meta[name="description"]')).toHaveAttribute(
		'content',
		/^Todas las cifras sobre migración, remesas, retornos y trata de personas/
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Migración y trata de personas en las Américas, cifra por cifra'
	);
	// The facets, by their Spanish names, with the topics' Spanish labels.
	const facets = page.getByTestId('facets');
	for (const name of ['Tema', 'Documento', 'Lugar'])
		await expect(facets.getByRole('heading', { name, exact: true })).toBeVisible();
	await expect(mark(page, 'view-topic', 'Remesas')).toBeVisible();
	await expect(mark(page, 'view-topic', 'Víctimas de trata')).toBeVisible();
	// "102 cifras" beside the search box, which searches in Spanish words.
	await expect(page.locator('#results-title')).toHaveText(`${figures.length} cifras`);
	await expect(page.getByTestId('search')).toHaveAttribute(
		'placeholder',
		'Buscar cifras, lugares, temas, ponentes…'
	);
	// A card: the Spanish frame (its source line), the quote in English and marked as English.
	const first = page.locator('.figure-card').first();
	await expect(first.getByTestId('card-source')).toContainText(
		'Conferencia Hemisférica 2002, línea'
	);
	const quote = first.locator('blockquote');
	await expect(quote).toHaveAttribute('lang', 'en');
	const id = await first.getAttribute('data-figure-id');
	const printed = figures.find((f) => f.figure_id === id);
	expect(printed).toBeDefined();
	// The quote as the document prints it, untranslated (the card may shorten it with "…").
	const shown = ((await quote.textContent()) ?? '').replace(/\s+/g, ' ').trim();
	const part = shown.replace(/^…\s*/, '').replace(/\s*…$/, '');
	expect(part.length).toBeGreaterThan(40);
	expect(printed!.quote.replace(/\s+/g, ' ')).toContain(part);
	// The table and the exports below.
	await expect(page.getByRole('heading', { name: 'Las cifras', exact: true })).toBeAttached();
	await expect(page.getByTestId('sort-bar')).toContainText('Ordenar por');
	await expect(page.locator('[data-testid="figure-table"] th').first()).toHaveText(/^Cifra/);
	await expect(page.getByTestId('export-excel')).toHaveText('CSV para Excel');
	await expect(page.getByTestId('copy-link')).toHaveText('Copiar enlace');
	// The charts drawn after load are in Spanish too.
	await expect(page.locator('#view-year')).toContainText('Cifras por los años que describen');
	await expect(page.locator('#view-geo')).toContainText('Regiones y el mundo');
});

test('in Spanish a topic filters the figures, its chip names it, and the address holds it', async ({
	page
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await openEs(page);
	const figures = await allFigures(page);
	const remittances = figures.filter((f) => hasTopic(f, 'remittances'));
	await mark(page, 'view-topic', 'Remesas').click();
	await expect(page).toHaveURL(/\/es\/\?topic=remittances$/);
	await ready(page);
	expect(await total(page)).toBe(remittances.length);
	const plural = remittances.length === 1 ? 'cifra coincide' : 'cifras coinciden';
	await expect(page.locator('#results-title')).toHaveText(
		new RegExp(`^${remittances.length}\\s+de ${figures.length} ${plural}$`)
	);
	const chip = page.getByTestId('chips').getByRole('link', { name: /Tema: Remesas/ });
	await expect(chip).toBeVisible();
	await expect(page.getByTestId('clear-all')).toHaveText('Borrar todo');
	// A search from the box joins the topic in the address and in the chips.
	await page.getByTestId('search').fill('Infante');
	await expect(page).toHaveURL(/\/es\/\?topic=remittances&q=Infante$/);
	await ready(page);
	await expect(page.getByTestId('chips')).toContainText('Búsqueda: “Infante”');
	// Its chip takes the topic away, and the view stays in Spanish.
	await chip.click();
	await expect(page).toHaveURL(/\/es\/\?q=Infante$/);
	await ready(page);
	await page.getByTestId('clear-all').click();
	await expect(page).toHaveURL(/\/es\/$/);
	await ready(page);
	expect(await total(page)).toBe(figures.length);
});

test('an address opens its view in Spanish; what it could not use is said in Spanish', async ({
	page
}) => {
	await openEs(page, '?topic=trafficking_victims&years=1990-2001&topic=nonsense');
	const figures = await allFigures(page);
	const n = figures.filter((f) => hasTopic(f, 'trafficking_victims')).length;
	expect(await total(page)).toBeLessThanOrEqual(n);
	await expect(page.getByTestId('chips')).toContainText('Tema: Víctimas de trata');
	await expect(page.getByTestId('chips')).toContainText('Años: 1990–2001');
	await expect(page.getByTestId('url-notice')).toHaveText(
		/^Una parte de este enlace no se pudo usar y se ignoró: topic "nonsense" no está en los datos\.$/
	);
});

test('every link of the Spanish explorer to a page of the site stays in Spanish', async ({
	page
}) => {
	await openEs(page, '?topic=remittances');
	const first = page.locator('.figure-card').first();
	await expect(first.locator('.value a')).toHaveAttribute('href', /^\/es\/figure\/[^/]+$/);
	await expect(first.getByTestId('card-source').locator('a')).toHaveAttribute(
		'href',
		/^\/es\/documents\/[^/]+#L\d+$/
	);
	// Every link to a page (not to a data file, an anchor or the language switch) is under /es/.
	const pages = await page
		.locator('main a[href^="/"]')
		.evaluateAll((as) =>
			as
				.map((a) => a.getAttribute('href')!)
				.filter((h) => !h.startsWith('/data/') && !h.startsWith('/_app/'))
		);
	expect(pages.length).toBeGreaterThan(20);
	expect(pages.filter((h) => h !== '/es' && !h.startsWith('/es/'))).toEqual([]);
	// A figure's page opens in Spanish.
	await first.locator('.value a').click();
	await expect(page).toHaveURL(/\/es\/figure\//);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('the language switch keeps the view: /?topic=remittances to /es/?topic=remittances and back', async ({
	page
}) => {
	await page.goto('/?topic=remittances');
	await ready(page);
	const n = await total(page);
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/es\/\?topic=remittances$/);
	await ready(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	expect(await total(page)).toBe(n);
	await expect(page.getByTestId('chips')).toContainText('Tema: Remesas');
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/\?topic=remittances$/);
	expect(new URL(page.url()).pathname).toBe('/');
	await ready(page);
	await expect(page.getByTestId('chips')).toContainText('Topic: Remittances');
});
