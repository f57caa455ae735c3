import { AxeBuilder } from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ready } from './helpers';

/** One page of every route, in the states a reader meets: filtered, narrowed, with a notice. */
const ROUTES = [
	'/',
	'/?topic=remittances&geo=MEX&q=remesas',
	'/?topic=nonsense',
	'/figure/cim06-blz-police-cascade-trained-2006',
	'/about',
	'/dictionary',
	'/documents',
	'/documents/hemispheric-2002',
	'/documents/eclac-hld-2013',
	'/documents/campeche-2005#L9999',
	'/embed/topic',
	'/embed/doc',
	'/embed/year?topic=migrant_stock',
	'/embed/map',
	'/sql',
	'/present',
	'/present/remittances-and-development',
	'/present/returns-and-deportations',
	'/present/trafficking-how-big',
	'/present/scratch?s=doc:topic%3Dremittances&s=fig:nonsense'
];

for (const scheme of ['light', 'dark'] as const)
	for (const route of ROUTES)
		test(`axe finds no violations on ${route} (${scheme})`, async ({ page }) => {
			// axe checks each of the longest document's 5,063 lines and 1,000 numbers: about 1.5 min
			// on a busy machine.
			if (route === '/documents/hemispheric-2002') test.setTimeout(240_000);
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(route.startsWith('/?') || route === '/' ? `${route}` : route);
			if (route === '/' || route.startsWith('/?')) await ready(page);
			// Let lazy comparison charts draw: they are part of what a reader sees.
			await page.mouse.wheel(0, 20_000);
			await page.waitForTimeout(300);
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			expect(
				violations.map((v) => ({
					id: v.id,
					help: v.help,
					nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`)
				}))
			).toEqual([]);
		});

test('every control is reached by Tab with a visible focus ring, and the views work by keyboard', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await ready(page);
	const unseen: string[] = [];
	let reachedBar = false;
	for (let i = 0; i < 400 && !reachedBar; i++) {
		await page.keyboard.press('Tab');
		const focus = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const s = getComputedStyle(el);
			const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
			// Chart marks drawn in SVG show focus by a thick stroke on the shape instead.
			const shape = el.closest('svg') ? el.querySelector('path, circle, line, rect') : null;
			const stroked = shape ? parseFloat(getComputedStyle(shape).strokeWidth) >= 2 : false;
			return {
				name: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}`,
				visible: ring || stroked,
				bar: el.matches('#view-topic a[aria-label^="Remittances:"]')
			};
		});
		if (!focus) continue;
		if (!focus.visible) unseen.push(focus.name);
		reachedBar = focus.bar;
	}
	expect(unseen, 'focused without a visible ring').toEqual([]);
	expect(reachedBar, 'Tab reaches the bars of the topic chart').toBe(true);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/topic=remittances/);
	// The data table behind the chart opens by keyboard and lists the same counts.
	const table = page.getByTestId('view-doc-table');
	await table.locator('summary').focus();
	await page.keyboard.press('Enter');
	await expect(table.locator('table')).toBeVisible();
	const tableRows = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
	for (const [label, n] of tableRows)
		await expect(page.locator(`#view-doc a[aria-label^="${label}:"]`)).toHaveAttribute(
			'aria-label',
			new RegExp(`: ${n} figures?$`)
		);
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/topic=/);
});
