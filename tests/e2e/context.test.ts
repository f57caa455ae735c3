/**
 * The reader keeps their place: a figure page opens at its top with the site's header in sight,
 * "← Explorer" returns to the view the reader left, the scratch deck being built is shown in
 * the header, and /about fits a phone's width.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { drawCharts, ready, tableIds, total } from './helpers';

/** The page is at its top and the site's header is in sight. */
async function atTop(page: Page) {
	await expect(page.getByTestId('figure-page')).toBeVisible();
	await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
	await expect(page.locator('header.site')).toBeInViewport();
}

const scrollY = (page: Page) => page.evaluate(() => scrollY);

test('a figure page opened from the explorer’s table or a comparison opens at its top', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	const link = page.locator('[data-testid="figure-table"] tbody tr[data-figure-id] td.value a');
	await link.nth(3).scrollIntoViewIfNeeded();
	expect(await scrollY(page)).toBeGreaterThan(300);
	await link.nth(3).click();
	await expect(page).toHaveURL(/\/figure\//);
	await atTop(page);

	await page.goBack();
	await ready(page);
	await drawCharts(page);
	const dot = page.locator('.compare a:has(circle)').first();
	await dot.scrollIntoViewIfNeeded();
	expect(await scrollY(page)).toBeGreaterThan(300);
	await dot.click();
	await expect(page).toHaveURL(/\/figure\//);
	await atTop(page);
});

test('a filter link in the explorer keeps the reader’s place', async ({ page }) => {
	await page.goto('/');
	await ready(page);
	const sortLink = page.locator('[data-testid="figure-table"] thead a').first();
	await sortLink.scrollIntoViewIfNeeded();
	expect(await scrollY(page)).toBeGreaterThan(300);
	await sortLink.click();
	await expect(page).toHaveURL(/sort=/);
	await ready(page);
	// Not sent back to the top: the link followed is still where the reader was looking.
	expect(await scrollY(page)).toBeGreaterThan(300);
	await expect(sortLink).toBeInViewport();
});

/** The figure page's link back to the explorer. */
const back = (page: Page) => page.getByTestId('back-to-explorer');
/** Where that link leads, as path and query (the prerendered page writes it relative). */
const backTo = (page: Page) =>
	back(page).evaluate((a) => {
		const url = new URL((a as HTMLAnchorElement).href);
		return url.pathname + url.search;
	});

/** Through a reload the figure page still leads to `left`, and "← Explorer" opens that view. */
async function reloadAndGoBack(page: Page, left: URL) {
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect.poll(() => backTo(page)).toBe(`/${left.search}`);
	await back(page).click();
	await ready(page);
	expect(new URL(page.url()).search).toBe(left.search);
}

test('“← Explorer” returns to the view the reader left, its search and filters and results', async ({
	page
}) => {
	await page.goto('/?topic=deportation_return');
	await ready(page);
	await page.getByTestId('search').fill('deported');
	await expect(page).toHaveURL(/q=deported/);
	await ready(page);
	const left = new URL(page.url());
	const ids = await tableIds(page);
	const n = await total(page);
	expect(n).toBeGreaterThan(1);

	// A figure that other passages state too, so its page links to another figure.
	const row = page
		.locator('[data-testid="figure-table"] tbody tr[data-figure-id]')
		.filter({ has: page.locator('td[data-label="Indicator"]', { hasText: /^Persons deported$/ }) })
		.first();
	const id = await row.getAttribute('data-figure-id');
	await row.locator('td.value a').click();
	await expect(page).toHaveURL(new RegExp(`/figure/${id}$`));
	await page.locator('html[data-hydrated]').waitFor();
	await expect.poll(() => backTo(page)).toBe(`/${left.search}`);
	// From figure to figure, and through a reload, the view left is kept.
	await page.locator('.same li a').first().click();
	await expect(page).not.toHaveURL(new RegExp(`/figure/${id}$`));
	await expect.poll(() => backTo(page)).toBe(`/${left.search}`);
	await reloadAndGoBack(page, left);
	await expect(page.getByTestId('search')).toHaveValue('deported');
	expect(await total(page)).toBe(n);
	expect(await tableIds(page)).toEqual(ids);
});

test('“← Explorer” on a figure page reached through the document reader returns to the view left', async ({
	page
}) => {
	await page.goto('/?topic=deportation_return&q=deported');
	await ready(page);
	const left = new URL(page.url());
	/** Opens the figure from its mark in the reader and checks where "← Explorer" leads. */
	async function openFromReader() {
		await page.locator('html[data-hydrated]').waitFor();
		await page.locator(`#fig-${id}`).click();
		await expect(page).toHaveURL(new RegExp(`/figure/${id}$`));
		await page.locator('html[data-hydrated]').waitFor();
		await expect.poll(() => backTo(page)).toBe(`/${left.search}`);
	}
	// A card's source line opens its document at the quote's line, inside the site.
	const card = page.getByTestId('cards').locator('article').first();
	const id = (await card.locator('[data-figure-id]').first().getAttribute('data-figure-id'))!;
	const source = card.getByTestId('card-source').getByRole('link');
	const lineHref = (await source.getAttribute('href'))!;
	const docPath = lineHref.replace(/#.*$/, '');
	await source.click();
	await expect(page).toHaveURL(/\/documents\/[^/?#]+#L\d+$/);
	await openFromReader();

	// By way of the list of documents, in a tab with nothing remembered.
	await page.goto(left.href);
	await ready(page);
	await page.evaluate(() => sessionStorage.clear());
	await page.locator('header.site nav').getByRole('link', { name: 'Documents' }).click();
	await expect(page).toHaveURL(/\/documents$/);
	await page.locator(`[data-testid="document-item"] h2 a[href="${docPath}"]`).click();
	await openFromReader();

	// With the reader loaded by the browser from the explorer; then through a reload.
	await page.goto(left.href);
	await ready(page);
	await page.evaluate(() => sessionStorage.clear());
	await page.goto(new URL(lineHref, page.url()).href, { referer: left.href });
	await openFromReader();
	await reloadAndGoBack(page, left);
});

test('a figure page opened afresh returns to the whole explorer, with or without JavaScript', async ({
	page,
	browser
}) => {
	await page.goto('/?topic=remittances');
	await ready(page);
	// Typed in the address bar: a new page, not the view left earlier in this tab.
	await page.goto('/figure/hc02-car-deportees-1994-1998');
	await page.locator('html[data-hydrated]').waitFor();
	expect(await backTo(page)).toBe('/');

	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const plain = await noJs.newPage();
	await plain.goto(new URL('/figure/hc02-car-deportees-1994-1998', page.url()).href);
	expect(await backTo(plain)).toBe('/');
	await noJs.close();
});

/** The header's deck indicator. */
const indicator = (page: Page) => page.getByTestId('deck-indicator');

async function presentFigure(page: Page, id: string) {
	await page.goto(`/figure/${id}`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByTestId('present-figure').click();
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
}

async function box(control: Locator) {
	const b = (await control.boundingBox())!;
	expect(b.width, 'width').toBeGreaterThanOrEqual(24);
	expect(b.height, 'height').toBeGreaterThanOrEqual(24);
}

test('every page of the site shows the deck being built, opens it and clears it', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto('/about');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(indicator(page)).toHaveCount(0);
	const mainTop = () => page.locator('main').evaluate((m) => m.getBoundingClientRect().top);
	const top = await mainTop();

	await presentFigure(page, 'hc02-car-deportees-1994-1998');
	await page.getByTestId('leave').click();
	await expect(page).toHaveURL(/\/figure\/hc02-car-deportees-1994-1998$/);
	await expect(indicator(page)).toHaveText(/Deck: 1 slide\b/);

	await presentFigure(page, 'hc02-wld-trafficking-victims-annual');
	await page.goto('/about');
	await expect(indicator(page)).toContainText('Deck: 2 slides');
	// It appears once the page runs, without pushing the page down.
	expect(await mainTop()).toBe(top);
	for (const control of [page.getByTestId('deck-open'), page.getByTestId('deck-clear')])
		await box(control);
	await expect(indicator(page)).toBeInViewport();

	await page.getByTestId('deck-open').click();
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
	await expect(page).toHaveURL(/\/present\/scratch\?s=figure%3Ahc02-car-.*&s=figure%3Ahc02-wld-/);
	await expect(page.getByTestId('slide-counter')).toContainText('Slide 1 of 2');
	// Removing a slide there shows in the header on the way back.
	await page.getByTestId('remove-slide').click();
	await page.goto('/about');
	await expect(indicator(page)).toHaveText(/Deck: 1 slide\b/);

	// Cleared, the indicator goes, and the next "Present this" starts a new deck.
	await page.goto('/?topic=remittances');
	await ready(page);
	await page.getByTestId('deck-clear').click();
	await expect(indicator(page)).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'The deck is empty.' })).toHaveCount(1);
	await expect(page.getByTestId('view-year-present')).toHaveAttribute(
		'href',
		'/present/scratch?s=year%3Atopic%3Dremittances'
	);
	await page.getByTestId('view-year-share').locator(':scope > summary').click();
	await page.getByTestId('view-year-present').click();
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
	await expect(page.getByTestId('slide-counter')).toContainText('Slide 1 of 1');
});

for (const width of [320, 375])
	test(`/about fits a ${width} px screen`, async ({ page }) => {
		await page.setViewportSize({ width, height: 700 });
		await page.goto('/about');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBe(0);
		// Each document still says its publisher, date and number of figures.
		const first = page.locator('.about tbody tr').first();
		await expect(first).toContainText(/\d{4}-\d{2}-\d{2}/);
		await expect(first).toContainText(/\d+\sfigures?/);
	});

test('each topic on /about counts the figures its link shows in the explorer', async ({ page }) => {
	await page.goto('/about');
	const items = page.locator('.about ul.topics li');
	const topics = await items.evaluateAll((lis) =>
		lis.map((li) => ({
			href: li.querySelector('a')!.getAttribute('href')!,
			count: Number(/(\d+)\s+figures?/.exec(li.textContent ?? '')![1])
		}))
	);
	expect(topics.length).toBeGreaterThan(5);
	for (const { href, count } of topics) {
		await page.goto(href);
		await ready(page);
		await expect(page.getByTestId('total'), href).toHaveText(String(count));
	}
});

async function axeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return violations.map((v) => ({
		id: v.id,
		nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`)
	}));
}

for (const scheme of ['light', 'dark'] as const)
	test(`axe finds no violations with the deck indicator, or with a slide number out of range (${scheme})`, async ({
		page
	}) => {
		await page.emulateMedia({ colorScheme: scheme });
		await presentFigure(page, 'hc02-car-deportees-1994-1998');
		await page.goto('/figure/hc02-wld-trafficking-victims-annual');
		await expect(indicator(page)).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
		await page.goto('/present/trafficking-how-big#99');
		await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
		await expect(page.getByTestId('hash-notice')).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
	});

test('on a phone, the figure page’s, /about’s and the deck’s own controls are at least 24×24 px', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto('/figure/hc02-car-deportees-1994-1998');
	const figure = page.getByTestId('figure-page');
	for (const control of await figure
		.locator('.crumbs a, .read, .cite dd a, .same a, .compare-link a')
		.all())
		await box(control);
	await page.goto('/about');
	const topics = page.locator('.about .topics a');
	expect(await topics.count()).toBeGreaterThan(5);
	for (const control of await topics.all()) await box(control);
	await page.goto('/present/trafficking-how-big');
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
	const controls = page.locator('nav.controls button, nav.controls a');
	expect(await controls.count()).toBeGreaterThan(5);
	for (const control of await controls.all()) await box(control);
});
