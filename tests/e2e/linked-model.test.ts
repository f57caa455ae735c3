/**
 * Every linked interaction, checked against a model: after each click, drag, key or search, every
 * view's counts, the total, the table's first page and the address are what the crossfilter
 * rule gives for the selection — and the same address opened afresh, or reached with Back and
 * Forward, shows the same.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { chosen, duckDbReady, mark, pauseClock, ready } from './helpers';
import {
	expectedParams,
	expectedState,
	loadModel,
	pageState,
	params,
	type ModelData,
	type ModelSelection
} from './model';

/** Clicks a point of the map where the topmost shape is the country's own (not a lake, not a neighbour). */
async function clickCountry(page: Page, name: string) {
	const country = page.locator(`#view-geo svg.map a[aria-label^="${name}:"]`);
	await country.scrollIntoViewIfNeeded();
	const point = await country.evaluate((a) => {
		const r = a.getBoundingClientRect();
		for (let i = 1; i < 20; i++)
			for (let j = 1; j < 20; j++) {
				const x = r.left + (r.width * i) / 20;
				const y = r.top + (r.height * j) / 20;
				if (document.elementFromPoint(x, y)?.closest('a') === a) return { x, y };
			}
		return null;
	});
	expect(point, `a point inside ${name}`).not.toBeNull();
	await page.mouse.click(point!.x, point!.y);
}

async function expectView(page: Page, m: ModelData, s: ModelSelection) {
	await expect.poll(() => params(page)).toEqual(expectedParams(s));
	await expect.poll(() => pageState(page)).toEqual(expectedState(m, s));
}

// The explorer answers on the instant engine; the bench's switch `?engine=duckdb` puts the same
// views on DuckDB-wasm, and every link carries the switch along.
for (const engine of ['instant', 'duckdb'] as const) {
	test(`each view filters the others, the table and the address (${engine} engine)`, async ({
		page
	}) => {
		const m = await loadModel(page);
		// The last year any figure speaks of: a range typed from 1980 runs to it.
		const lastYear = Math.max(...m.figures.map((f) => f.ref_end ?? -Infinity));
		await page.goto(engine === 'duckdb' ? '/?engine=duckdb' : '/');
		await ready(page);
		if (engine === 'duckdb') await duckDbReady(page);
		// The model's parameters leave the switch out.
		const view = async (s: ModelSelection) => {
			if (engine === 'duckdb') {
				await expect.poll(() => params(page)).toEqual({ ...expectedParams(s), engine: 'duckdb' });
				await expect.poll(() => pageState(page)).toEqual(expectedState(m, s));
			} else await expectView(page, m, s);
		};
		const history: ModelSelection[] = [{}];
		const step = async (s: ModelSelection) => {
			history.push(s);
			await view(s);
		};
		await view({});

		await mark(page, 'view-topic', 'Migrant stocks').click();
		await step({ topics: ['migrant_stock'] });

		await mark(page, 'view-doc', 'Hemispheric Conference 2002').click();
		await step({ topics: ['migrant_stock'], docs: ['hemispheric-2002'] });

		// A second topic joins the first.
		await mark(page, 'view-topic', 'Displacement and refugees').click();
		const two = { topics: ['displacement_refugees', 'migrant_stock'], docs: ['hemispheric-2002'] };
		await step(two);

		await page
			.locator('#view-geo .regions a', { hasText: 'Latin America and the Caribbean' })
			.click();
		await step({ ...two, geos: ['LAC'] });

		await page.getByTestId('view-topic-clear').click();
		await step({ docs: ['hemispheric-2002'], geos: ['LAC'] });

		await page.getByTestId('year-from').fill('1980');
		await page.getByTestId('year-from').press('Enter');
		await step({ docs: ['hemispheric-2002'], geos: ['LAC'], years: [1980, lastYear] });

		await page.getByTestId('view-geo-clear').click();
		await step({ docs: ['hemispheric-2002'], years: [1980, lastYear] });

		// A country on the map, clicked with the mouse on a point of its own shape.
		await clickCountry(page, 'United States of America');
		await step({ docs: ['hemispheric-2002'], geos: ['USA'], years: [1980, lastYear] });

		await page.getByTestId('view-year-clear').click();
		await step({ docs: ['hemispheric-2002'], geos: ['USA'] });

		await page.getByTestId('view-doc-clear').click();
		await step({ geos: ['USA'] });

		await page.getByTestId('search').fill('deported');
		await step({ geos: ['USA'], q: 'deported' });

		await page.keyboard.press('Escape');
		await step({});

		// Any case, without its accents: "MARTINEZ" finds "Martínez" (a speaker).
		await page.getByTestId('search').fill('MARTINEZ migrants');
		expect(expectedState(m, { q: 'MARTINEZ migrants' }).total).toBeGreaterThan(0);
		await step({ q: 'MARTINEZ migrants' });
		// Erasing it is part of the same search: the same history entry, now with no search.
		await page.getByTestId('search').fill('');
		history.pop();
		await step({});

		// A brush on the timeline: the years the drag covers, whatever they are.
		const years = page.locator('#view-year svg').first();
		await years.scrollIntoViewIfNeeded();
		const yb = (await years.boundingBox())!;
		// On the ruler under the marks (they are links to their figures), always free to drag on.
		const ruler = yb.y + yb.height - 20;
		await page.mouse.move(yb.x + yb.width * 0.7, ruler);
		await page.mouse.down();
		await page.mouse.move(yb.x + yb.width * 0.96, ruler, { steps: 6 });
		await page.mouse.up();
		await expect.poll(() => params(page).years ?? '').toMatch(/^\d{4}-\d{4}$/);
		const [a, b] = params(page).years!.split('-').map(Number) as [number, number];
		expect(a).toBeLessThan(b);
		await step({ years: [a, b] });

		await mark(page, 'view-topic', 'Deportations and returns').click();
		const last = { years: [a, b] as [number, number], topics: ['deportation_return'] };
		await step(last);

		// Back and Forward walk the same views, each as it was.
		for (const s of history.slice(-4, -1).reverse()) {
			await page.goBack();
			await view(s);
		}
		for (const s of history.slice(-3)) {
			await page.goForward();
			await view(s);
		}

		// The address opened afresh restores the view exactly.
		const fresh = await page.context().newPage();
		await fresh.goto(page.url());
		await ready(fresh);
		await expect.poll(() => pageState(fresh)).toEqual(expectedState(m, last));
		await expect.poll(() => chosen(fresh, 'view-topic')).toBe('Deportations and returns');
		await expect(fresh.getByTestId('view-year-selected')).toHaveText(`${a}–${b}`);
		await fresh.close();
	});
}

