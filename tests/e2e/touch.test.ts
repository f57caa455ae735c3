/**
 * A phone's reader: every control big enough for a finger, and no page wider than the screen.
 *
 * Which controls count (WCAG 2.2, SC 2.5.8 "Target Size (Minimum)", read strictly):
 * - every visible button, input, select, textarea, summary and `[role=button]`, and every link
 *   that is not an inline text link, needs a box of at least 24×24 CSS px. The criterion's
 *   spacing exception (a smaller target with room around it) is not used: a box is checked, so
 *   a 19 px high button passes nowhere.
 * - The "inline" exception: a link whose own display is `inline` and which sits in a line of
 *   running text (the block around it holds words or numbers outside any control) is sized by
 *   that text's line height, and is left out. A link alone in its block (a menu, a card's title
 *   line, a table cell holding only the link) or laid out as a box is a control.
 * - The "equivalent" exception, for chart marks only: a link inside an SVG chart may be smaller
 *   when a control of at least 24×24 on the same page leads to the same address (a facet list,
 *   a region chip, a data table's link), also inside the phone's filter sheet.
 * - An element a pointer cannot hit (`pointer-events: none`: the timeline's marks on a touch
 *   screen, where a tap chooses years) is not a target.
 * - A control hidden from sight with the usual visually-hidden clip (a file input under its
 *   label) is measured by its label, which is what a finger touches; one off screen until it is
 *   focused (the skip link) is measured when it is there, so not here.
 * - A checkbox or radio is measured with its label when the label wraps or names it: the label
 *   activates it.
 *
 * The same phone reads the words too: nothing tells it to click or to press a key it has not
 * got, and no count says "1 figures".
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ready } from './helpers';

/** Every route a reader reaches, in the state the issue describes (the 404 page included). */
const ROUTES = [
	'/',
	'/?topic=trafficking_victims',
	// One figure: every "N figures" on the page says "1 figure".
	'/?geo=GTM',
	'/figure/cim06-blz-police-cascade-trained-2006',
	'/documents',
	'/documents/hemispheric-2002',
	'/present',
	'/present/trafficking-how-big',
	'/sql',
	'/about',
	'/dictionary',
	'/changes',
	'/embed/topic',
	'/no-such-page'
];

const MIN = 24;

/** Opens a route and waits until the page has hydrated and shows its own answer. */
async function open(page: Page, route: string) {
	await page.goto(route);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	if (route === '/' || route.startsWith('/?')) await ready(page);
	if (route === '/sql')
		await expect(page.getByTestId('sql-engine')).not.toHaveAttribute('data-state', 'loading', {
			timeout: 30_000
		});
}

