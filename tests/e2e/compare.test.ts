/** The comparison section as a reader sees it: the indicator view, its cards and their labels. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, drawCharts, markCount, ready, tableIds, total } from './helpers';

const DETENTION = 'Duration of detention of asylum seekers';

const cards = (page: Page) => page.locator('.compare-grid > figure');
const card = (page: Page, indicator: string) =>
	cards(page).filter({ has: page.locator('h2', { hasText: indicator }) });

test('an indicator stated in two units gets one card with a chart per unit, saying so', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	const detention = card(page, DETENTION);
	await detention.scrollIntoViewIfNeeded();
	await expect(detention.locator('[data-testid$="-units"]')).toContainText('months, years');
	const panels = detention.locator('.plot svg');
	await expect(panels).toHaveCount(2);
	await expect(panels.nth(0)).toContainText('In months');
	await expect(panels.nth(0)).toContainText('17');
	await expect(panels.nth(1)).toContainText('In years');
	// Each mark leads to its figure page.
	await expect(panels.nth(1).locator('a:has(circle)')).toHaveCount(1);
	// The card's image holds both panels, each where it sits on the page.
	await detention.locator('[data-testid$="-share"] > summary').click();
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		detention.locator('[data-testid$="-svg"]').click()
	]);
	const svg = readFileSync((await file.path())!, 'utf8');
	expect(svg).toContain(DETENTION);
	expect(svg.match(/<svg /g)).toHaveLength(3);
	const ys = [...svg.matchAll(/<svg [^>]*class="plot[^>]*>/g)].map((m) =>
		Number(/ y="([\d.]+)"/.exec(m[0])![1])
	);
	expect(ys).toHaveLength(2);
	expect(ys[1]!).toBeGreaterThan(ys[0]!);
	for (const text of ['In months', 'In years', '17 months', 'more than 1 year'])
		expect(svg).toContain(text);
});

test('choosing an indicator from its card filters the other views and the table; Clear restores', async ({
	page
}) => {
	const figures = await allFigures(page);
	const chosen = figures.filter((f) => f.indicator === DETENTION);
	expect(chosen.length).toBeGreaterThanOrEqual(2);
	await page.goto('/');
	await ready(page);
	const before = await cards(page).count();
	const docBefore = await markCount(page, 'view-doc', 'Hemispheric Conference 2002');
	const detention = card(page, DETENTION);
	await expect(detention).not.toHaveClass(/current/);

	await detention.locator('[data-testid$="-pick"]').click();
	await expect(page).toHaveURL(/[?&]indicator=Duration\+of\+detention/);
	await expect.poll(() => total(page)).toBe(chosen.length);
	await expect
		.poll(async () => (await tableIds(page)).sort())
		.toEqual(chosen.map((f) => f.figure_id).sort());
	// The other views count only the chosen indicator's figures.
	const inDoc = chosen.filter((f) => f.doc_id === 'hemispheric-2002').length;
	expect(await markCount(page, 'view-doc', 'Hemispheric Conference 2002')).toBe(inDoc);
	expect(inDoc).toBeLessThan(docBefore);
	// The section ignores its own selection: every card stays, the chosen one marked and first.
	await expect(cards(page)).toHaveCount(before);
	await expect(cards(page).first()).toContainText(DETENTION);
	await expect(detention).toHaveClass(/current/);
	await expect(detention.locator('[data-testid$="-current"]')).toHaveText('Selected');
	await expect(page.getByTestId('compare-selected')).toHaveText(`Selected: ${DETENTION}`);

	await page.getByTestId('compare-clear').click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => total(page)).toBe(figures.length);
	await expect(detention).not.toHaveClass(/current/);
	await expect(page.getByTestId('compare-selected')).toHaveCount(0);
	expect(await markCount(page, 'view-doc', 'Hemispheric Conference 2002')).toBe(docBefore);
});

/** Every line of the chart's labels, with where it is drawn. */
async function labelBoxes(chart: Locator) {
	return chart.locator('g[aria-label="text"] text').evaluateAll((texts) =>
		texts.map((t) => {
			const r = t.getBoundingClientRect();
			const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent);
			return {
				text: (lines.length ? lines : [t.textContent]).join(' '),
				left: r.left,
				right: r.right
			};
		})
	);
}