// The search waits for a pause in typing (180 ms): these tests install the page's clock and
// say how long each pause is, so a busy machine cannot stretch one.

test('a search is one step back: typing adds one history entry, not one per letter', async ({
	page
}) => {
	const m = await loadModel(page);
	await page.clock.install();
	await page.goto('/?topic=deportation_return');
	await ready(page);
	const input = page.getByTestId('search');
	// Six letters typed without a pause: one search.
	await pauseClock(page);
	await input.pressSequentially('deport');
	await page.clock.runFor(1_000);
	await page.clock.resume();
	await expectView(page, m, { topics: ['deportation_return'], q: 'deport' });
	// Two more, each after a pause: each applied, in the same history entry.
	await pauseClock(page);
	for (const key of 'ed') {
		await input.press(key);
		await page.clock.runFor(1_000);
	}
	await page.clock.resume();
	await expectView(page, m, { topics: ['deportation_return'], q: 'deported' });
	await page.goBack();
	await expectView(page, m, { topics: ['deportation_return'] });
	await expect(input).toHaveValue('');
	await page.goForward();
	await expectView(page, m, { topics: ['deportation_return'], q: 'deported' });
	await expect(input).toHaveValue('deported');
	// Escape in the box empties it and clears every filter: one new entry, so Back returns.
	await input.press('Escape');
	await expectView(page, m, {});
	await page.goBack();
	await expectView(page, m, { topics: ['deportation_return'], q: 'deported' });
});

test('a click made while a search waits to be applied is kept', async ({ page }) => {
	const m = await loadModel(page);
	await page.clock.install();
	await page.goto('/');
	await ready(page);
	await pauseClock(page);
	await page.getByTestId('search').fill('migrants');
	// Within the search's wait: the clock stands still until the click is made.
	await mark(page, 'view-doc', 'Hemispheric Conference 2002').click();
	await page.clock.runFor(1_000);
	await page.clock.resume();
	await expectView(page, m, { docs: ['hemispheric-2002'], q: 'migrants' });
});

test('the table is sorted from its sort links on a phone, where it has no header row', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('/');
	await ready(page);
	const bar = page.getByTestId('sort-bar');
	await bar.scrollIntoViewIfNeeded();
	await expect(bar).toBeVisible();
	await expect(page.locator('[data-testid="figure-table"] thead')).toBeHidden();
	await bar.getByRole('link', { name: /^Place/ }).click();
	await expect(page).toHaveURL(/sort=geography/);
	await expect(bar.getByRole('link', { name: 'Place, ascending' })).toHaveAttribute(
		'aria-current',
		'true'
	);
	const places = await page
		.locator('[data-testid="figure-table"] tbody td[data-label="Place"]')
		.allTextContents();
	expect(places.length).toBeGreaterThan(5);
	// In code-point order, as both engines sort text.
	expect([...places].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(places);
	// No row is wider than the phone.
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(wide).toBeLessThanOrEqual(375);
});

