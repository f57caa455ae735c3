/**
 * The timeline of figures and the map's chips, as a reader uses them: every figure a mark that
 * opens its page (on a touch screen through a tap that shows the figure), the chosen years a
 * band with the rest dimmed, a range by dragging, by two taps or clicks, by the keys and by the
 * year inputs; the map's regions and small countries as chips.
 */
import { expect, test } from './fixtures';
import { allFigures, expectNoViolations, inYears, ready, total } from './helpers';

const marks = (page: import('@playwright/test').Page) =>
	page.locator('#view-year .marks a[data-mark-figure]');

/** The x on the page of a labelled year's left edge, and the ruler's y under the marks. */
async function yearOnRuler(page: import('@playwright/test').Page, year: number) {
	const svg = page.locator('#view-year svg').first();
	const box = (await svg.boundingBox())!;
	const tick = page.locator('#view-year .axis text', { hasText: new RegExp(`^${year}$`) });
	const t = (await tick.boundingBox())!;
	// The label is centred on the year's left edge: a few pixels right of it is inside the year.
	return { x: t.x + t.width / 2 + 3, y: box.y + box.height - 20 };
}

test('every figure is a mark at its time, linking to its page and naming its value', async ({
	page
}) => {
	const figures = await allFigures(page);
	await page.goto('/');
	await ready(page);
	await expect(marks(page)).toHaveCount(figures.length);
	const drawn = await marks(page).evaluateAll((as) =>
		as.map((a) => ({
			id: a.getAttribute('data-mark-figure')!,
			href: a.getAttribute('href'),
			start: Number(a.getAttribute('data-start')),
			end: Number(a.getAttribute('data-end')),
			title: a.querySelector('title')?.textContent ?? ''
		}))
	);
	const byId = new Map(figures.map((f) => [f.figure_id, f]));
	expect(new Set(drawn.map((d) => d.id)).size).toBe(figures.length);
	for (const d of drawn) {
		const f = byId.get(d.id)!;
		expect(d.href).toBe(`/figure/${encodeURIComponent(d.id)}`);
		expect([d.start, d.end]).toEqual([f.ref_start, f.ref_end]);
		expect(d.title).toContain(f.value_text);
		expect(d.title).toContain(f.indicator);
	}
	// Stated times are solid, the others hollow: the two kinds are drawn apart.
	const stated = await page.locator('#view-year .marks a.stated[data-mark-figure]').count();
	expect(stated).toBe(figures.filter((f) => f.period_basis === 'stated').length);
	await expect(page.locator('#view-year .key')).toContainText('time stated in the text');
	await expect(page.locator('#view-year .key')).toContainText('inferred, or the document’s date');

	// A mark opens its figure's page.
	const first = drawn.find((d) => d.start === 2005)!;
	await page.locator(`#view-year a[data-mark-figure="${first.id}"]`).click();
	await expect(page).toHaveURL(new RegExp(`/figure/${first.id}$`));
});

