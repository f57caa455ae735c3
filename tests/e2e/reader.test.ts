/**
 * The reader (/documents): every curated figure marked at its own line and leading to its page,
 * every figure page's "Read in the document" landing on its mark, search, line links, details on
 * focus and tap, and bad addresses (an unknown document, a line past the end). Navigations are
 * awaited with waitForURL, bounded by the test's time rather than an expectation's 5 s: on a busy
 * machine a page reached by a link can take longer.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, pauseClock, ready } from './helpers';
import type { SiteFigure } from '../../src/lib/data/site-table';
import type { DocumentRow } from '../../src/lib/data/schema';

async function allDocuments(page: Page): Promise<DocumentRow[]> {
	return (await (await page.request.get('/data/documents.json')).json()) as DocumentRow[];
}

/** Lines a quote can run over after the line it starts on (the longest quote runs over four). */
const QUOTE_LINES = 6;

test('the documents page lists every document with its count of numbers', async ({ page }) => {
	const docs = await allDocuments(page);
	await page.goto('/documents');
	await expect(page.getByTestId('document-item')).toHaveCount(docs.length);
	for (const d of docs) await expect(page.getByRole('link', { name: d.title })).toBeVisible();
	await expect(page.getByTestId('coverage').first()).toHaveText(
		/^\d[\d,]* numbers? in the text: \d+ in its \d+ curated figures?, \d[\d,]* not figures \(/
	);
	// The site's navigation leads here.
	await page.goto('/about');
	await page
		.getByRole('navigation', { name: 'Site' })
		.getByRole('link', { name: 'Documents' })
		.click();
	await page.waitForURL(/\/documents$/);
});

test.describe('every document', () => {
	test.describe.configure({ timeout: 180_000 });
	for (const docId of [
		'hemispheric-2002',
		'campeche-2005',
		'iom-oas-2006',
		'cim-trafficking-2006',
		'eclac-hld-2013'
	])
		test(`${docId}: each curated figure is marked at its own line, a link to its page; its page's "Read in the document" lands on the mark`, async ({
			page
		}) => {
			const figures = (await allFigures(page)).filter((f: SiteFigure) => f.doc_id === docId);
			const docs = await allDocuments(page);
			expect(docs.map((d) => d.doc_id)).toContain(docId);
			await page.goto(`/documents/${docId}`);
			await expect(page.getByTestId('coverage')).toContainText(
				figures.length
					? `in its ${figures.length} curated figure${figures.length === 1 ? '' : 's'}`
					: 'no curated figure'
			);
			const found = await page.evaluate(
				(ids) =>
					ids.map((id) => {
						const mark = document.getElementById(`fig-${id}`) as HTMLAnchorElement | null;
						const line = mark?.closest('span[id^="L"]')?.id ?? '';
						return {
							id,
							href: mark?.href ?? '',
							line: Number(line.slice(1)),
							name: mark?.getAttribute('aria-label') ?? '',
							text: mark?.textContent ?? ''
						};
					}),
				figures.map((f) => f.figure_id)
			);
			for (const f of figures) {
				const m = found.find((x) => x.id === f.figure_id)!;
				expect(new URL(m.href).pathname, f.figure_id).toBe(`/figure/${f.figure_id}`);
				expect(m.line, `${f.figure_id} is marked on its quote's lines`).toBeGreaterThanOrEqual(
					f.line
				);
				expect(m.line, `${f.figure_id} is marked on its quote's lines`).toBeLessThanOrEqual(
					f.line + QUOTE_LINES
				);
				expect(m.name, f.figure_id).toContain(`figure: ${f.indicator}`);
				// The mark holds the printed words (a figure stated by the same words as another has a "+1").
				const printed = f.value_text.replace(/\s+/g, ' ');
				expect(m.text === '+1' || printed.includes(m.text.replace(/\s+/g, ' ')), f.figure_id).toBe(
					true
				);
			}
			// A mark leads to its figure page.
			const first = figures[0];
			if (first) {
				await page.locator(`#fig-${first.figure_id}`).click();
				await page.waitForURL(new RegExp(`/figure/${first.figure_id}$`));
			}
			// Each figure page's "Read in the document" opens the document at the quote's line,
			// with the figure's mark in sight.
			for (const f of figures) {
				await page.goto(`/figure/${f.figure_id}`);
				await expect(page.getByTestId('figure-passage')).toContainText(f.quote);
				const read = page.getByTestId('read-in-document');
				await expect(read).toHaveAttribute('href', new RegExp(`/documents/${docId}#L${f.line}$`));
				await read.click();
				await page.waitForURL(new RegExp(`/documents/${docId}#L${f.line}$`));
				// The text of a page reached by a link inside the site is fetched (110 kB) and put in.
				await page.locator(`#fig-${f.figure_id}`).waitFor();
				await expect(page.locator(`#fig-${f.figure_id}`), f.figure_id).toBeInViewport();
				// Its line marked as the address's target, the only one.
				await expect(page.locator(`#L${f.line}`)).toHaveAttribute('data-target', '');
				await expect(page.locator('[data-target]')).toHaveCount(1);
			}
		});
});

test('a figure page shows the passage around its quote, the headings above it and who presents it', async ({
	page
}) => {
	await page.goto('/figure/hc02-lac-emigrants-abroad');
	const passage = page.getByTestId('figure-passage');
	await expect(passage).toContainText('A. International migration in the Americas');
	await expect(passage).toContainText('Presented by Miguel Villa and Jorge Martínez Pizarro');
	// The sentences before and after the quote, from the same paragraph.
	await expect(passage).toContainText('many people had emigrated from the region.');
	await expect(passage).toContainText('That figure represented just over 13%');
});

test('Enter pressed while the typing is still to be searched keeps its place in the matches', async ({
	page
}) => {
	await page.clock.install();
	await page.goto('/documents/iom-oas-2006');
	await page.locator('html[data-hydrated]').waitFor();
	await pauseClock(page);
	const box = page.getByTestId('document-search');
	// Typed, and Enter before the typing's own search (200 ms later) has run.
	await box.fill('migrants');
	await box.press('Enter');
	const status = page.getByTestId('search-status');
	await expect(status).toHaveText(/^1 of \d+, line \d+$/);
	// The typing's wait ends: the reader is still at the first match.
	await page.clock.runFor(1000);
	await expect(status).toHaveText(/^1 of \d+, line \d+$/);
	await box.press('Enter');
	await expect(status).toHaveText(/^2 of \d+, line \d+$/);
});

test('search within a document highlights and steps through its matches', async ({ page }) => {
	await page.goto('/documents/hemispheric-2002');
	await page.locator('html[data-hydrated]').waitFor();
	const box = page.getByTestId('document-search');
	await box.fill('Puebla Process');
	// The first search may build the index of 5,063 lines, if the page was not idle before it.
	await expect(page.getByTestId('search-status')).toHaveText(/^\d+ match(es)?$/, {
		timeout: 15_000
	});
	const count = Number((await page.getByTestId('search-status').textContent())!.split(' ')[0]);
	expect(count).toBeGreaterThan(0);
	await box.press('Enter');
	await expect(page.getByTestId('search-status')).toHaveText(
		new RegExp(`^1 of ${count}, line \\d+$`)
	);
	const line = Number(
		/line (\d+)/.exec((await page.getByTestId('search-status').textContent())!)![1]
	);
	await expect(page.locator(`#L${line}`)).toBeInViewport();
	await expect(page.locator(`#L${line}`)).toContainText('Puebla');
	// Accents and case do not matter; a word that is not there says so.
	await box.fill('MARTINEZ');
	await expect(page.getByTestId('search-status')).toHaveText(/^\d+ match(es)?$/);
	await box.fill('zzzqqq');
	await expect(page.getByTestId('search-status')).toHaveText('No match');
});

test('a line number in the margin links to its line and offers the link', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/documents/campeche-2005');
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('a.ln[href="#L12"]').click();
	await expect(page).toHaveURL(/\/documents\/campeche-2005#L12$/);
	await expect(page.getByTestId('copy-status')).toContainText('Link to line 12 copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
		/\/documents\/campeche-2005#L12$/
	);
	await expect(page.locator('#L12')).toBeInViewport();
});

test("a figure's details show on focus and hide with Escape", async ({ page }) => {
	await page.goto('/documents/iom-oas-2006');
	await page.locator('html[data-hydrated]').waitFor();
	const mark = page.locator('#fig-iom06-hnd-returnees-assisted-2005');
	await mark.focus();
	const popover = page.getByTestId('figure-popover');
	await expect(popover).toBeVisible();
	await expect(popover).toContainText('18,941 persons');
	await expect(mark).toHaveAttribute('aria-describedby', 'figure-popover');
	await page.keyboard.press('Escape');
	await expect(popover).toBeHidden();
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, viewport: { width: 375, height: 740 } });
	test('a tap on a figure shows its details first, with a link to its page', async ({ page }) => {
		await page.goto('/documents/iom-oas-2006');
		await page.locator('html[data-hydrated]').waitFor();
		await page.locator('#fig-iom06-hnd-returnees-assisted-2005').tap();
		const popover = page.getByTestId('figure-popover');
		await expect(popover).toBeVisible();
		// Whole on the phone's screen, and the page does not scroll sideways because of it.
		const box = (await popover.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(375);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
		await expect(page).toHaveURL(/\/documents\/iom-oas-2006$/);
		await popover.getByTestId('popover-link').tap();
		await page.waitForURL(/\/figure\/iom06-hnd-returnees-assisted-2005$/);
	});
});

