import { test, expect } from './fixtures';
import {
	allFigures,
	chosen,
	duckDbReady,
	hasTopic,
	inYears,
	mark,
	markCount,
	ready,
	searchParams,
	tableIds,
	total
} from './helpers';
import { matchesSearch } from './model';

test.describe('linked views', () => {
	test('selecting a topic filters the other views, the table and the URL', async ({ page }) => {
		const figures = await allFigures(page);
		const trafficking = figures.filter((f) => hasTopic(f, 'trafficking_victims'));
		await page.goto('/');
		await ready(page);
		const stocksBefore = await markCount(page, 'view-topic', 'Migrant stocks');

		await mark(page, 'view-topic', 'Trafficking victims').click();
		await expect(page).toHaveURL(/\?topic=trafficking_victims$/);
		await expect.poll(() => total(page)).toBe(trafficking.length);
		await expect
			.poll(async () => (await tableIds(page)).sort())
			.toEqual(trafficking.map((f) => f.figure_id).sort());
		// The topic view ignores its own selection; the document view follows it.
		expect(await markCount(page, 'view-topic', 'Migrant stocks')).toBe(stocksBefore);
		expect(await markCount(page, 'view-doc', 'Hemispheric Conference 2002')).toBe(
			trafficking.filter((f) => f.doc_id === 'hemispheric-2002').length
		);
		await expect.poll(() => chosen(page, 'view-topic')).toBe('Trafficking victims');

		await page.getByTestId('view-topic-clear').click();
		await expect(page).toHaveURL(/\/$/);
		await expect.poll(() => total(page)).toBe(figures.length);
	});

	test('selections combine across views; a document and a country', async ({ page }) => {
		const figures = await allFigures(page);
		await page.goto('/');
		await ready(page);
		await mark(page, 'view-doc', 'Hemispheric Conference 2002').click();
		await expect(page).toHaveURL(/doc=hemispheric-2002/);
		// Keyboard here: the middle of Canada's outline is Hudson Bay, which is not Canada.
		await mark(page, 'view-geo', 'Canada').focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/doc=hemispheric-2002&geo=CAN/);
		const expected = figures.filter((f) => f.doc_id === 'hemispheric-2002' && f.geo_code === 'CAN');
		await expect.poll(() => total(page)).toBe(expected.length);
		await expect
			.poll(async () => (await tableIds(page)).sort())
			.toEqual(expected.map((f) => f.figure_id).sort());
		// The topic view now counts only Canadian figures from that document.
		const displacement = expected.filter((f) => hasTopic(f, 'displacement_refugees')).length;
		expect(await markCount(page, 'view-topic', 'Displacement and refugees')).toBe(displacement);
	});

	test('regions beside the map select like countries', async ({ page }) => {
		const figures = await allFigures(page);
		await page.goto('/');
		await ready(page);
		await page
			.locator('#view-geo .regions a', { hasText: 'Latin America and the Caribbean' })
			.click();
		await expect(page).toHaveURL(/geo=LAC/);
		await expect.poll(() => total(page)).toBe(figures.filter((f) => f.geo_code === 'LAC').length);
	});

	test('a year range from the inputs and from a brush on the timeline', async ({ page }) => {
		const figures = await allFigures(page);
		const overlapping = (a: number, b: number) => figures.filter((f) => inYears(f, a, b));
		await page.goto('/');
		await ready(page);
		await page.getByTestId('year-from').fill('1990');
		await page.getByTestId('year-from').press('Enter');
		await page.getByTestId('year-to').fill('2001');
		await page.getByTestId('year-to').press('Enter');
		await expect(page).toHaveURL(/years=1990-2001/);
		await expect.poll(() => total(page)).toBe(overlapping(1990, 2001).length);

		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(/\/$/);
		await page.locator('#view-year').scrollIntoViewIfNeeded();
		const box = (await page.locator('#view-year svg').first().boundingBox())!;
		// On the ruler under the marks (they are links to their figures), always free to drag on.
		const ruler = box.y + box.height - 20;
		await page.mouse.move(box.x + box.width * 0.72, ruler);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.95, ruler, { steps: 5 });
		await page.mouse.up();
		await expect(page).toHaveURL(/years=\d{4}-\d{4}/);
		const [a, b] = searchParams(page).get('years')!.split('-').map(Number);
		expect(a).toBeLessThan(b!);
		await expect.poll(() => total(page)).toBe(overlapping(a!, b!).length);
	});

	test('the table shows a page of rows, more on request, in source order', async ({ page }) => {
		const figures = await allFigures(page);
		const inOrder = [...figures].sort((a, b) => a.source_order - b.source_order);
		await page.goto('/');
		await ready(page);
		expect(await tableIds(page)).toEqual(inOrder.slice(0, 25).map((f) => f.figure_id));
		await expect(page.locator('.table .more')).toContainText(`first 25 of ${figures.length}`);
		await page.getByTestId('table-more').click();
		await expect.poll(async () => (await tableIds(page)).length).toBe(Math.min(50, figures.length));
		expect(await tableIds(page)).toEqual(inOrder.slice(0, 50).map((f) => f.figure_id));
		// A new selection starts again at one page.
		await mark(page, 'view-doc', 'Hemispheric Conference 2002').click();
		await expect.poll(async () => (await tableIds(page)).length).toBe(25);
	});

	test('search filters the table and lives in the URL', async ({ page }) => {
		await page.goto('/');
		await ready(page);
		await page.getByTestId('search').fill('deported');
		await expect(page).toHaveURL(/q=deported/);
		await ready(page);
		expect((await tableIds(page)).length).toBeGreaterThan(0);
		const quotes = await page.locator('[data-testid="figure-table"] tbody tr').allTextContents();
		for (const q of quotes) expect(q.toLowerCase()).toContain('deport');
	});

	test('search ignores case and accents and looks in documents and topics, on both engines', async ({
		page
	}) => {
		const figures = await allFigures(page);
		// "Jorge Martínez Pizarro", a speaker, typed in capitals without the accent.
		const martinez = figures.filter((f) =>
			Object.values(f).some((v) => typeof v === 'string' && /mart[ií]nez/i.test(v))
		);
		const iom = figures.filter((f) => f.doc_id === 'iom-oas-2006').map((f) => f.figure_id);
		const victims = figures.filter((f) => hasTopic(f, 'trafficking_victims')).length;
		for (const url of ['/', '/?engine=duckdb']) {
			await page.goto(url);
			await ready(page);
			if (url !== '/') await duckDbReady(page);
			await page.evaluate(() => performance.clearMeasures());
			await page.getByTestId('search').fill('MARTINEZ');
			await expect.poll(() => total(page), url).toBe(martinez.length);
			// The document's short title is "IOM statement to OAS 2006".
			await page.getByTestId('search').fill('IOM statement');
			await expect.poll(() => tableIds(page), url).toEqual(expect.arrayContaining(iom));
			await page.getByTestId('search').fill('trafficking victims');
			await expect.poll(() => total(page), url).toBeGreaterThanOrEqual(victims);
			const engines = await page.evaluate(() =>
				performance.getEntriesByType('measure').map((m) => m.name.split(':')[1])
			);
			expect(new Set(engines), url).toEqual(new Set([url === '/' ? 'instant' : 'duckdb']));
		}
	});

	test('a permalink restores the view, and back and forward walk the selections', async ({
		page
	}) => {
		const figures = await allFigures(page);
		const url = '/?topic=displacement_refugees,migrant_stock&geo=CAN,LAC&q=refugee';
		await page.goto(url);
		await ready(page);
		const expected = figures.filter(
			(f) =>
				(hasTopic(f, 'displacement_refugees') || hasTopic(f, 'migrant_stock')) &&
				['CAN', 'LAC'].includes(f.geo_code) &&
				matchesSearch(f, 'refugee')
		);
		await expect.poll(() => total(page)).toBe(expected.length);
		await expect(page.getByTestId('search')).toHaveValue('refugee');
		await expect
			.poll(() => chosen(page, 'view-topic'))
			.toBe('Displacement and refugees, Migrant stocks');
		await expect(page.getByTestId('view-geo-selected')).toContainText('Canada');

		await mark(page, 'view-topic', 'Migrant stocks').click();
		await expect(page).toHaveURL(/topic=displacement_refugees&/);
		await page.goBack();
		await expect(page).toHaveURL(
			/topic=displacement_refugees%2Cmigrant_stock|topic=displacement_refugees,migrant_stock/
		);
		await expect
			.poll(() => chosen(page, 'view-topic'))
			.toBe('Displacement and refugees, Migrant stocks');
		await page.goForward();
		await expect.poll(() => chosen(page, 'view-topic')).toBe('Displacement and refugees');
	});

	test('sorting the table by figure puts the largest first', async ({ page }) => {
		const figures = await allFigures(page);
		await page.goto('/');
		await ready(page);
		await page.locator('[data-testid="figure-table"] th a', { hasText: 'Figure' }).click();
		await expect(page).toHaveURL(/sort=value&desc=1/);
		const largest = [...figures].sort(
			(a, b) => (b.value ?? b.high ?? 0) - (a.value ?? a.high ?? 0)
		)[0]!;
		await expect.poll(async () => (await tableIds(page))[0]).toBe(largest.figure_id);
	});

	test('malformed parameters are ignored with a notice and the page still works', async ({
		page
	}) => {
		await page.goto(
			'/?topic=weather,remittances&years=banana&zzz=1&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
		);
		await ready(page);
		const notice = page.getByTestId('url-notice');
		await expect(notice).toContainText('topic "weather" is not in the data');
		await expect(notice).toContainText('years "banana"');
		await expect(notice).toContainText('unknown parameter "zzz"');
		await expect.poll(() => chosen(page, 'view-topic')).toBe('Remittances');
		await expect(page.getByTestId('search')).toHaveValue('<script>alert(1)</script>');
	});

	test('the first screen is in the prerendered HTML, before any JavaScript runs', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		// Facets and cards are HTML; the timeline, the map and the comparisons come after load
		// (tests/e2e/first-screen.test.ts checks what stands in for them).
		for (const view of ['view-topic', 'view-doc'])
			await expect(page.locator(`#${view} a[aria-label$="figures"]`).first()).toBeVisible();
		expect(await markCount(page, 'view-topic', 'Migrant stocks')).toBeGreaterThan(0);
		await expect(page.locator('.figure-card').first()).toBeVisible();
		await expect(page.locator('[data-testid="figure-table"] tbody tr').first()).toBeVisible();
		await context.close();
	});

	test('the timeline, the map and the comparisons are drawn once the page has loaded', async ({
		page
	}) => {
		await page.goto('/');
		await ready(page);
		for (const view of ['view-year', 'view-geo'])
			await expect(page.locator(`#${view} svg`).first()).toBeAttached();
		await page.locator('#comparisons').scrollIntoViewIfNeeded();
		await expect.poll(() => page.locator('.compare svg a').count()).toBeGreaterThan(10);
	});
});

