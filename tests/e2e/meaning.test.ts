/**
 * What each number is, as a journalist meets it (issue 20): who says so beside every estimate,
 * a warning wherever a doubtful number appears, disagreements named on both sides, changes over
 * time not called conflicts, and a time for every figure in the years view.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFigures, drawCharts, mark, ready, total } from './helpers';

/** The three figures whose editorial note says they look wrong as printed. */
const LOOKS_WRONG = [
	'hc02-lam-remittances-share-gdp-2001',
	'hc02-amr-trafficking-victims-2001-tip',
	'hc02-lam-intraregional-migrants-share-1990'
];

const card = (page: Page, title: RegExp) =>
	page.locator('.compare figure.card').filter({ has: page.getByRole('heading', { name: title }) });

test('Trafficking victims gives the four estimates, each with who says so in the table', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	await mark(page, 'view-topic', 'Trafficking victims').click();
	await ready(page);
	const who = (id: string) =>
		page.locator(`tr[data-figure-id="${id}"] td[data-label="Who says so"]`);
	// 700,000 to 2 million a year; 4 million women a year per UNFPA; at least 7 million per the
	// US report; over 2 million sexually exploited children per the OAS (filed under two topics).
	await expect(who('hc02-wld-trafficking-victims-annual')).toHaveText('Carmen Artigas (ECLAC)');
	await expect(who('hc02-wld-women-sold-annually-unfpa')).toContainText('citing UNFPA');
	await expect(who('hc02-amr-trafficking-victims-2001-tip')).toContainText(
		'Bruce Harris (Casa Alianza), citing United States Report on Trafficking in Persons'
	);
	await expect(who('hc02-lac-sexually-exploited-children')).toHaveText(
		'Luis Mora (UNFPA), citing OAS'
	);
	// The search for the word finds the figures about it, not the 64 of a document whose title
	// names it.
	await page.getByTestId('search').fill('trafficking');
	await ready(page);
	const figures = await allFigures(page);
	expect(await total(page)).toBeLessThan(figures.length / 2);
});

test('the three figures that look wrong say so in the table, on their page and slide, in an embed, a chart and its image, and the CSV', async ({
	page
}) => {
	test.slow();
	const figures = await allFigures(page);
	for (const id of LOOKS_WRONG) {
		const f = figures.find((x) => x.figure_id === id)!;
		// The table: the warning under the number.
		await page.goto(`/?topic=${f.topic}&geo=${f.geo_code}`);
		await ready(page);
		await expect(page.locator(`tr[data-figure-id="${id}"] [data-testid="row-flag"]`)).toContainText(
			'Looks wrong as printed'
		);

		// Its page: the warning above the quote.
		await page.goto(`/figure/${id}`);
		const flag = page.getByTestId('figure-flag');
		await expect(flag).toContainText('Looks wrong as printed');
		await expect(flag).toContainText(f.flag_note);
		const flagBox = (await flag.boundingBox())!;
		const quoteBox = (await page.getByTestId('figure-quote').boundingBox())!;
		expect(flagBox.y).toBeLessThan(quoteBox.y);

		// A slide of it, whatever the deck says.
		await page.locator('html[data-hydrated]').waitFor();
		await page.getByTestId('present-figure').click();
		await expect(page.getByTestId('slide-flag').first()).toContainText('Looks wrong as printed');
	}

	// An embed of a view holding one says how many of its figures carry a warning.
	await page.goto('/embed/topic?topic=trafficking_victims');
	await expect(page.getByTestId('embed-flag')).toContainText('1 looks wrong as printed');

	// The comparison chart marks it, under the chart and in its image.
	await page.goto('/?topic=trafficking_victims');
	await ready(page);
	const estimates = card(page, /Victims of trafficking in persons/);
	await estimates.scrollIntoViewIfNeeded();
	await drawCharts(page);
	await expect(estimates.locator('circle[aria-label^="⚠"]')).toHaveCount(1);
	await expect(estimates.locator('[data-testid$="-flag"]')).toContainText(
		/looks wrong as printed/i
	);
	await estimates.locator('[data-testid$="-share"] > summary').click();
	const [svg] = await Promise.all([
		page.waitForEvent('download'),
		estimates.locator('[data-testid$="-svg"]').click()
	]);
	const image = readFileSync((await svg.path())!, 'utf8');
	expect(image).toContain('⚠');
	expect(image).toMatch(/looks wrong as printed/i);

	// The CSV carries the code and the sentence.
	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv').click()
	]);
	const rows = csvParse(readFileSync((await csv.path())!, 'utf8'));
	const tip = rows.find((r) => r.figure_id === 'hc02-amr-trafficking-victims-2001-tip')!;
	expect(tip.flag).toBe('looks_wrong');
	expect(tip.flag_note).toContain('700,000');
});

test('comparisons name both sides of a disagreement, and do not call changes over time conflicts', async ({
	page
}) => {
	await page.goto('/');
	await ready(page);
	const migrants = card(page, /International migrants \(foreign-born population\)/);
	await migrants.scrollIntoViewIfNeeded();
	await expect(migrants.locator('[data-testid$="-verdict"]')).toHaveText('Sources disagree');
	const sides = migrants.locator('[data-testid$="-conflicts"]');
	await expect(sides).toContainText('150 million');
	await expect(sides).toContainText('175 million');
	await expect(sides).toContainText('against');

	// Argentina: half of the 11 million, implied, against about 7 million.
	const argentina = card(page, /European immigrants received/);
	await expect(argentina.locator('[data-testid$="-verdict"]')).toHaveText('Sources disagree');
	const pair = argentina.locator('[data-testid$="-conflicts"]');
	await expect(pair).toContainText('implied by the text: half × 11 million');
	await expect(pair).toContainText('7 million');
	await drawCharts(page);
	await expect(
		argentina.locator('circle[aria-label$="implied by the text, not printed"]')
	).toHaveCount(1);

	// 7 years of the Puebla Process said in 2002, 15 in 2013: a change over time.
	const puebla = card(page, /Puebla Process/);
	await expect(puebla.locator('[data-testid$="-verdict"]')).toHaveText('Changes over time');
	await expect(puebla.locator('[data-testid$="-conflicts"]')).toHaveCount(0);
	// Different seminars in different countries and years are not one quantity.
	const seminars = card(page, /Participants in a training seminar/);
	await expect(seminars.locator('[data-testid$="-verdict"]')).toHaveText('Not directly comparable');
	// Honduras' returns in 2005 and "so far this year" in 2006 are no longer one quantity.
	await expect(
		page
			.locator('.compare figure.card', { hasText: 'Honduras' })
			.locator('[data-testid$="-conflicts"]')
	).toHaveCount(0);
});

test('the years view draws every figure, each at the time it speaks of', async ({ page }) => {
	const figures = await allFigures(page);
	expect(figures.every((f) => f.ref_start !== null)).toBe(true);
	await page.goto('/');
	await ready(page);
	await expect(page.locator('#view-year figcaption')).toContainText(
		'Every matching figure is drawn'
	);
	// "So far this year" in a 2006 statement is found by the year 2006.
	await page.goto('/?years=2006-2006&geo=HND');
	await ready(page);
	await expect(
		page.locator('tr[data-figure-id="iom06-hnd-returnees-so-far-this-year"]')
	).toHaveCount(1);
	await expect(
		page.locator('tr[data-figure-id="iom06-hnd-returnees-so-far-this-year"] td[data-label="Time"]')
	).toContainText('2006');
});