test('an unknown document is a 404 page with a way back', async ({ page, pageErrors }) => {
	const res = await page.goto('/documents/no-such-report');
	expect(res?.status()).toBe(404);
	await expect(page.getByTestId('error-page')).toContainText('There is no page at this address');
	await page.getByTestId('error-documents').click();
	await page.waitForURL(/\/documents$/);
	// The static host's 404 is the page's own answer, not an error of the site.
	pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 404/.test(e)));
});

test('a line past the end opens the top of the document with a notice', async ({ page }) => {
	await page.goto('/documents/campeche-2005#L9999');
	await expect(page.getByTestId('line-notice')).toHaveText(
		'Line 9,999 is not in this document, which has 78 lines: showing its beginning.'
	);
	expect(await page.evaluate(() => scrollY)).toBe(0);
	// A line that is there opens without a notice.
	await page.goto('/documents/campeche-2005#L16');
	await expect(page.locator('#L16')).toBeInViewport();
	await expect(page.getByTestId('line-notice')).toHaveCount(0);
});

test("the explorer's table and document view lead to the reader", async ({ page }) => {
	await page.goto('/?doc=iom-oas-2006&q=Honduran');
	await ready(page);
	const source = page
		.locator('[data-testid="figure-table"] tbody tr[data-figure-id] td[data-label="Source"] a')
		.first();
	await expect(source).toHaveAttribute('href', /\/documents\/iom-oas-2006#L\d+$/);
	const read = page.getByTestId('read-documents').getByRole('link');
	await expect(read).toHaveAttribute('href', /\/documents\/iom-oas-2006\?q=Honduran$/);
	await read.click();
	await expect(page.getByTestId('search-status')).toHaveText(/^1 of \d+, line \d+$/);
});
