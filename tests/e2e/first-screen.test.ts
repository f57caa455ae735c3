/**
 * Number first (issue 21): the first screen shows figures as people quote them — value as
 * printed, what it counts, place and time, who says so, warning, source — not counts of
 * records; the facets filter them; phones get them too, with filters in a sheet.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, hasTopic, mark, ready, total } from './helpers';

/**
 * The figures whose value and source line are both inside the window as it opens: what a
 * reader sees without scrolling. Each value is an element with `data-figure-id`.
 */
async function figuresAboveFold(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const inView = (e: Element | null) => {
			if (!e) return false;
			const r = e.getBoundingClientRect();
			return (
				r.width > 0 &&
				r.height > 0 &&
				r.top >= 0 &&
				r.bottom <= innerHeight &&
				r.left >= 0 &&
				r.right <= innerWidth
			);
		};
		return [...document.querySelectorAll('.figure-card')]
			.filter(
				(card) =>
					inView(card.querySelector('.value [data-figure-id]')) &&
					inView(card.querySelector('[data-testid="card-source"]'))
			)
			.map((card) => card.getAttribute('data-figure-id')!);
	});
}

/** A touch phone of 375×812 showing the explorer at `path`, ready. */
async function phoneAt(browser: Browser, path: string) {
	const context = await browser.newContext({
		viewport: { width: 375, height: 812 },
		isMobile: true,
		hasTouch: true
	});
	const page = await context.newPage();
	await page.goto(path);
	await ready(page);
	return { context, page };
}

test('at 1440×900 at least six figures with their sources are on the first screen', async ({
	page
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/');
	await ready(page);
	const shown = await figuresAboveFold(page);
	expect(shown.length, shown.join(', ')).toBeGreaterThanOrEqual(6);
	// The first is the editor's first headline figure: a number as people quote it.
	const first = page.locator('.figure-card').first();
	await expect(first.locator('.value')).toHaveText('between 700 thousand and 2 million');
	// Its time and how it is known, as words apart.
	await expect(first.locator('.eyebrow .time')).toHaveText('2002 (document’s date)');
	await expect(first.getByTestId('card-flag')).toContainText('No source named');
	await expect(first.getByTestId('card-source')).toContainText('Hemispheric Conference 2002, line');
	await expect(first.getByTestId('card-source')).toContainText('Carmen Artigas');
	// The value leads to the figure's page, the source to its line in the document.
	await expect(first.locator('.value a')).toHaveAttribute(
		'href',
		/\/figure\/hc02-wld-trafficking-victims-annual$/
	);
	await expect(first.getByTestId('card-source').locator('a')).toHaveAttribute(
		'href',
		/\/documents\/hemispheric-2002#L\d+$/
	);
});

test('at 375×812 on a touch phone at least three figures with their sources are on the first screen', async ({
	browser
}) => {
	const { context, page } = await phoneAt(browser, '/');
	const shown = await figuresAboveFold(page);
	expect(shown.length, shown.join(', ')).toBeGreaterThanOrEqual(3);
	await context.close();
});

test('a topic chosen in the facets filters the cards; its chip removes it', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/');
	await ready(page);
	const figures = await allFigures(page);
	const remittances = figures.filter((f) => hasTopic(f, 'remittances')).map((f) => f.figure_id);
	await mark(page, 'view-topic', 'Remittances').click();
	await ready(page);
	expect(await total(page)).toBe(remittances.length);
	const cards = await page
		.locator('.figure-card')
		.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-figure-id')!));
	expect(cards.length).toBe(Math.min(12, remittances.length));
	for (const id of cards) expect(remittances).toContain(id);
	// The headline figure of the topic comes first.
	expect(cards[0]).toBe('hc02-lam-remittances-2001');
	const chip = page.getByTestId('chips').getByRole('link', { name: /Topic: Remittances/ });
	await expect(chip).toBeVisible();
	await chip.click();
	await ready(page);
	expect(await total(page)).toBe(figures.length);
	await expect(page.getByTestId('chips')).toHaveCount(0);
});

test('on a phone the filters open as a sheet and close showing the figures they chose', async ({
	browser
}) => {
	const { context, page } = await phoneAt(browser, '/');
	const facets = page.getByTestId('facets');
	await expect(facets.getByRole('heading', { name: 'Topic' })).toBeHidden();
	await facets.locator('summary').first().tap();
	await expect(facets.getByRole('heading', { name: 'Topic' })).toBeVisible();
	await mark(page, 'view-topic', 'Trafficking victims').tap();
	await ready(page);
	const n = await total(page);
	const done = page.getByTestId('facets-done');
	await expect(done).toHaveText(`Show ${n} figures`);
	await done.tap();
	await expect(facets.getByRole('heading', { name: 'Topic' })).toBeHidden();
	await expect(facets.locator('summary').first()).toHaveText(/Filters\s*\(1\)/);
	await expect(page.getByTestId('chips')).toContainText('Topic: Trafficking victims');
	await context.close();
});

test('without JavaScript the first screen is there: figures, facets and the table', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	expect(await page.locator('.figure-card .value [data-figure-id]').count()).toBe(12);
	await expect(page.locator('#view-topic a[aria-label^="Migrant stocks:"]')).toBeVisible();
	await expect(page.locator('[data-testid="figure-table"] tbody tr').first()).toBeVisible();
	// The charts that come after load say where the same figures are (Chromium's script switch
	// still parses <noscript> as text, so its words are read as text).
	expect(await page.locator('noscript').allTextContents()).toContainEqual(
		expect.stringContaining(
			'need JavaScript. Every figure is in the cards above and the table below.'
		)
	);
	await context.close();
});