test('synthetic rows say so, and a table comparing dozens of indicators draws the first charts, the rest on request', async ({
	page
}) => {
	await page.goto('/?synthetic=5000&engine=instant');
	await ready(page);
	await expect(page.getByTestId('synthetic-notice')).toContainText('5,000 generated rows');
	await expect.poll(() => total(page)).toBe(5000);
	const cards = page.locator('.compare-grid > figure');
	await expect(cards).toHaveCount(16);
	const more = page.getByTestId('compare-more');
	await expect(more).toContainText(/Show all \d+/);
	const all = Number(/\d+/.exec((await more.textContent()) ?? '')![0]);
	expect(all).toBeGreaterThan(16);
	await more.click();
	await expect(cards).toHaveCount(all);
	// A new selection starts again at the first charts.
	await mark(page, 'view-topic', 'Remittances').click();
	await expect(page).toHaveURL(/topic=remittances/);
	await expect.poll(() => cards.count()).toBeLessThanOrEqual(16);
});

test.describe('keyboard', () => {
	test('a bar is reached with Tab and chosen with Enter; Escape clears', async ({ page }) => {
		await page.goto('/');
		await ready(page);
		await mark(page, 'view-topic', 'Remittances').focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/topic=remittances/);
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(/\/$/);
	});
});
