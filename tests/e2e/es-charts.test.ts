/**
 * The charts in Spanish (/es/): the timeline, the map and the comparisons read Spanish, the
 * "Share & download" menu too, its embed code points to the Spanish embed, and a Spanish embed
 * shows its source line whole, with scripts or without.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DATA_VERSION, ready } from './helpers';
import { EMBED_CHARTS, embedSnippet } from '../../src/lib/state/embed';
import { fits, frames, hostPage, WIDTHS } from './embed-host';

const openShare = async (page: Page, id: string) => {
	const share = page.getByTestId(`${id}-share`);
	if ((await share.getAttribute('open')) === null) await share.locator(':scope > summary').click();
	return share;
};

test('on /es/ the timeline, the map and the comparisons read Spanish, and the timeline links stay in Spanish', async ({
	page
}) => {
	await page.goto('/es');
	await ready(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');

	const timeline = page.locator('#view-year');
	await expect(timeline.locator('svg[role="group"]')).toHaveAttribute(
		'aria-label',
		/^Línea de tiempo de \d+ cifras, de \d{4} a \d{4}, cada una en el momento al que se refiere$/
	);
	await expect(timeline.locator('.key')).toContainText('fecha declarada en el texto');
	await expect(timeline.locator('.key')).toContainText('deducida, o la fecha del documento');
	await expect(timeline.locator('.ruler')).toHaveText('arrastrar para elegir años');
	// Each mark opens its figure's Spanish page.
	const marks = timeline.locator('.marks a[data-mark-figure][href]');
	expect(await marks.count()).toBeGreaterThan(0);
	for (const href of await marks.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
		expect(href).toMatch(/^\/es\/figure\//);
	// Choosing years says so in Spanish.
	await page.goto('/es?years=1994-2001');
	await ready(page);
	await expect(timeline.locator('svg[role="group"]')).toHaveAttribute(
		'aria-label',
		/; años elegidos: 1994–2001$/
	);

	const map = page.locator('#view-geo');
	await expect(map.locator('svg.map')).toHaveAttribute(
		'aria-label',
		'Mapa de las Américas: países sombreados según su número de cifras'
	);
	await expect(map.locator('.legend')).toContainText('Cifras:');
	const country = map.locator('svg.map a[href]').first();
	await expect(country).toHaveAttribute('aria-label', /: \d+ cifras?$/);

	const compare = page.locator('section.compare');
	await compare.scrollIntoViewIfNeeded();
	await expect(compare.locator('h2#compare-title')).toHaveText(
		'La misma cantidad, distintas fuentes'
	);
	await expect(page.getByTestId('compare-legend')).toHaveAttribute(
		'aria-label',
		'Cómo leer las marcas'
	);
	await expect(page.getByTestId('compare-legend')).toContainText('Valor declarado');
	await expect(page.getByTestId('compare-legend')).toContainText('Tiene una advertencia');
	await expect(page.getByTestId('compare-summary')).toContainText('indicadas dos o más veces: en ');
	const verdicts = await compare.locator('[data-testid$="-verdict"]').allTextContents();
	expect(verdicts.length).toBeGreaterThan(0);
	const spanish = [
		'Las fuentes discrepan',
		'Las cifras discrepan',
		'Cambia con el tiempo',
		'Todas pueden ser ciertas',
		'El mismo número, repetido',
		'No comparables directamente'
	];
	for (const v of verdicts) expect(spanish).toContain(v.trim());
	// A card's footer names its documents, in Spanish words.
	await expect(compare.locator('figure .source').first()).toContainText(
		/^Fuente: .+\. Cifras tal como se imprimieron, recopiladas por Cifras \(versión de los datos /
	);
	await expect(compare.locator('figure .source').first()).not.toContainText('Figures as printed');
});

test('on /es/ the "Share & download" menu is Spanish, its table too, and its image has a Spanish source line', async ({
	page
}) => {
	await page.goto('/es?topic=remittances');
	await ready(page);
	const share = page.getByTestId('view-year-share');
	await expect(share.locator(':scope > summary')).toContainText('Compartir y descargar');
	await openShare(page, 'view-year');
	const panel = share.locator('.panel');
	for (const name of ['Imagen', 'Datos', 'Insertar', 'Presentar'])
		await expect(panel.locator('.name', { hasText: name })).toBeVisible();
	await expect(panel).toContainText('con su título, su fuente y su dirección');
	await expect(page.getByTestId('view-year-embed')).toContainText('Código para insertar');
	await expect(page.getByTestId('view-year-present')).toContainText('Presentar este gráfico');
	await expect(page.getByTestId('view-year-cite')).toContainText(/^Fuente: /);

	const table = page.getByTestId('view-year-table');
	await expect(table.locator('summary')).toContainText('Tabla de datos');
	await table.locator('summary').click();
	await expect(table.locator('thead th')).toHaveText([
		'Año descrito',
		'Cifras',
		'Con fecha declarada en el texto'
	]);

	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('view-year-svg').click()
	]);
	const svg = readFileSync((await file.path())!, 'utf8');
	const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
	expect(words).toMatch(
		/Fuente: .+\. Cifras tal como se imprimieron, recopiladas por Cifras \(versión de los datos [\w.-]+\)\./
	);
	expect(svg).toContain('/es?topic=remittances');
});

test('the embed code copied on /es/ points to the Spanish embed, with a Spanish title', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/es?topic=remittances');
	await ready(page);
	await openShare(page, 'view-year');
	await page.getByTestId('view-year-embed').click();
	const snippet = await page.getByTestId('view-year-snippet').inputValue();
	expect(snippet).toMatch(
		/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/es\/embed\/year\?topic=remittances"/
	);
	expect(snippet).toContain('title="Cifras por los años que describen — Cifras"');
	await expect(page.getByTestId('view-year-embed-panel')).toContainText(
		'Pegue este código en una página'
	);

	await page.getByTestId('view-year-copy-code').click();
	await expect(page.getByTestId('view-year-copy-code')).toHaveText('Copiado ✓');
	await expect(page.getByTestId('view-year-copy-code-status')).toHaveText(
		'Código para insertar copiado.'
	);
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
	await page.getByTestId('view-year-copy-link').click();
	await expect(page.getByTestId('view-year-copy-link-status')).toHaveText(
		'Enlace al gráfico copiado.'
	);
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
		/^http:\/\/127\.0\.0\.1:\d+\/es\/embed\/year\?topic=remittances$/
	);

	// The snippet, pasted on another origin, shows the Spanish chart with its source line.
	const host = await hostPage(snippet, 'es');
	try {
		await page.goto(host.url);
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('html')).toHaveAttribute('lang', 'es');
		await expect(frame.locator('h1')).toHaveText('Cifras por los años que describen');
		await expect(frame.getByTestId('embed-source')).toContainText(/^Fuente: /);
		await expect(frame.getByTestId('embed-full')).toHaveAttribute('href', '/es/?topic=remittances');
	} finally {
		host.server.close();
	}
});

test('/es/embed/topic renders Spanish, its links stay under /es/, and its source line is visible', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 900 });
	await page.goto('/es/embed/topic');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page).toHaveTitle('Cifras por tema · Cifras');
	await expect(page.locator('h1')).toHaveText('Cifras por tema');
	await expect(page.locator('.title .n')).toHaveText(/^\d+ de \d+ cifras$/);
	const bar = page.locator('a[aria-label^="Remesas:"]');
	await expect(bar).toHaveAttribute('aria-label', /^Remesas: \d+ cifras?$/);
	await expect(bar).toHaveAttribute('href', /^\/es\/embed\/topic\?topic=remittances$/);
	await expect(bar).toHaveAttribute('title', /\. Seleccionar para filtrar\.$/);
	const source = page.getByTestId('embed-source');
	await expect(source).toBeInViewport({ ratio: 1 });
	await expect(source).toContainText(
		`Cifras tal como se imprimieron, recopiladas por Cifras (versión de los datos ${DATA_VERSION.version})`
	);
	await expect(page.getByTestId('embed-full')).toHaveText(
		'Abrir la vista completa, cada cifra con su cita ↗'
	);
	await expect(page.getByTestId('embed-full')).toHaveAttribute('href', '/es/');
	await expect(source.locator('a[href="/es/changes"]')).toHaveText(
		`Qué cambió en la versión ${DATA_VERSION.version}`
	);
	const table = page.getByTestId('embed-table');
	await table.locator('summary').click();
	await expect(table.locator('thead th')).toHaveText(['Tema', 'Cifras']);
	await expect(table.locator('tbody th').first()).toHaveText(/\p{L}/u);

	// Choosing a bar keeps the embed Spanish and says so.
	await bar.click();
	await expect(page).toHaveURL(/\/es\/embed\/topic\?topic=remittances$/);
	await expect(page.locator('a[aria-current="true"]')).toHaveAttribute(
		'aria-label',
		/^Remesas: \d+ cifras?, seleccionado$/
	);
	await expect(page.getByTestId('embed-full')).toHaveAttribute('href', '/es/?topic=remittances');
});

test('Spanish embeds, and only embeds, may be framed by other sites', async ({ page }) => {
	const embed = await page.request.get('/es/embed/topic');
	expect(embed.headers()['x-frame-options']).toBeUndefined();
	const home = await page.request.get('/es');
	expect(home.headers()['x-frame-options']).toBe('SAMEORIGIN');
});

test('a Spanish map embed with only regional figures says so in Spanish', async ({ page }) => {
	await page.goto('/es/embed/map?topic=trafficking_victims');
	await expect(page.getByTestId('embed-no-country')).toContainText('Ningún país aparece sombreado');
	await expect(page.getByTestId('embed-off-map')).toContainText(/^Fuera del mapa: /);
});

test('without scripts, the Spanish starting height holds each chart and its source line at 320 to 1024 px', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.route('**/*', (route) =>
		/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()
	);
	const page = await context.newPage();
	const host = await hostPage(
		EMBED_CHARTS.map(
			(chart) =>
				`<div style="display:flex;gap:8px;align-items:flex-start">${WIDTHS.map(
					(w) =>
						`<div style="width:${w}px;flex:none">${embedSnippet(`${baseURL}/es/embed/${chart}`, chart)}</div>`
				).join('')}</div>`
		).join(''),
		'es'
	);
	try {
		await page.setViewportSize({ width: 3300, height: 4400 });
		await page.goto(host.url);
		const all = await frames(page);
		expect(all).toHaveLength(WIDTHS.length * EMBED_CHARTS.length);
		for (const { width, frame, src } of all) {
			expect(src).toContain('/es/embed/');
			await frame.getByTestId('embed-source').waitFor();
			expect(await frame.locator('html').getAttribute('lang')).toBe('es');
			expect(await fits(frame), `${src} at ${width}px`).toBe('fits');
		}
	} finally {
		host.server.close();
		await context.close();
	}
});

test('with scripts, each Spanish embed fits its frame to its content, source line included, at 320 and 1024 px', async ({
	page,
	baseURL
}) => {
	const widths = [320, 1024];
	const host = await hostPage(
		EMBED_CHARTS.map(
			(chart) =>
				`<div style="display:flex;gap:8px;align-items:flex-start">${widths
					.map(
						(w) =>
							`<div style="width:${w}px;flex:none">${embedSnippet(`${baseURL}/es/embed/${chart}?topic=trafficking_victims`, chart)}</div>`
					)
					.join('')}</div>`
		).join(''),
		'es'
	);
	try {
		await page.setViewportSize({ width: 1500, height: 4400 });
		await page.goto(host.url);
		const all = await frames(page);
		expect(all).toHaveLength(widths.length * EMBED_CHARTS.length);
		for (const { width, frame, src } of all)
			await expect.poll(() => fits(frame), { message: `${src} at ${width}px` }).toBe('fits');
	} finally {
		host.server.close();
	}
});
