import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, ready } from './helpers';
import { formatFigure } from '../../src/lib/data/format';
import type { SiteFigure } from '../../src/lib/data/site-table';
import type { Story, StorySlide } from '../../src/lib/stories/story';

async function stories(page: Page): Promise<Story[]> {
	return (await (await page.request.get('/data/stories.json')).json()) as Story[];
}

/** Waits until the deck has hydrated and answers keys. */
async function deckReady(page: Page) {
	await page.locator('[data-testid="deck"][data-ready="true"]').waitFor();
}

/** Checks what slide `i` (0-based) shows: its title, its chart or big number, its source line. */
async function checkSlide(
	page: Page,
	slide: StorySlide,
	i: number,
	count: number,
	byId: Map<string, SiteFigure>
) {
	await expect(page.getByTestId('slide-counter')).toContainText(`Slide ${i + 1} of ${count}`);
	const shown = page.locator('[data-testid="slide"].current');
	await expect(shown).toHaveCount(1);
	await expect(shown).toHaveAttribute('id', `slide-${i + 1}`);
	await expect(shown.locator('h2')).toHaveText(slide.title);
	await expect(shown.getByTestId('slide-takeaway')).toHaveText(slide.takeaway);
	const source = shown.getByTestId('slide-source');
	await expect(source).toBeVisible();
	if (slide.kind === 'figure') {
		const f = byId.get(slide.figure)!;
		await expect(shown.getByTestId('slide-value')).toHaveText(formatFigure(f));
		await expect(shown.locator('blockquote')).toContainText(f.quote);
		await expect(source).toContainText(`${f.doc_short_title}, line ${f.line}`);
		await expect(source).toContainText(f.attributed_to || 'no original source named');
		for (const id of slide.figures)
			await expect(source).toContainText(`line ${byId.get(id)!.line}`);
	} else {
		const chart = shown.getByTestId('slide-chart');
		await expect(chart).toHaveAttribute('data-chart', slide.chart);
		await expect(chart.locator('svg, a[aria-label]').first()).toBeVisible();
		if (slide.chart === 'compare') {
			const indicator = new URLSearchParams(slide.state).get('indicator');
			const figures = [...byId.values()].filter((f) => f.indicator === indicator);
			expect(figures.length).toBeGreaterThan(1);
			// Every figure of the comparison is a mark, and its passage is on the source line. (Its
			// row and arrow link too, out of the Tab order: one stop per figure.)
			await expect(chart.locator('svg a:not([tabindex="-1"])')).toHaveCount(figures.length);
			for (const f of figures) await expect(source).toContainText(`line ${f.line}`);
		} else await expect(source).toContainText('Counted by Cifras from the figures quoted in');
	}
}

test('each shipped story plays with the keyboard, each slide with its chart or number and its source line', async ({
	page
}) => {
	test.slow();
	await page.setViewportSize({ width: 1920, height: 1080 });
	const byId = new Map((await allFigures(page)).map((f) => [f.figure_id, f]));
	const all = await stories(page);
	expect(all.map((s) => s.id).sort()).toEqual([
		'remittances-and-development',
		'returns-and-deportations',
		'trafficking-how-big'
	]);
	const forward = ['ArrowRight', ' ', 'PageDown'];
	for (const story of all) {
		expect(story.slides.length).toBeGreaterThanOrEqual(5);
		await page.goto(`/present/${story.id}`);
		await deckReady(page);
		const n = story.slides.length;
		for (let i = 0; i < n; i++) {
			await checkSlide(page, story.slides[i]!, i, n, byId);
			if (i < n - 1) await page.keyboard.press(forward[i % forward.length]!);
		}
		expect(new URL(page.url()).hash).toBe(`#${n}`);
		// Past the end nothing moves; PageUp, Home, End and ArrowLeft move where they say.
		await page.keyboard.press('PageDown');
		await expect(page.getByTestId('slide-counter')).toContainText(`Slide ${n} of ${n}`);
		await page.keyboard.press('PageUp');
		await checkSlide(page, story.slides[n - 2]!, n - 2, n, byId);
		await page.keyboard.press('Home');
		await checkSlide(page, story.slides[0]!, 0, n, byId);
		await page.keyboard.press('End');
		await checkSlide(page, story.slides[n - 1]!, n - 1, n, byId);
		await page.keyboard.press('ArrowLeft');
		await checkSlide(page, story.slides[n - 2]!, n - 2, n, byId);
		// A reload opens the same slide.
		await page.reload();
		await deckReady(page);
		await expect(page.getByTestId('slide-counter')).toContainText(`Slide ${n - 1} of ${n}`);
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(/\/present$/);
		await expect(page.getByTestId('stories')).toContainText(story.title);
	}
});

