import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect } from './fixtures';
import { allFigures, duckDbReady, hasTopic, mark, ready, total } from './helpers';
import { TOPICS } from '../../src/lib/data/schema';
import { SITE_COLUMNS } from '../../src/lib/data/site-table';

const NUMERIC = SITE_COLUMNS.filter(([, t]) => t !== 'VARCHAR').map(([n]) => n);

for (const engine of ['duckdb', 'instant'] as const)
	test(`the filtered table downloads as CSV, JSON and Parquet with every citation column (${engine})`, async ({
		page
	}) => {
		const figures = await allFigures(page);
		const expected = figures.filter((f) => hasTopic(f, 'migrant_stock'));
		await page.goto(engine === 'instant' ? '/' : '/?engine=duckdb');
		await ready(page);
		if (engine === 'duckdb') await duckDbReady(page);
		await mark(page, 'view-topic', 'Migrant stocks').click();
		await expect.poll(() => total(page)).toBe(expected.length);

		const download = async (format: string) => {
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				page.getByTestId(`export-${format}`).click()
			]);
			expect(file.suggestedFilename()).toBe(`cifras-figures-topic-migrant-stock.${format}`);
			return (await file.path())!;
		};

		const csvText = readFileSync(await download('csv'), 'utf8');
		expect(csvText.split('\r\n')[0]).toBe(
			[...SITE_COLUMNS.map(([n]) => n), 'data_version'].join(',')
		);
		const csv = csvParse(csvText);
		expect(csv.length).toBe(expected.length);
		expect(csv.map((r) => r.figure_id).sort()).toEqual(expected.map((f) => f.figure_id).sort());
		for (const r of csv) {
			for (const n of NUMERIC) expect(r[n], n).toMatch(/^(-?\d+(\.\d+)?(e[+-]?\d+)?)?$/);
			const f = expected.find((x) => x.figure_id === r.figure_id)!;
			expect(r.quote).toBe(f.quote);
			expect(r.doc_title).toBe(f.doc_title);
			expect(r.value === '' ? null : Number(r.value)).toBe(f.value);
		}

		const json = JSON.parse(readFileSync(await download('json'), 'utf8')) as Record<
			string,
			unknown
		>[];
		expect(json.length).toBe(expected.length);
		for (const r of json)
			for (const n of NUMERIC)
				expect([null, 'number']).toContain(r[n] === null ? null : typeof r[n]);

		const parquet = await download('parquet');
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		const read = await db.runAndReadAll(
			`SELECT count(*)::INTEGER AS n, sum(value) AS total_value FROM read_parquet('${parquet}')`
		);
		const [row] = read.getRowObjectsJS() as { n: number; total_value: number }[];
		expect(row!.n).toBe(expected.length);
		expect(row!.total_value).toBeCloseTo(expected.reduce((s, f) => s + (f.value ?? 0), 0));
		const types = await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${parquet}')`);
		const typeOf = Object.fromEntries(
			types.getRowObjectsJS().map((r) => [r.column_name as string, r.column_type as string])
		);
		expect(typeOf.value).toBe('DOUBLE');
		expect(typeOf.line).toBe('INTEGER');
		expect(typeOf.quote).toBe('VARCHAR');
		await expect(page.getByTestId('export-status')).toContainText('Downloaded');
	});

test('copy link puts the current view on the clipboard', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/?topic=remittances');
	await ready(page);
	await page.getByTestId('copy-link').click();
	await expect(page.getByTestId('copy-link-status')).toHaveText('Link to this view copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\?topic=remittances$/);
});

test('cite this: a figure in APA, Chicago and BibTeX, copied with one click', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const [f] = await allFigures(page);
	await page.goto(`/figure/${f!.figure_id}`);
	await page.getByTestId('cite-box').locator('summary').click();
	await expect(page.getByTestId('cite-apa')).toContainText(f!.doc_title);
	await expect(page.getByTestId('cite-apa')).toContainText(`line ${f!.line}`);
	await expect(page.getByTestId('cite-bibtex')).toContainText('@techreport{');
	await page.getByTestId('cite-copy-chicago').click();
	// Writing to the clipboard takes its time: read it until the citation is there.
	const copied = () => page.evaluate(() => navigator.clipboard.readText());
	await expect.poll(copied).toContain(f!.doc_publisher);
	expect(await copied()).toContain(`/figure/${f!.figure_id}`);

	await page.goto('/?topic=labour');
	await ready(page);
	await page.getByTestId('cite-box').locator('summary').click();
	await expect(page.getByTestId('cite-apa')).toContainText('topic: Labour');
	await expect(page.getByTestId('cite-apa')).toContainText('?topic=labour');
});