test('the jump link leads the keyboard to the table', async ({ page }) => {
	await page.goto('/?topic=remittances');
	await ready(page);
	await page.getByTestId('jump-table').focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\?topic=remittances#table-title$/);
	await expect(page.locator('#table-title')).toBeInViewport();
	// The next Tab lands in the table's section, not back at the top of the page.
	await page.keyboard.press('Tab');
	const inTable = await page.evaluate(
		() =>
			!!document.activeElement?.closest('section.table') && document.activeElement !== document.body
	);
	expect(inTable).toBe(true);
});

/** Clicks several links in one task, each before the page has answered (or even navigated to) the one before. */
async function quickClicks(page: Page, selectors: string[]) {
	await page.evaluate((sels) => {
		for (const s of sels) {
			const all = document.querySelectorAll(s);
			all[all.length - 1]!.dispatchEvent(
				new MouseEvent('click', { bubbles: true, cancelable: true, view: window })
			);
		}
	}, selectors);
}

const bar = (view: string, label: string) => `#${view} a[aria-label^="${label}:"]`;

test('clicks made before the last one was answered all count', async ({ page }) => {
	const m = await loadModel(page);
	await page.goto('/');
	await ready(page);
	// Two bars of one view, then a country, all drawn from the same screen.
	await quickClicks(page, [
		bar('view-topic', 'Remittances'),
		bar('view-topic', 'Migrant stocks'),
		bar('view-doc', 'Hemispheric Conference 2002')
	]);
	const three = { topics: ['migrant_stock', 'remittances'], docs: ['hemispheric-2002'] };
	await expectView(page, m, three);
	// Both bars taken away again, quickly: neither comes back.
	await quickClicks(page, [bar('view-topic', 'Remittances'), bar('view-topic', 'Migrant stocks')]);
	await expectView(page, m, { docs: ['hemispheric-2002'] });
	// A click, then "Clear all" before its answer: everything is cleared, that click too.
	await quickClicks(page, [bar('view-topic', 'Labour'), '[data-testid="clear-all"]']);
	await expectView(page, m, {});
});

test('Escape and Back leave a search typed but not yet applied behind', async ({ page }) => {
	const m = await loadModel(page);
	await page.clock.install();
	await page.goto('/?topic=remittances');
	await ready(page);
	const input = page.getByTestId('search');
	// Within the search's wait, Escape clears every filter and the box; the wait then runs out.
	await pauseClock(page);
	await input.fill('flows');
	await input.press('Escape');
	await page.clock.runFor(1_000);
	await page.clock.resume();
	await expectView(page, m, {});
	await expect(input).toHaveValue('');
	// Back, within the wait: the search typed on the other view is not applied to this one.
	await pauseClock(page);
	await input.fill('money');
	await page.goBack();
	await page.clock.runFor(1_000);
	await page.clock.resume();
	await expectView(page, m, { topics: ['remittances'] });
	await expect(input).toHaveValue('');
	await ready(page);
	await expectView(page, m, { topics: ['remittances'] });
});

test('a click shows its view first and its address a moment after, in one history entry', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	// The address as the view changed: still the one before the click (SvelteKit's navigation,
	// with its scan of every link, waits for the frame that shows the view).
	const addressAtDraw = await page.evaluate(
		(sel) => {
			const explorer = document.querySelector<HTMLElement>('.explorer')!;
			const before = explorer.dataset.updates;
			const seen = new Promise<string>((resolve) => {
				const obs = new MutationObserver(() => {
					if (explorer.dataset.updates === before) return;
					obs.disconnect();
					resolve(location.search);
				});
				obs.observe(explorer, { attributes: true });
			});
			document
				.querySelector(sel)!
				.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
			return seen;
		},
		bar('view-topic', 'Remittances')
	);
	expect(addressAtDraw).toBe('');
	await expect.poll(() => new URL(page.url()).search).toBe('?topic=remittances');
	await expect(page.locator('.explorer')).toHaveAttribute('data-settled', 'true');
	await page.goBack();
	await expect.poll(() => new URL(page.url()).search).toBe('');
	await expect(page.locator('.explorer')).toHaveAttribute('data-settled', 'true');
	expect(await chosen(page, 'view-topic')).toBe('');
});

test('a figure opened right after a click stays open: the click’s address does not pull back', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	// The last card's link: the one `quickClicks` follows.
	const card = page.locator('.figure-card .value a').last();
	const figurePath = new URL((await card.getAttribute('href'))!, page.url()).pathname;
	await quickClicks(page, [bar('view-topic', 'Remittances'), '.figure-card .value a']);
	await expect(page).toHaveURL((u) => u.pathname === figurePath);
	await expect(page.locator('h1')).toBeVisible();
	// Once the page is idle, any address the explorer still held would have been gone to.
	await page.evaluate(
		() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r, { timeout: 500 })))
	);
	expect(new URL(page.url()).pathname).toBe(figurePath);
});
