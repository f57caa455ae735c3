import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
	drawCharts,
	duckDbReady,
	expectNoViolations,
	openWorkbench,
	ready,
	runSql,
	userFiguresCsv
} from './helpers';

/** One page of every route, in the states a reader meets: filtered, narrowed, with a notice. */
const ROUTES = [
	'/',
	'/?topic=remittances&geo=MEX&q=remesas',
	'/?topic=nonsense',
	// The timeline with chosen years (marks dimmed, a band) and a chosen country; a map with none.
	'/?years=1994-2001&geo=HND',
	'/?topic=remittances',
	'/figure/cim06-blz-police-cascade-trained-2006',
	'/about',
	'/dictionary',
	'/changes',
	'/documents',
	'/documents/hemispheric-2002',
	'/documents/eclac-hld-2013',
	'/documents/campeche-2005#L9999',
	'/embed/topic',
	'/embed/doc',
	'/embed/year?topic=migrant_stock',
	'/embed/map',
	'/embed/map?topic=trafficking_victims',
	'/sql',
	'/present',
	'/present/remittances-and-development',
	'/present/returns-and-deportations',
	'/present/trafficking-how-big',
	'/present/scratch?s=doc:topic%3Dremittances&s=fig:nonsense',
	'/present/scratch?s=year:years%3D1990-2001',
	'/no-such-page',
	// The Spanish edition: every kind of page once, in the states its words change most.
	'/es/',
	'/es/?topic=remittances&geo=MEX&q=remesas',
	'/es/?topic=remittances&q=migrantes&topic=nonsense',
	'/es/figure/hc02-amr-trafficking-victims-2001-tip',
	'/es/about',
	'/es/dictionary',
	'/es/changes',
	'/es/documents',
	'/es/documents/iom-oas-2006',
	'/es/embed/topic',
	'/es/embed/doc',
	'/es/embed/year',
	'/es/embed/map?topic=trafficking_victims',
	'/es/sql',
	'/es/present',
	'/es/present/trafficking-how-big',
	'/es/no-hay-tal-pagina'
];

/** The explorer's pages, in either language: they are ready when their answer is drawn. */
const isExplorer = (route: string) => /^\/(es\/?)?(\?|$)/.test(route);

const SCHEMES = ['light', 'dark'] as const;

for (const scheme of SCHEMES)
	for (const route of ROUTES)
		test(`axe finds no violations on ${route} (${scheme})`, async ({ page, pageErrors }) => {
			// axe takes 10–30 s over the explorer's 2,400 elements on a busy two-core machine, and
			// about 1.5 min over the longest document's 5,063 lines and 1,000 numbers.
			test.slow();
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(route);
			if (isExplorer(route)) await ready(page);
			// Lazy comparison charts are part of what a reader sees once they scroll.
			await drawCharts(page);
			await expectNoViolations(page);
			// The unknown address's 404 is the one error expected.
			const unexpected = pageErrors.filter((e) => !/status of 404/.test(e));
			pageErrors.splice(0, pageErrors.length, ...unexpected);
		});

/** The SQL workbench in each state a reader reaches once DuckDB-wasm is ready. */
const SQL_STATES: Record<string, (page: Page) => Promise<void>> = {
	'ready, nothing run yet': async () => {},
	'a result shown': async (page) => {
		await runSql(page, 'SELECT figure_id, value, unit FROM figures');
		await expect(page.getByTestId('result-range')).toHaveText(/^Rows 1–100 of/);
	},
	'an error shown': async (page) => {
		await runSql(page, 'SELECT figure_id,\n  valeu FROM figures');
		await expect(page.getByTestId('sql-error-position')).toBeVisible();
	},
	'a file loaded': loadOwnFigures
};

/** A small CSV of figures of the reader's own, picked with the file input. */
async function loadOwnFigures(page: Page) {
	await page.getByTestId('file-input').setInputFiles({
		name: 'mine.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(userFiguresCsv(2))
	});
	await expect(page.getByTestId('show-in-explorer')).toBeVisible();
}