test('on a phone, every label is drawn in full inside its card, at the height reserved for it', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('/');
	await ready(page);
	await drawCharts(page);
	const rcm = card(page, 'Regional Conference on Migration');
	const drawn = (await labelBoxes(rcm)).map((b) => b.text);
	// Each label: the place and the time it speaks of, then the document, line and who says so.
	expect(drawn).toContain(
		'Regional Conference on Migration (Puebla Process) member countries · 2013, as of the document’s date'
	);
	expect(drawn).toContain(
		'Hemispheric Conference 2002, line 524 · Javier Moctezuma Barragán (Mexican Ministry of the Interior)'
	);
	expect(drawn.some((t) => t.startsWith('ECLAC messages 2013, line 176'))).toBe(true);
	// Each chart drew at the height reserved for it, so nothing moved when it did.
	const heights = await page
		.locator('.compare .plot')
		.evaluateAll((plots) =>
			plots.map((p) => [
				parseFloat((p as HTMLElement).style.minHeight),
				p.querySelector('svg')!.getBoundingClientRect().height
			])
		);
	for (const [reserved, drawn] of heights) expect(Math.abs(reserved! - drawn!)).toBeLessThan(1);
	const n = await cards(page).count();
	for (let i = 0; i < n; i++) {
		const c = cards(page).nth(i);
		const box = (await c.boundingBox())!;
		for (const label of await labelBoxes(c)) {
			expect(label.text).not.toContain('…');
			expect(label.left, label.text).toBeGreaterThanOrEqual(box.x);
			// Inside the card's border and padding, not only its edge.
			expect(label.right, label.text).toBeLessThanOrEqual(box.x + box.width - 8);
		}
	}
});

test('the cards say the measure once with the unit under it, the verdict as a label, and the marks have a drawn key', async ({
	page
}) => {
	await page.goto('/?topic=trafficking_victims');
	await ready(page);
	const legend = page.getByTestId('compare-legend');
	expect((await legend.locator('li').allTextContents()).map((t) => t.trim())).toEqual([
		'Stated value',
		'About (approximate)',
		'Range',
		'More than / up to',
		'Implied, not printed',
		'⚠ Has a warning'
	]);
	// Each entry is drawn with a mark of the charts' own colours.
	await expect(legend.locator('li svg')).toHaveCount(5);
	const estimates = card(page, 'Victims of trafficking in persons');
	await estimates.scrollIntoViewIfNeeded();
	await drawCharts(page);
	const title = estimates.locator('h2');
	await expect(title).toHaveText('Victims of trafficking in persons (estimate)');
	await expect(estimates.locator('[data-testid$="-subtitle"]')).toHaveText('Number of persons');
	await expect(estimates.locator('[data-testid$="-verdict"]')).toHaveText(/\w/);
	// The chart's dots and the key's share a colour, which differs from the implied numbers'.
	const printed = await estimates
		.locator('svg g[aria-label="dot"] circle')
		.first()
		.evaluate((c) => getComputedStyle(c).stroke);
	const key = await legend
		.locator('li[data-kind="exact"] circle')
		.evaluate((c) => getComputedStyle(c).stroke);
	const implied = await legend
		.locator('li[data-kind="implied"] circle')
		.evaluate((c) => getComputedStyle(c).stroke);
	expect(printed).toBe(key);
	expect(implied).not.toBe(key);
	// Every text in the charts, the axis included, is at least 12 px.
	const sizes = await page
		.locator('.compare svg text')
		.evaluateAll((texts) => texts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
	expect(sizes.length).toBeGreaterThan(10);
	expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
});