test('each chart downloads as SVG and as PNG at twice its size, with title, source and link', async ({
	page
}) => {
	await page.goto('/?topic=remittances');
	await ready(page);
	const save = async (testid: string) => {
		// Each chart's image buttons are in its one "Share & download" panel.
		const share = page.getByTestId(testid.replace(/-(svg|png)$/, '-share'));
		if ((await share.getAttribute('open')) === null)
			await share.locator(':scope > summary').click();
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId(testid).click()
		]);
		return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
	};
	const sizes: Record<string, [number, number]> = {};
	for (const view of ['view-year', 'view-geo']) {
		const svg = await save(`${view}-svg`);
		expect(svg.name).toBe(`cifras-${view}.svg`);
		const text = svg.bytes.toString('utf8');
		expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		// The source line, wrapped over lines of text, names the data's version.
		const words = [...text.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
		expect(words).toMatch(
			/Source: .+\. Figures as printed, compiled by Cifras \(data version [\w.-]+\)\./
		);
		expect(text).toContain('?topic=remittances');
		const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(text)!;
		sizes[view] = [Number(w), Number(h)];
		expect(Number(w)).toBeGreaterThan(200);
		// The document parses as XML, so any SVG reader opens it.
		const ok = await page.evaluate(
			(t) =>
				new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror') === null,
			text
		);
		expect(ok, `${view} SVG parses`).toBe(true);
	}
	// The image's title names the selection.
	const yearSvg = (await save('view-year-svg')).bytes.toString('utf8');
	expect(yearSvg).toContain('Remittances');

	for (const view of ['view-year', 'view-geo']) {
		const png = await save(`${view}-png`);
		expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
		const width = png.bytes.readUInt32BE(16);
		const height = png.bytes.readUInt32BE(20);
		expect(width).toBe(2 * sizes[view]![0]);
		expect(height).toBe(2 * sizes[view]![1]);
	}
});

test('a citation box opened before the page has hydrated stays open and fills in', async ({
	page
}) => {
	const [f] = await allFigures(page);
	// Hold the app's scripts back until the reader has opened the box on the prerendered page.
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(`/figure/${f!.figure_id}`, { waitUntil: 'domcontentloaded' });
	await page.getByTestId('cite-box').locator('summary').click();
	release();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByTestId('cite-box')).toHaveAttribute('open', '');
	await expect(page.getByTestId('cite-apa')).toContainText(f!.doc_title);
});

test("a chart's data table opened before the page has hydrated stays open and fills in", async ({
	page
}) => {
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	// The explorer's charts come after load; an embed's chart is in its prerendered page.
	await page.goto('/embed/topic', { waitUntil: 'domcontentloaded' });
	const details = page.getByTestId('embed-table');
	await details.locator('summary').click();
	release();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(details).toHaveAttribute('open', '');
	await expect(details.locator('tbody tr')).toHaveCount(TOPICS.length);
	await expect(details.locator('tbody tr').first()).toContainText('Migrant stocks');
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

	test('every chart has one "Share & download" control; its panel opens by touch, holds image, data, embed and slide, and Escape closes it', async ({
		page
	}) => {
		await page.goto('/?topic=trafficking_victims');
		await ready(page);
		// One control per chart card, linked views and comparisons alike, and no loose buttons.
		const cards = page.locator('figure.card[id^="view-"], .compare-grid > figure');
		const n = await cards.count();
		// The timeline, the map and the topic's comparisons.
		expect(n).toBeGreaterThanOrEqual(4);
		for (let i = 0; i < n; i++) {
			const card = cards.nth(i);
			await expect(card.locator('details.share')).toHaveCount(1);
			await expect(card.locator('details.share > summary')).toContainText('Share & download');
			await expect(card).not.toContainText('Download chart:');
		}

		const share = page.getByTestId('view-geo-share');
		await share.locator(':scope > summary').tap();
		await expect(share).toHaveAttribute('open', '');
		await page.getByTestId('view-geo-embed').tap();
		await expect(page.getByTestId('view-geo-snippet')).toBeVisible();
		// Data starts with how to cite: the source line naming the chart's documents.
		await expect(page.getByTestId('view-geo-cite')).toContainText(
			/^Source: .+\. Figures as printed, compiled by Cifras/
		);
		for (const testid of [
			'view-geo-svg',
			'view-geo-png',
			'view-geo-embed',
			'view-geo-copy-code',
			'view-geo-copy-link',
			'view-geo-present'
		]) {
			const box = (await page.getByTestId(testid).boundingBox())!;
			expect(box.width, testid).toBeGreaterThanOrEqual(24);
			expect(box.height, testid).toBeGreaterThanOrEqual(24);
		}
		// A comparison card's own link to filter by its indicator is a control too.
		const pick = (await page
			.locator('.compare-grid [data-testid$="-pick"]')
			.first()
			.boundingBox())!;
		expect(pick.height).toBeGreaterThanOrEqual(24);
		const summary = (await share.locator(':scope > summary').boundingBox())!;
		expect(summary.height).toBeGreaterThanOrEqual(24);
		const table = (await page.getByTestId('view-geo-table').locator('summary').boundingBox())!;
		expect(table.height).toBeGreaterThanOrEqual(24);
		// The open panel stays inside the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);

		// Escape closes the panel and gives focus back to its button; the filters stay.
		await page.getByTestId('view-geo-svg').focus();
		await page.keyboard.press('Escape');
		await expect(share).not.toHaveAttribute('open');
		await expect(share.locator(':scope > summary')).toBeFocused();
		await expect(page).toHaveURL(/topic=trafficking_victims/);
	});
});