test('the chosen years are a band; figures outside them stay drawn, dimmed', async ({ page }) => {
	const figures = await allFigures(page);
	await page.goto('/?years=1994-2001');
	await ready(page);
	// The timeline ignores its own selection: every figure is still there.
	await expect(marks(page)).toHaveCount(figures.length);
	const out = await page
		.locator('#view-year .marks a.out[data-mark-figure]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('data-mark-figure')).sort());
	expect(out).toEqual(
		figures
			.filter((f) => !inYears(f, 1994, 2001))
			.map((f) => f.figure_id)
			.sort()
	);
	const band = (await page.locator('#view-year rect.band').first().boundingBox())!;
	expect(band.width).toBeGreaterThan(20);

	// One year of the squeezed past is still a band a finger can see.
	await page.goto('/?years=1900');
	await ready(page);
	expect(
		(await page.locator('#view-year rect.band').first().boundingBox())!.width
	).toBeGreaterThanOrEqual(6);
});

test('a click on a year and then another chooses the range between them', async ({ page }) => {
	await page.goto('/');
	await ready(page);
	await page.locator('#view-year').scrollIntoViewIfNeeded();
	const a = await yearOnRuler(page, 1990);
	await page.mouse.click(a.x, a.y);
	await expect(page).toHaveURL(/years=1990$/);
	await ready(page);
	const b = await yearOnRuler(page, 2000);
	await page.mouse.click(b.x, b.y);
	await expect(page).toHaveURL(/years=1990-2000$/);
	await ready(page);
	await expect(page.getByTestId('year-from')).toHaveValue('1990');
	await expect(page.getByTestId('year-to')).toHaveValue('2000');
});

test('the keys move the chosen years’ ends and range; a run of keys is one step back', async ({
	page
}) => {
	const figures = await allFigures(page);
	const years = figures.flatMap((f) =>
		f.ref_start === null ? [] : [f.ref_start, f.ref_end ?? f.ref_start]
	);
	const [lo, hi] = [Math.min(...years), Math.max(...years)];
	const count = (from: number, to: number) => figures.filter((f) => inYears(f, from, to)).length;
	/** Presses a key and waits for the view of the years it leads to. */
	async function press(key: string, from: number, to: number) {
		await page.keyboard.press(key);
		await expect(page).toHaveURL(new RegExp(`[?&]years=${from === to ? from : `${from}-${to}`}$`));
		await ready(page);
		expect(await total(page), `${key} → ${from}–${to}`).toBe(count(from, to));
	}

	await page.goto('/?years=1990-2000');
	await ready(page);
	const first = page.getByRole('slider', { name: 'First chosen year' });
	const last = page.getByRole('slider', { name: 'Last chosen year' });
	const range = page.getByRole('slider', { name: 'Move the chosen years' });
	await first.focus();
	await expect(first).toHaveAttribute('aria-valuenow', '1990');
	await press('ArrowRight', 1991, 2000);
	await expect(first).toHaveAttribute('aria-valuetext', 'years 1991–2000 chosen');
	await expect(page.getByTestId('year-from')).toHaveValue('1991');
	await press('Shift+ArrowLeft', 1981, 2000);
	await press('Home', lo, 2000);
	await last.focus();
	await press('End', lo, hi);
	await press('Shift+ArrowLeft', lo, hi - 10);
	await first.focus();
	await press('End', hi - 10, hi - 10);
	await last.press('ArrowRight');
	await expect(page).toHaveURL(new RegExp(`years=${hi - 10}-${hi - 9}$`));
	await ready(page);
	// The range moves whole, its length kept, and stops at the data's ends.
	await range.focus();
	await press('ArrowLeft', hi - 11, hi - 10);
	await press('Shift+ArrowRight', hi - 1, hi);
	await press('ArrowRight', hi - 1, hi);
	await press('Home', lo, lo + 1);
	await expect(range).toBeFocused();
	await expectNoViolations(page);

	// Back returns to the years before the keys, not to each year they passed.
	await page.goBack();
	await expect(page).toHaveURL(/\?years=1990-2000$/);
	await ready(page);
	expect(await total(page)).toBe(count(1990, 2000));
});

test('a focused handle’s ring keeps clear of the axis’s year labels', async ({ page }) => {
	/** Each visible year label the focused slider's ring overlaps. */
	const overlaps = () =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
			const r = el.getBoundingClientRect();
			const ring = { l: r.left - out, r: r.right + out, t: r.top - out, b: r.bottom + out };
			return [...document.querySelectorAll('#view-year .axis text:not(.ruler)')]
				.filter((t) => {
					const b = t.getBoundingClientRect();
					return b.left < ring.r && b.right > ring.l && b.top < ring.b && b.bottom > ring.t;
				})
				.map((t) => t.textContent);
		});
	// The handles at the data's ends (the first one on the axis's first label), then on a range.
	await page.goto('/');
	await ready(page);
	const first = page.getByTestId('years-first-key');
	const last = page.getByTestId('years-last-key');
	const range = page.getByTestId('years-range-key');
	await first.focus();
	expect(await overlaps(), 'the first year’s handle').toEqual([]);
	await page.goto('/?years=1990-2000');
	await ready(page);
	for (const [name, handle] of [
		['first', first],
		['last', last],
		['range', range]
	] as const) {
		await handle.focus();
		expect(await overlaps(), `the ${name} handle`).toEqual([]);
	}
});