test('slides are readable from the back of the room, and H switches to high contrast', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto('/present/remittances-and-development');
	await deckReady(page);
	const slide = page.locator('[data-testid="slide"].current');
	for (const el of [
		slide.getByTestId('slide-takeaway'),
		slide.locator('blockquote'),
		slide.getByTestId('slide-source')
	]) {
		const px = await el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(px).toBeGreaterThanOrEqual(28);
	}
	const deck = page.getByTestId('deck');
	const colours = () =>
		deck.evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]);
	expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(17, 20, 24)']);
	await page.keyboard.press('h');
	await expect(deck).toHaveClass(/contrast/);
	await expect(page.getByTestId('contrast')).toHaveAttribute('aria-pressed', 'true');
	expect(await colours()).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
	// The choice holds on the next story.
	await page.goto('/present/trafficking-how-big');
	await deckReady(page);
	await expect(deck).toHaveClass(/contrast/);
	await page.getByTestId('contrast').click();
	await expect(deck).not.toHaveClass(/contrast/);
});

test('the system’s request for more contrast turns high contrast on', async ({ page }) => {
	await page.emulateMedia({ contrast: 'more' });
	await page.goto('/present/trafficking-how-big');
	await deckReady(page);
	await expect(page.getByTestId('deck')).toHaveClass(/contrast/);
});

test('“Present this” in the explorer adds the view as a slide to a scratch deck kept in the URL', async ({
	page
}) => {
	await page.goto('/?topic=remittances');
	await ready(page);
	await page.getByTestId('view-year-share').locator(':scope > summary').click();
	await page.getByTestId('view-year-present').click();
	await expect(page).toHaveURL(/\/present\/scratch\?s=year%3Atopic%3Dremittances$/);
	await deckReady(page);
	await expect(page.getByTestId('slide-counter')).toContainText('Slide 1 of 1');
	const chart = page.locator('[data-testid="slide"].current [data-testid="slide-chart"]');
	await expect(chart).toHaveAttribute('data-chart', 'year');
	// The timeline's marks are the topic's figures, each leading to its page.
	await expect(chart.locator('a[href$="/figure/hc02-lam-remittances-2001"]')).toHaveCount(1);
	await expect(page.locator('[data-testid="slide"].current h2')).toHaveText(
		'Figures by the years they describe'
	);
	await expect(
		page.locator('[data-testid="slide"].current [data-testid="slide-subtitle"]')
	).toHaveText('Number of figures quoted; topic: Remittances');
	await expect(
		page.locator('[data-testid="slide"].current [data-testid="slide-takeaway"]')
	).toHaveCount(0);

	// A second view joins the same deck, and the deck opens on it.
	await page.goto('/?topic=deportation_return');
	await ready(page);
	const deported = page.getByRole('figure', { name: 'Persons deported', exact: true });
	await deported.locator('[data-testid$="-share"] > summary').click();
	await deported.getByRole('link', { name: 'Present this chart as a slide' }).click();
	await deckReady(page);
	await expect(page.getByTestId('slide-counter')).toContainText('Slide 2 of 2');
	const url = new URL(page.url());
	expect(url.searchParams.getAll('s')).toEqual([
		'year:topic=remittances',
		'compare:topic=deportation_return&indicator=Persons+deported'
	]);
	const compare = page.locator('[data-testid="slide"].current [data-testid="slide-chart"]');
	await expect(compare).toHaveAttribute('data-chart', 'compare');
	await expect(
		page.locator('[data-testid="slide"].current [data-testid="slide-source"]')
	).toContainText('Hemispheric Conference 2002, line 3260');
	await page.keyboard.press('Home');
	await expect(page.getByTestId('slide-counter')).toContainText('Slide 1 of 2');
	// Esc leaves for the view the slide came from.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/\?topic=remittances$/);
});

test('a figure page presents its figure as a big number, its measure said once', async ({
	page
}) => {
	const f = (await allFigures(page)).find((x) => x.figure_id === 'hc02-car-deportees-1994-1998')!;
	await page.goto(`/figure/${f.figure_id}`);
	await page.getByTestId('present-figure').click();
	await deckReady(page);
	const slide = page.locator('[data-testid="slide"].current');
	await expect(slide.getByTestId('slide-value')).toHaveText(formatFigure(f));
	await expect(slide.locator('h2')).toHaveText(f.indicator);
	// The subtitle says what the title does not: place and time, not the measure again.
	await expect(slide.getByTestId('slide-subtitle')).toHaveText(`${f.geography}, 1994-1998`);
	const text = (await slide.innerText()).toLowerCase();
	expect(text.split(f.indicator.toLowerCase()).length - 1, 'the measure, said once').toBe(1);
	// No sentence made up from the data: a scratch slide has no author to write a takeaway.
	await expect(slide.getByTestId('slide-takeaway')).toHaveCount(0);
	await expect(slide).not.toContainText('as stated in');
	await expect(slide.locator('blockquote')).toContainText(f.quote);
	await expect(slide.getByTestId('slide-source')).toContainText(
		`Hemispheric Conference 2002, line ${f.line} · ${f.speaker || 'speaker not named'}`
	);
});

