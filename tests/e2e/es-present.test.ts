/** The Spanish edition of present mode and of the SQL workbench, as a Spanish reader meets them. */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoViolations, openWorkbench, ready, runSql } from './helpers';
import type { Story } from '../../src/lib/stories/story';

async function stories(page: Page): Promise<Story[]> {
	return (await (await page.request.get('/data/stories.json')).json()) as Story[];
}

/** Waits until the deck has hydrated and answers keys. */
async function deckReady(page: Page) {
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
}

test('/es/present lists the stories in Spanish, each linking to its Spanish deck', async ({
	page
}) => {
	const all = await stories(page);
	await page.goto('/es/present');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page).toHaveTitle('Presentar · Cifras');
	await expect(page.locator('h1')).toHaveText('Presentar las cifras en clase');
	const list = page.getByTestId('stories');
	for (const s of all) {
		const link = list.getByRole('link', { name: s.es.title, exact: true });
		await expect(link).toHaveAttribute('href', new RegExp(`/es/present/${s.id}$`));
		await expect(list).toContainText(s.es.summary);
		await expect(list).toContainText(`${s.slides.length} diapositivas`);
		await expect(list).not.toContainText(s.title);
	}
	await expect(page.locator('.present-index')).toContainText('Av Pág');
	await expect(page.getByRole('link', { name: 'borrador de presentación' })).toHaveAttribute(
		'href',
		/\/es\/present\/scratch$/
	);
});

test('a Spanish story opens at /es/present/<story>#1 in Spanish, and the arrow keys move its slides', async ({
	page
}) => {
	const story = (await stories(page)).find((s) => s.id === 'trafficking-how-big')!;
	const count = story.slides.length;
	await page.goto('/es/present/trafficking-how-big#1');
	await deckReady(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.locator('.top h1')).toHaveText(story.es.title);
	await expect(page.getByTestId('slide-counter')).toContainText(`Diapositiva 1 de ${count}`);
	const shown = page.locator('[data-testid="slide"].current');
	await expect(shown.locator('h2')).toHaveText(story.slides[0]!.es!.title);
	await expect(shown.getByTestId('slide-takeaway')).toHaveText(story.slides[0]!.es!.takeaway);
	// The source line in Spanish; the quote as printed, in English, and said to be so.
	await expect(shown.getByTestId('slide-source')).toContainText(/Fuente: .+, línea \d+ · /);
	await expect(shown.locator('blockquote')).toHaveAttribute('lang', 'en');
	await expect(shown.getByTestId('slide-quote-language')).toHaveText(
		'Cita textual, en el idioma del documento'
	);
	await expect(page.getByTestId('next')).toHaveText('Siguiente →');
	await expect(page.getByTestId('leave')).toHaveAttribute('href', /\/es\/present$/);

	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('slide-counter')).toContainText(`Diapositiva 2 de ${count}`);
	await expect(page).toHaveURL(/\/es\/present\/trafficking-how-big#2$/);
	await expect(shown.locator('h2')).toHaveText(story.slides[1]!.es!.title);
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByTestId('slide-counter')).toContainText(`Diapositiva 1 de ${count}`);

	// A chart slide: its source counted by Cifras, in Spanish.
	const chart = story.slides.findIndex((s) => s.kind === 'chart' && s.chart !== 'compare');
	await page.goto(`/es/present/trafficking-how-big#${chart + 1}`);
	await deckReady(page);
	await expect(shown.getByTestId('slide-source')).toContainText(
		'Contado por Cifras a partir de las cifras citadas en'
	);

	// A slide number past the end is said in Spanish.
	await page.goto(`/es/present/trafficking-how-big#${count + 4}`);
	await deckReady(page);
	await expect(page.getByTestId('hash-notice')).toHaveText(
		`Esta presentación tiene ${count} diapositivas, así que la diapositiva ${count + 4} no existe; se muestra la última.`
	);
});