test('with no years chosen the handles stand at the data’s ends, named in Spanish on /es/', async ({
	page
}) => {
	const figures = await allFigures(page);
	const last = Math.max(
		...figures.flatMap((f) => (f.ref_start === null ? [] : [f.ref_end ?? f.ref_start]))
	);
	await page.goto('/es/');
	await ready(page);
	await expect(page.getByRole('slider', { name: 'Mover los años elegidos' })).toHaveCount(0);
	const to = page.getByRole('slider', { name: 'Último año elegido' });
	await expect(to).toHaveAttribute('aria-valuenow', String(last));
	await expect(to).toHaveAttribute('aria-valuetext', /^ningún año elegido/);
	await to.press('ArrowLeft');
	await expect(page).toHaveURL(new RegExp(`/es/?\\?years=\\d+-${last - 1}$`));
	await ready(page);
	await expect(page.getByRole('slider', { name: 'Mover los años elegidos' })).toHaveCount(1);
});

test.describe('on a touch screen', () => {
	test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

	test('two taps choose a range, a vertical swipe is left to the page', async ({ page }) => {
		await page.goto('/');
		await ready(page);
		await page.locator('#view-year').scrollIntoViewIfNeeded();
		// d3-brush takes every touch unless told otherwise: vertical pans scroll the page.
		expect(
			await page.locator('#view-year g.brush').evaluate((g) => getComputedStyle(g).touchAction)
		).toBe('pan-y');
		const a = await yearOnRuler(page, 1980);
		await page.touchscreen.tap(a.x, a.y);
		await expect(page).toHaveURL(/years=1980$/);
		await ready(page);
		const b = await yearOnRuler(page, 2000);
		await page.touchscreen.tap(b.x, b.y);
		await expect(page).toHaveURL(/years=1980-2000$/);
	});

	test('a tap on a mark shows its figure and a link to its page; a tap elsewhere or Escape puts it away', async ({
		page
	}) => {
		const figures = await allFigures(page);
		await page.goto('/?years=2000-2010');
		await ready(page);
		await page.locator('#view-year').scrollIntoViewIfNeeded();
		const target = marks(page).and(page.locator('[data-start="2005"][data-end="2005"]')).first();
		const id = (await target.getAttribute('data-mark-figure'))!;
		const figure = figures.find((f) => f.figure_id === id)!;
		const tapMark = async () => {
			const b = (await target.boundingBox())!;
			await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
		};
		const popover = page.getByTestId('timeline-popover');

		await tapMark();
		await expect(popover).toBeVisible();
		await expect(popover).toContainText(figure.value_text);
		await expect(popover).toContainText(figure.indicator);
		const link = popover.getByRole('link', { name: 'Open the figure’s page' });
		await expect(link).toHaveAttribute('href', `/figure/${encodeURIComponent(id)}`);
		// A tap on a mark chooses no years, and the popover's controls fit a finger.
		await expect(page).toHaveURL(/\?years=2000-2010$/);
		await expect(target).toHaveClass(/\btapped\b/);
		await expectNoViolations(page);
		for (const control of [link, popover.getByRole('button', { name: 'Close the figure' })]) {
			const b = (await control.boundingBox())!;
			expect(b.width).toBeGreaterThanOrEqual(24);
			expect(b.height).toBeGreaterThanOrEqual(24);
		}

		// A tap elsewhere puts it away; so does Escape, which then clears no filter.
		const title = (await page.locator('#view-year h2').boundingBox())!;
		await page.touchscreen.tap(title.x + 5, title.y + title.height / 2);
		await expect(popover).toHaveCount(0);
		await tapMark();
		await expect(popover).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(popover).toHaveCount(0);
		await expect(page).toHaveURL(/\?years=2000-2010$/);

		await tapMark();
		await link.tap();
		await expect(page).toHaveURL(new RegExp(`/figure/${id}$`));
	});

	test('a tapped mark’s figure covers none of the card’s controls', async ({ page }) => {
		await page.goto('/?years=2000-2010');
		await ready(page);
		const card = page.locator('#view-year');
		await card.scrollIntoViewIfNeeded();
		const popover = page.getByTestId('timeline-popover');
		/** The card's controls (its links, inputs and buttons outside the chart) the popover covers. */
		const covered = () =>
			page.evaluate(() => {
				const pop = document.querySelector('[data-testid="timeline-popover"]')!;
				const p = pop.getBoundingClientRect();
				const controls = document.querySelectorAll(
					'#view-year :is(a[href], input, button, summary, select)'
				);
				return [...controls]
					.filter((c) => !c.closest('.chart'))
					.filter((c) => {
						const b = c.getBoundingClientRect();
						return b.left < p.right && b.right > p.left && b.top < p.bottom && b.bottom > p.top;
					})
					.map((c) => c.getAttribute('data-testid') ?? c.textContent?.trim());
			});
		// Every mark with a figure, the tallest popovers (the longest words) included.
		const ids = await marks(page).evaluateAll((as) =>
			as.map((a) => a.getAttribute('data-mark-figure')!)
		);
		expect(ids.length).toBeGreaterThan(10);
		for (const id of ids) {
			const b = (await card.locator(`.marks a[data-mark-figure="${id}"]`).boundingBox())!;
			await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
			await expect(popover).toBeVisible();
			expect(await covered(), id).toEqual([]);
			await page.keyboard.press('Escape');
			await expect(popover).toHaveCount(0);
		}
	});

	test('a tapped mark’s figure is a dialog named by its words; it takes the focus and gives it back', async ({
		page
	}) => {
		await page.goto('/?years=2000-2010');
		await ready(page);
		await page.locator('#view-year').scrollIntoViewIfNeeded();
		const input = page.getByTestId('year-to');
		await input.focus();
		const target = marks(page).and(page.locator('[data-start="2005"][data-end="2005"]')).first();
		const words = (await target.locator('title').textContent())!;
		const b = (await target.boundingBox())!;
		await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
		const dialog = page.getByRole('dialog', { name: words });
		await expect(dialog).toBeVisible();
		await expect(dialog).not.toHaveAttribute('aria-modal');
		await expect(dialog.getByRole('link', { name: 'Open the figure’s page' })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(dialog).toHaveCount(0);
		await expect(input).toBeFocused();
		// Its close button gives the focus back too.
		await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
		await expect(dialog.getByRole('link')).toBeFocused();
		await dialog.getByRole('button', { name: 'Close the figure' }).tap();
		await expect(dialog).toHaveCount(0);
		await expect(input).toBeFocused();
		await expect(page).toHaveURL(/\?years=2000-2010$/);
	});

	test('the year inputs and the map chips are targets of at least 24 by 24 px', async ({
		page
	}) => {
		await page.goto('/');
		await ready(page);
		const boxes = await page
			.locator(
				'#view-year [data-testid^="year-"], #view-geo .regions a, #view-geo .small-countries a'
			)
			.evaluateAll((els) =>
				els.map((e) => {
					const r = e.getBoundingClientRect();
					return { text: e.textContent, w: r.width, h: r.height };
				})
			);
		expect(boxes.length).toBeGreaterThan(4);
		for (const b of boxes) {
			expect(b.w, b.text ?? '').toBeGreaterThanOrEqual(24);
			expect(b.h, b.text ?? '').toBeGreaterThanOrEqual(24);
		}
	});
});

test('regions, the world and small countries are chips that choose like the map', async ({
	page
}) => {
	const figures = await allFigures(page);
	await page.goto('/');
	await ready(page);
	const world = page.locator('#view-geo .regions a', { hasText: 'World' });
	await expect(world.locator('.n')).toHaveText(
		String(figures.filter((f) => f.geo_code === 'WLD').length)
	);
	await world.click();
	await expect(page).toHaveURL(/geo=WLD/);
	await ready(page);
	await expect(page.locator('#view-geo .regions a[aria-current="true"]')).toHaveText(/World/);

	// El Salvador is a few pixels on the map: it is a chip too.
	const slv = page.locator('#view-geo .small-countries a', { hasText: 'El Salvador' });
	await expect(slv.locator('.n')).toHaveText(
		String(figures.filter((f) => f.geo_code === 'SLV').length)
	);
	await slv.click();
	await expect(page).toHaveURL(/geo=SLV%2CWLD|geo=SLV,WLD/);
});

test('the map shrinks and says why when no country has a figure', async ({ page }) => {
	await page.goto('/');
	await ready(page);
	const full = (await page.locator('#view-geo svg.map').boundingBox())!;
	await expect(page.getByTestId('map-no-country')).toHaveCount(0);
	await page.goto('/?topic=remittances');
	await ready(page);
	await expect(page.getByTestId('map-no-country')).toBeVisible();
	const small = (await page.locator('#view-geo svg.map').boundingBox())!;
	expect(small.width).toBeLessThan(full.width * 0.6);
});