/** The 404 page logs its status as a console error: the one error expected there. */
function allow404(route: string, pageErrors: string[]) {
	if (route !== '/no-such-page') return;
	const unexpected = pageErrors.filter((e) => !/status of 404/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
}

/** Every control under 24×24 on the page, by the rules at the top of this file. */
function smallControls(page: Page, min: number) {
	return page.evaluate((min) => {
		const CONTROLS =
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
		const INTERACTIVE = `${CONTROLS}, label`;
		const name = (el: Element) => {
			const id = el.id ? `#${el.id}` : '';
			const testid = el.getAttribute('data-testid');
			const cls =
				typeof el.className === 'string' && el.className
					? `.${el.className.trim().split(/\s+/).join('.')}`
					: '';
			const text = (el.getAttribute('aria-label') ?? el.textContent ?? '')
				.replace(/\s+/g, ' ')
				.trim();
			return `${el.tagName.toLowerCase()}${id}${testid ? `[data-testid=${testid}]` : cls} "${text.slice(0, 40)}"`;
		};
		const shown = (el: Element) =>
			el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
		const visuallyHidden = (r: DOMRect) => r.width <= 1 || r.height <= 1;
		const offScreen = (r: DOMRect) => r.right <= 0 || r.bottom <= 0;
		/** Words or numbers in the element's block outside `link` and any other control. */
		const inRunningText = (link: Element) => {
			if (getComputedStyle(link).display !== 'inline') return false;
			let block = link.parentElement;
			while (block && getComputedStyle(block).display.startsWith('inline'))
				block = block.parentElement;
			if (!block) return false;
			const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
			for (let t = walker.nextNode(); t; t = walker.nextNode()) {
				const p = t.parentElement!;
				if (link.contains(t) || p.closest(INTERACTIVE)) continue;
				if (!p.checkVisibility()) continue;
				if (/[\p{L}\p{N}]/u.test(t.textContent ?? '')) return true;
			}
			return false;
		};
		/** The box a finger touches: a hidden or small checkbox's label counts with it. */
		const target = (el: Element): DOMRect => {
			const own = el.getBoundingClientRect();
			if (el instanceof HTMLInputElement && el.labels?.length) {
				const rects = [own, ...[...el.labels].map((l) => l.getBoundingClientRect())].filter(
					(r) => !visuallyHidden(r)
				);
				const label = rects.reduce(
					(a, b) => (b.width * b.height > a.width * a.height ? b : a),
					rects[0] ?? own
				);
				return label;
			}
			return own;
		};
		const big = (r: DOMRect) => r.width >= min - 0.01 && r.height >= min - 0.01;
		// Equivalents are measured with the phone's filter sheet open (it holds a link to each
		// place the map shows), then the page is put back as it was.
		const closed = [
			...document.querySelectorAll(
				'details[data-testid="facets"]:not([open]), [data-testid="facets"] details:not([open])'
			)
		] as HTMLDetailsElement[];
		for (const d of closed) d.open = true;
		const bigHrefs = new Set(
			[...document.querySelectorAll(CONTROLS)]
				.filter(shown)
				.filter((el) => el instanceof HTMLAnchorElement && big(target(el)))
				.map((el) => (el as HTMLAnchorElement).href)
		);
		for (const d of closed) d.open = false;
		// What a finger cannot hit is not a target (the timeline's marks on a touch screen).
		const all = [...document.querySelectorAll(CONTROLS)]
			.filter(shown)
			.filter((el) => getComputedStyle(el).pointerEvents !== 'none');
		const small: string[] = [];
		for (const el of all) {
			const r = target(el);
			if (offScreen(r) || visuallyHidden(r)) continue;
			if (big(r)) continue;
			const isLink = el.matches('a[href]');
			if (isLink && el.closest('svg')) {
				const href = el instanceof SVGAElement ? new URL(el.href.baseVal, location.href).href : '';
				if (bigHrefs.has(href)) continue;
			} else if (isLink && inRunningText(el)) continue;
			small.push(`${name(el)} ${Math.round(r.width * 10) / 10}×${Math.round(r.height * 10) / 10}`);
		}
		return small;
	}, min);
}

/** Words that do not fit a touch screen, and counts in the wrong number, in the visible text. */
const WRONG_WORDS: [RegExp, string][] = [
	[/[^.!?\n]*\bclick(s|ed|ing)?\b[^.!?\n]*/gi, '"click" on a touch screen'],
	[/[^.!?\n]*\bpress\s+(<kbd>)?(Esc|Escape|Ctrl|Enter)\b[^.!?\n]*/gi, 'a key a phone has not got'],
	[
		/(?<![\d,.])1 (figures|slides|rows|documents|numbers|lines|headings|matches|countries|tables|columns|files)\b/g,
		'"1" with a plural'
	]
];

async function wrongWords(page: Page) {
	const text = await page.evaluate(() => document.body.innerText);
	return WRONG_WORDS.flatMap(([re, why]) =>
		[...text.matchAll(re)].map((m) => `${why}: "${m[0].trim().slice(0, 100)}"`)
	);
}

/** The page's width against the screen's, naming the outermost elements that reach past it. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		const width = root.clientWidth;
		const clipped = (el: Element) => {
			for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement)
				if (getComputedStyle(a).overflowX !== 'visible') return true;
			return false;
		};
		const past = (el: Element | null) =>
			!!el && el.getBoundingClientRect().right > width + 0.5 && !clipped(el);
		const widest = [...document.body.querySelectorAll('*')]
			.filter((el) => el.getClientRects().length > 0 && past(el) && !past(el.parentElement))
			.map((el) => {
				const cls =
					typeof el.className === 'string' && el.className
						? `.${el.className.trim().split(/\s+/).join('.')}`
						: '';
				return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} reaches ${Math.round(el.getBoundingClientRect().right)} px`;
			});
		return { scrollWidth: root.scrollWidth, width, widest: widest.slice(0, 5) };
	});
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

	for (const route of ROUTES)
		test(`every control on ${route} is at least 24×24 CSS px, and its words fit a phone`, async ({
			page,
			pageErrors
		}) => {
			await open(page, route);
			expect
				.soft(await smallControls(page, MIN), `controls under ${MIN}×${MIN} on ${route}`)
				.toEqual([]);
			expect.soft(await wrongWords(page), `words that do not fit a phone on ${route}`).toEqual([]);
			allow404(route, pageErrors);
		});
});

for (const width of [320, 375])
	test.describe(`at ${width} px wide`, () => {
		test.use({ viewport: { width, height: 640 }, hasTouch: true });

		for (const route of ROUTES)
			test(`${route} does not scroll sideways`, async ({ page, pageErrors }) => {
				await open(page, route);
				const o = await overflow(page);
				expect(
					o.scrollWidth,
					`${route} is ${o.scrollWidth} px wide on a ${o.width} px screen: ${o.widest.join('; ')}`
				).toBeLessThanOrEqual(o.width);
				allow404(route, pageErrors);
			});
	});

test('the checks find a small button, a wide box, "click" and "1 figures", and leave a link in a sentence alone', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.setContent(
		`<p>Read <a href="/a">the report</a> first.</p>
		 <button style="height:19px;font-size:10px;padding:0">Tiny</button>
		 <nav><a href="/b">Alone</a></nav>
		 <p>Click a bar. Download the 1 figures. 21 figures.</p>
		 <div style="overflow-x:auto"><table style="width:500px"><tr><td>scrolls in its box</td></tr></table></div>
		 <div class="wide" style="width:400px">too wide</div>`
	);
	expect(await smallControls(page, MIN)).toEqual([
		expect.stringMatching(/^button "Tiny" /),
		expect.stringMatching(/^a "Alone" /)
	]);
	expect(await wrongWords(page)).toEqual([
		'"click" on a touch screen: "Click a bar"',
		'"1" with a plural: "1 figures"'
	]);
	const o = await overflow(page);
	expect(o.scrollWidth).toBeGreaterThan(o.width);
	expect(o.widest).toEqual([expect.stringMatching(/^div\.wide reaches 40\d px$/)]);
});
