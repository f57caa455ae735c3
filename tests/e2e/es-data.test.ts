/**
 * The data's own words on the Spanish edition, and the search in either language on both:
 * the Spanish explorer and figure pages read the Spanish tables (/data/es/), quotes stay as the
 * documents print them, and Spanish words find figures on the English edition too.
 */
import type { Page } from '@playwright/test';
import type { SiteFigure } from '../../src/lib/data/site-table';
import { test, expect } from './fixtures';
import { duckDbReady, ready, tableIds, total } from './helpers';

const get = async <T>(page: Page, path: string) =>
	(await (await page.request.get(path)).json()) as T;

const hasTopic = (f: SiteFigure, ...topics: string[]) =>
	f.topics.split(';').some((t) => topics.includes(t));

test('on /es, “remesas” shows the remittance figures, what they count in Spanish', async ({
	page
}) => {
	const es = await get<SiteFigure[]>(page, '/data/es/figures.json');
	const remittances = es.filter((f) => hasTopic(f, 'remittances'));
	expect(remittances.length).toBeGreaterThan(0);
	await page.goto('/es?q=remesas');
	await ready(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	const ids = await tableIds(page);
	for (const f of remittances) expect(ids).toContain(f.figure_id);
	const table = page.getByTestId('figure-table');
	await expect(table).toContainText('Remesas recibidas');
	await expect(table).not.toContainText('Remittances received');
	// English words find the same figures on the Spanish edition.
	await page.getByTestId('search').fill('remittances');
	await expect(page).toHaveURL(/q=remittances/);
	await ready(page);
	expect((await tableIds(page)).toSorted()).toEqual(ids.toSorted());
	// And DuckDB-wasm reads the Spanish tables too.
	await page.goto('/es?q=remesas&engine=duckdb');
	await ready(page);
	await duckDbReady(page);
	await expect.poll(() => tableIds(page)).toEqual(ids);
	await expect(table).toContainText('Remesas recibidas');
});

test('on /, “CEPAL” and “trata” find figures, on both engines', async ({ page }) => {
	const en = await get<SiteFigure[]>(page, '/data/figures.json');
	const eclac = en.filter((f) => f.doc_id === 'eclac-hld-2013').map((f) => f.figure_id);
	const trafficking = en.filter((f) =>
		hasTopic(f, 'trafficking_victims', 'trafficking_networks')
	).length;
	for (const url of ['/', '/?engine=duckdb']) {
		await page.goto(url);
		await ready(page);
		if (url !== '/') await duckDbReady(page);
		await page.getByTestId('search').fill('CEPAL');
		await expect.poll(() => tableIds(page), url).toEqual(expect.arrayContaining(eclac));
		await page.getByTestId('search').fill('trata');
		await expect.poll(() => total(page), url).toBeGreaterThanOrEqual(trafficking);
		// The table shows the English edition's words.
		await expect(page.getByTestId('figure-table')).toContainText(
			'Victims of trafficking in persons'
		);
		await expect(page.getByTestId('figure-table')).not.toContainText(
			'Víctimas de trata de personas'
		);
	}
});

test('a Spanish figure page shows what it counts and its place in Spanish, and the quote as printed', async ({
	page
}) => {
	const en = await get<SiteFigure[]>(page, '/data/figures.json');
	const f = en.find((x) => x.figure_id === 'hc02-lam-remittances-2001')!;
	await page.goto('/es/figure/hc02-lam-remittances-2001');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	const body = page.getByTestId('figure-page');
	await expect(body).toContainText('Remesas recibidas');
	await expect(body).toContainText('América Latina (14 países)');
	await expect(body).toContainText('Total de 14 países latinoamericanos.');
	// The document's sentence, in its language.
	await expect(page.getByTestId('figure-quote')).toContainText(f.quote);
	await expect(body).not.toContainText('Remittances received');
	// The English page is unchanged.
	await page.goto('/figure/hc02-lam-remittances-2001');
	await expect(page.getByTestId('figure-page')).toContainText('Remittances received');
	await expect(page.getByTestId('figure-page')).toContainText('Latin America (14 countries)');
});

test('a Spanish document page gives its Spanish title and, for a translation, the original’s', async ({
	page
}) => {
	await page.goto('/es/documents/eclac-hld-2013');
	await expect(page.locator('h1')).toContainText(
		'Mensajes de América Latina y el Caribe para el segundo Diálogo de Alto Nivel'
	);
});