for (const scheme of SCHEMES)
	for (const [state, reach] of Object.entries(SQL_STATES))
		test(`axe finds no violations on /sql with ${state} (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await openWorkbench(page);
			await reach(page);
			await expectNoViolations(page);
		});

for (const scheme of SCHEMES)
	test(`axe finds no violations on / showing the reader's own figures (${scheme})`, async ({
		page
	}) => {
		test.slow();
		await page.emulateMedia({ colorScheme: scheme });
		await openWorkbench(page);
		await loadOwnFigures(page);
		await page.getByTestId('show-in-explorer').click();
		await expect(page.getByTestId('user-data-notice')).toBeVisible();
		await duckDbReady(page);
		// Their rows in the table, each with its "your data" badge.
		await page.getByTestId('search').fill('zanzibarquux');
		await expect(page.getByTestId('total')).toHaveText('2');
		await ready(page);
		await drawCharts(page);
		await expectNoViolations(page);
	});

for (const scheme of SCHEMES)
	test(`axe finds no violations on /sql without WebAssembly (${scheme})`, async ({ page }) => {
		await page.addInitScript(() => {
			delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
		});
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/sql');
		await expect(page.getByTestId('sql-engine')).toHaveAttribute('data-state', 'failed');
		await expectNoViolations(page);
	});

for (const scheme of SCHEMES)
	test(`axe finds no violations in the explorer's downloads with the view's code open (${scheme})`, async ({
		page
	}) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto('/?topic=remittances');
		await ready(page);
		await page.getByTestId('view-code').locator('summary').click();
		await expect(page.getByTestId('code-r')).toBeVisible();
		// Only the table's section: the rest of the page is checked above.
		const { violations } = await new AxeBuilder({ page })
			.include('section.table')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
			.analyze();
		expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`)).toEqual([]);
	});

for (const scheme of SCHEMES)
	test(`axe finds no violations in a chart's open "Share & download" panel and the comparisons' key (${scheme})`, async ({
		page
	}) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto('/?topic=trafficking_victims');
		await ready(page);
		await page.getByTestId('view-geo-share').locator(':scope > summary').click();
		await page.getByTestId('view-geo-embed').click();
		await page.getByTestId('view-geo-table').locator('summary').click();
		await expect(page.getByTestId('view-geo-snippet')).toBeVisible();
		await expect(page.getByTestId('view-geo-table').locator('table')).toBeVisible();
		const { violations } = await new AxeBuilder({ page })
			.include('#view-geo')
			.include('[data-testid="compare-legend"]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
			.analyze();
		expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`)).toEqual([]);
	});

test('every control is reached by Tab with a visible focus ring, and the views work by keyboard', async ({
	page
}) => {
	test.slow();
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
	// It sits in the chart's "Share & download" panel, opened by keyboard too.
	const share = page.getByTestId('view-geo-share');
	await share.locator(':scope > summary').focus();
	await page.keyboard.press('Enter');
	const table = page.getByTestId('view-geo-table');
	await table.locator('summary').focus();
	await page.keyboard.press('Enter');
	await expect(table.locator('table')).toBeVisible();
	const tableRows = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
	// The same counts as the place facet beside the figures.
	for (const [label, n] of tableRows)
		await expect(page.locator(`#facet-geo a[aria-label^="${label}:"]`)).toHaveAttribute(
			'aria-label',
			new RegExp(`: ${n} figures?$`)
		);
	// Escape closes the panel first, giving focus back to its button; the next one clears.
	await page.keyboard.press('Escape');
	await expect(share).not.toHaveAttribute('open');
	await expect(share.locator(':scope > summary')).toBeFocused();
	await expect(page).toHaveURL(/topic=remittances/);
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/topic=/);
});