test('“Present this” on /es/ builds a deck that opens under /es/present, in Spanish', async ({
	page
}) => {
	// "/es", not "/es/": the Spanish home is es.html, whose relative asset paths resolve from "/es"
	// (docs/i18n.md).
	await page.goto('/es?topic=remittances');
	await ready(page);
	await page.getByTestId('view-year-share').locator(':scope > summary').click();
	const present = page.getByTestId('view-year-present');
	await expect(present).toHaveAttribute('href', /^\/es\/present\/scratch\?s=/);
	await present.click();
	await expect(page).toHaveURL(/\/es\/present\/scratch\?s=year%3Atopic%3Dremittances$/);
	await deckReady(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.locator('.top h1')).toHaveText('Borrador de presentación');
	await expect(page.getByTestId('slide-counter')).toContainText('Diapositiva 1 de 1');
	const slide = page.locator('[data-testid="slide"].current');
	await expect(slide.locator('h2')).toHaveText('Cifras por los años que describen');
	await expect(slide.getByTestId('slide-subtitle')).toContainText(/^Número de cifras citadas/);
	await expect(page.getByTestId('remove-slide')).toHaveText('Quitar esta diapositiva');
	// The chart's marks lead to Spanish figure pages; Esc leaves for the Spanish view.
	await expect(
		slide.locator('[data-testid="slide-chart"] a[href*="/figure/"]').first()
	).toHaveAttribute('href', /^\/es\/figure\//);
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/es\/?\?topic=remittances$/);
});

test('/es/sql runs an example and says in Spanish how many rows came back and what went wrong', async ({
	page
}) => {
	await openWorkbench(page, '/es/sql');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.locator('h1')).toHaveText('Consultas SQL');
	await expect(page.getByTestId('sql-engine')).toContainText(/^DuckDB-wasm .+ está listo\.$/);
	await expect(
		page.locator('.intro').getByRole('link', { name: 'diccionario de datos' })
	).toHaveAttribute('href', /^\/es\/dictionary$/);

	await page
		.getByTestId('examples')
		.selectOption({ label: 'Estimaciones contradictorias de un mismo indicador' });
	// The example's comment is Spanish; its SQL is the same in both editions.
	await expect(page.getByTestId('sql-editor')).toContainText(
		'-- Indicadores declarados más de una vez'
	);
	await expect(page.getByTestId('sql-editor')).toContainText('GROUP BY indicator, unit, period');
	await page.getByTestId('examples').selectOption({ label: 'Cifras unidas a sus documentos' });
	await page.getByTestId('run').click();
	await expect(page.getByTestId('sql-notice')).toHaveText(/^\d+ filas en \d+,\d+ s$/);
	await expect(page.getByTestId('result-range')).toHaveText(/^Filas 1–\d+ de \d+$/);

	await runSql(page, 'SELECT figure_id,\n  valeu FROM figures');
	const error = page.getByTestId('sql-error');
	await expect(error.getByTestId('sql-error-explained')).toHaveText(
		/^La consulta nombra una columna que sus tablas no tienen/
	);
	await expect(page.getByTestId('sql-error-position')).toHaveText(
		'Marcado en el editor: línea 2, columna 3.'
	);
	// DuckDB's own message, as it gives it, marked as English.
	await expect(error.locator('pre[lang="en"]')).toContainText(
		'Binder Error: Referenced column "valeu" not found'
	);
	await expect(error).toContainText('Mensaje de DuckDB (en inglés, tal como lo da):');
});

for (const scheme of ['light', 'dark'] as const)
	// The workbench with an error explained in Spanish (a11y.test.ts covers the Spanish pages as
	// they open).
	for (const route of ['/es/sql'])
		test(`axe finds no violations on ${route} (${scheme})`, async ({ page }) => {
			test.slow();
			await page.emulateMedia({ colorScheme: scheme });
			if (route === '/es/sql') {
				await openWorkbench(page, '/es/sql');
				await runSql(page, 'SELECT figure_id,\n  valeu FROM figures');
				await expect(page.getByTestId('sql-error-position')).toBeVisible();
			} else {
				await page.goto(route);
				if (route.startsWith('/es/present/')) await deckReady(page);
			}
			await expectNoViolations(page);
		});