test('an open deck follows a slide number changed in the address, and says when it cannot', async ({
	page
}) => {
	const story = (await stories(page)).find((s) => s.id === 'trafficking-how-big')!;
	const n = story.slides.length;
	expect(n).toBeGreaterThanOrEqual(8);
	const counter = page.getByTestId('slide-counter');
	const shown = page.locator('[data-testid="slide"].current');
	await page.goto(`/present/${story.id}#4`);
	await deckReady(page);
	await expect(counter).toContainText(`Slide 4 of ${n}`);
	await page.evaluate(() => (location.hash = '#8'));
	await expect(counter).toContainText(`Slide 8 of ${n}`);
	await expect(shown).toHaveAttribute('id', 'slide-8');
	await expect(shown.locator('h2')).toHaveText(story.slides[7]!.title);
	await expect(shown).toBeVisible();
	// The keys go on from the slide the address named.
	await page.keyboard.press('ArrowLeft');
	await expect(counter).toContainText(`Slide 7 of ${n}`);
	expect(new URL(page.url()).hash).toBe('#7');

	// Past the end: the last slide, said, and the address made to match.
	await page.evaluate(() => (location.hash = '#99'));
	await expect(counter).toContainText(`Slide ${n} of ${n}`);
	await expect(page.getByTestId('hash-notice')).toContainText(
		`This deck has ${n} slides, so slide 99 does not exist`
	);
	await expect.poll(() => new URL(page.url()).hash).toBe(`#${n}`);
	await expect(shown.locator('h2')).toHaveText(story.slides[n - 1]!.title);
	// Not a number: the first slide, said.
	await page.evaluate(() => (location.hash = '#two'));
	await expect(counter).toContainText(`Slide 1 of ${n}`);
	await expect(page.getByTestId('hash-notice')).toContainText(
		'“#two” in the address is not a slide'
	);
	await expect(shown.locator('h2')).toHaveText(story.slides[0]!.title);
	await page.evaluate(() => (location.hash = '#2'));
	await expect(counter).toContainText(`Slide 2 of ${n}`);
	await expect(page.getByTestId('hash-notice')).toHaveCount(0);

	// A scratch deck follows its address the same way, and a deck opened past its end says so.
	await page.goto(
		'/present/scratch?s=figure:hc02-car-deportees-1994-1998&s=doc:topic%3Dremittances&s=topic:#5'
	);
	await deckReady(page);
	await expect(counter).toContainText('Slide 3 of 3');
	await expect(page.getByTestId('hash-notice')).toContainText('This deck has 3 slides');
	await page.evaluate(() => (location.hash = '#2'));
	await expect(counter).toContainText('Slide 2 of 3');
	await expect(shown.getByTestId('slide-chart')).toHaveAttribute('data-chart', 'doc');
	await expect(shown.getByTestId('slide-subtitle')).toHaveText(
		'Number of figures quoted; topic: Remittances'
	);
});

test('a malformed scratch link gives a notice and a working deck, never a blank page', async ({
	page
}) => {
	await page.goto(
		'/present/scratch?s=figure:no-such-figure&s=bogus:x&s=topic:topic%3Dweather%26years%3D1990-1999&s=compare:topic%3Dremittances&zzz=1'
	);
	await deckReady(page);
	const notice = page.getByTestId('scratch-notice');
	await expect(notice).toContainText('"no-such-figure" is not a figure');
	await expect(notice).toContainText('"bogus" is not a kind of slide');
	await expect(notice).toContainText('topic "weather" is not in the data');
	await expect(notice).toContainText('a comparison needs exactly one indicator');
	await expect(notice).toContainText('unknown parameter "zzz"');
	// What could be used is shown: the topic chart, with its valid years kept.
	await expect(page.getByTestId('slide-counter')).toContainText('Slide 1 of 1');
	await expect(
		page.locator('[data-testid="slide"].current [data-testid="slide-chart"]')
	).toHaveAttribute('data-chart', 'topic');
	await expect(page.locator('[data-testid="slide"].current')).toContainText('years 1990–1999');

	await page.goto('/present/scratch?s=%E0%A4%A&s=' + 'x'.repeat(5000));
	await deckReady(page);
	await expect(page.getByTestId('scratch-notice')).toBeVisible();
	await expect(page.getByTestId('deck-empty')).toContainText('This deck has no slides yet');
	await expect(
		page.getByTestId('deck-empty').getByRole('link', { name: 'explorer' })
	).toBeVisible();
});

test('the printed handout has one page per slide, each with its full citations', async ({
	page
}) => {
	test.slow();
	mkdirSync('test-results/handouts', { recursive: true });
	for (const story of await stories(page)) {
		await page.goto(`/present/${story.id}`);
		await deckReady(page);
		await page.emulateMedia({ media: 'print' });
		const citations = page.getByTestId('slide-citations');
		await expect(citations).toHaveCount(story.slides.length);
		for (const c of await citations.all()) {
			await expect(c).toBeVisible();
			await expect(c).toContainText(/Text:\s+\d{3}_[0-9a-f]{16}\.txt|explorer view/);
		}
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		writeFileSync(`test-results/handouts/${story.id}.pdf`, pdf);
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
		expect(pages.length, `${story.id}: pages in the PDF`).toBe(story.slides.length);
		await page.emulateMedia({ media: 'screen' });
	}
});
