import { test, expect } from './fixtures';
import { allFigures, DATA_VERSION, hasTopic, ready } from './helpers';
import { EMBED_CHARTS, embedSnippet } from '../../src/lib/state/embed';
import { fits, frames, hostPage, WIDTHS } from './embed-host';

test('the Embed button gives an iframe snippet that renders the chart and its source on another origin', async ({
	page,
	baseURL
}) => {
	const figures = await allFigures(page);
	const remittances = figures.filter((f) => hasTopic(f, 'remittances'));
	await page.goto('/?topic=remittances');
	await ready(page);

	// The embed code is in the chart's one "Share & download" panel.
	await page.getByTestId('view-year-share').locator(':scope > summary').click();
	await page.getByTestId('view-year-embed').click();
	const snippet = await page.getByTestId('view-year-snippet').inputValue();
	expect(snippet).toMatch(
		/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/year\?topic=remittances"/
	);
	expect(snippet).toContain('title="Figures by the years they describe — Cifras"');

	const host = await hostPage(snippet);
	try {
		expect(new URL(host.url).origin).not.toBe(new URL(baseURL!).origin);
		await page.goto(host.url);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByTestId('embed')).toHaveAttribute('data-chart', 'year');
		// The embed reads the same state as the explorer: only remittance figures are drawn, one
		// mark each (the prerendered chart draws every figure until the page has read its address).
		const marks = frame.locator('.marks a[data-mark-figure]');
		await expect(marks.first()).toBeAttached();
		const drawn = () =>
			marks.evaluateAll((as) => as.map((a) => a.getAttribute('data-mark-figure')).sort());
		await expect.poll(drawn).toEqual(remittances.map((f) => f.figure_id).sort());
		// The source names the documents of the figures shown, and the data's version.
		const source = frame.getByTestId('embed-source');
		await expect(source).toContainText('Figures as printed, compiled by Cifras');
		await expect(source).toContainText(`data version ${DATA_VERSION.version}`);
		for (const d of new Set(remittances.map((f) => f.doc_short_title)))
			await expect(source).toContainText(d);
		const back = frame.getByTestId('embed-full');
		await expect(back).toHaveAttribute('href', '/?topic=remittances');
		await expect(back).toHaveAttribute('target', '_blank');

		// Responsive: the chart fits a narrow column without a horizontal scrollbar.
		await page.setViewportSize({ width: 360, height: 800 });
		// The chart takes the new width when its resize observer next reports.
		await expect
			.poll(() =>
				frame
					.locator('body')
					.evaluate((b) => b.scrollWidth - b.ownerDocument.documentElement.clientWidth)
			)
			.toBeLessThanOrEqual(0);
	} finally {
		host.server.close();
	}
});

for (const chart of ['topic', 'year', 'map'] as const)
	test(`the ${chart} embed renders inside an iframe on another origin`, async ({
		page,
		baseURL
	}) => {
		const host = await hostPage(
			`<iframe src="${baseURL}/embed/${chart}?doc=hemispheric-2002" width="100%" height="600" style="border:0"></iframe>`
		);
		try {
			await page.goto(host.url);
			const frame = page.frameLocator('iframe');
			await expect(frame.getByTestId('embed')).toHaveAttribute('data-chart', chart);
			await expect(frame.locator('svg, a[aria-label]').first()).toBeVisible();
			await expect(frame.getByTestId('embed-source')).toBeVisible();
			await expect(frame.getByTestId('embed-full')).toHaveAttribute(
				'href',
				'/?doc=hemispheric-2002'
			);
		} finally {
			host.server.close();
		}
	});

test('clicking a bar inside an embed filters the embed, not the host page', async ({
	page,
	baseURL
}) => {
	const host = await hostPage(
		`<iframe src="${baseURL}/embed/topic" width="600" height="500" style="border:0"></iframe>`
	);
	try {
		await page.goto(host.url);
		const frame = page.frameLocator('iframe');
		await frame.locator('a[aria-label^="Remittances:"]').click();
		await expect(frame.getByTestId('embed-full')).toHaveAttribute('href', '/?topic=remittances');
		expect(page.url()).toBe(host.url);
		await expect(frame.locator('a[aria-current="true"]')).toHaveCount(1);
	} finally {
		host.server.close();
	}
});

test('an embed link with a bad parameter still renders, and names what it ignored', async ({
	page
}) => {
	const res = await page.goto('/embed/topic?topic=nonsense');
	expect(res?.status()).toBe(200);
	await expect(page.getByRole('status')).toContainText('nonsense');
	await expect(page.getByTestId('embed')).toBeVisible();
});

for (const chart of EMBED_CHARTS)
	test(`the ${chart} embed sizes its frame to its content in columns of 320 to 1024 px, filtered or not`, async ({
		page,
		baseURL
	}) => {
		const views = ['', '?topic=trafficking_victims'];
		const cells = views
			.map(
				(q) =>
					`<div style="display:flex;gap:8px;align-items:flex-start">${WIDTHS.map((w) => `<div style="width:${w}px;flex:none">${embedSnippet(`${baseURL}/embed/${chart}${q}`, chart)}</div>`).join('')}</div>`
			)
			.join('');
		const host = await hostPage(cells);
		try {
			// Every column on screen at once (the frames load lazily).
			await page.setViewportSize({ width: 3300, height: 2600 });
			await page.goto(host.url);
			const all = await frames(page);
			expect(all).toHaveLength(WIDTHS.length * views.length);
			for (const { width, frame, src } of all) {
				expect(WIDTHS).toContain(width);
				await expect.poll(() => fits(frame), { message: `${src} at ${width}px` }).toBe('fits');
				// Sized by the message, not by the starting height: the frame comes to be as tall as
				// the content (the starting height fits it too, until the embed's script has run).
				const gap = async () => {
					const [frameHeight, contentHeight] = await Promise.all([
						frame
							.frameElement()
							.then((el) => el.evaluate((f) => (f as HTMLElement).getBoundingClientRect().height)),
						frame.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height)
					]);
					return Math.abs(frameHeight - Math.ceil(contentHeight));
				};
				await expect.poll(gap, { message: `${src} at ${width}px` }).toBeLessThanOrEqual(1);
			}
		} finally {
			host.server.close();
		}
	});

test('without scripts, the starting height holds each chart and its source line at 320 to 1024 px', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	// As in every test: nothing beyond this machine.
	await context.route('**/*', (route) =>
		/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()
	);
	const page = await context.newPage();
	const host = await hostPage(
		EMBED_CHARTS.map(
			(chart) =>
				`<div style="display:flex;gap:8px;align-items:flex-start">${WIDTHS.slice(1)
					.map(
						(w) =>
							`<div style="width:${w}px;flex:none">${embedSnippet(`${baseURL}/embed/${chart}`, chart)}</div>`
					)
					.join('')}</div>`
		).join('')
	);
	try {
		await page.setViewportSize({ width: 3000, height: 4000 });
		await page.goto(host.url);
		for (const { width, frame, src } of await frames(page)) {
			await frame.getByTestId('embed-source').waitFor();
			expect(await fits(frame), `${src} at ${width}px`).toBe('fits');
		}
	} finally {
		host.server.close();
		await context.close();
	}
});

test('a map embed whose figures are all regional or world says so, above the map', async ({
	page
}) => {
	const figures = await allFigures(page);
	const trafficking = figures.filter((f) => hasTopic(f, 'trafficking_victims'));
	// Regions, the world, Spain and Switzerland: nothing the map of the Americas can shade.
	const topo = await (await page.request.get('/data/americas.topo.json')).json();
	const onMap = new Set(topo.objects.countries.geometries.map((g: { id: string }) => g.id));
	expect(trafficking.some((f) => onMap.has(f.geo_code))).toBe(false);
	await page.goto('/embed/map?topic=trafficking_victims');
	await expect(page.getByTestId('embed-no-country')).toBeVisible();
	await expect(page.getByTestId('embed-no-country')).toContainText('No country is shaded');
	await expect(page.getByTestId('embed-off-map')).not.toContainText('none');
	await page.goto('/embed/map?topic=return_assistance');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByTestId('embed-no-country')).toHaveCount(0);
});

test('an embed of one document names it, and its speakers when they are few', async ({ page }) => {
	const figures = (await allFigures(page)).filter((f) => f.doc_id === 'iom-oas-2006');
	const speakers = [...new Set(figures.map((f) => f.speaker).filter(Boolean))];
	await page.goto('/embed/topic?doc=iom-oas-2006');
	const source = page.getByTestId('embed-source');
	await expect(source).toContainText(`Source: ${figures[0]!.doc_short_title} (`);
	if (speakers.length <= 3) for (const s of speakers) await expect(source).toContainText(s);
	await expect(source).not.toContainText('Hemispheric Conference 2002');
});

test('the embed code and the link to the chart are copied with one click, and say so', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/?topic=remittances');
	await ready(page);
	await page.getByTestId('view-year-share').locator(':scope > summary').click();
	await page.getByTestId('view-year-embed').click();
	const snippet = await page.getByTestId('view-year-snippet').inputValue();
	await page.getByTestId('view-year-copy-code').click();
	await expect(page.getByTestId('view-year-copy-code')).toHaveText('Copied ✓');
	await expect(page.getByTestId('view-year-copy-code-status')).toHaveText('Embed code copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
	await page.getByTestId('view-year-copy-link').click();
	await expect(page.getByTestId('view-year-copy-link-status')).toHaveText(
		'Link to the chart copied.'
	);
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
		/^http:\/\/127\.0\.0\.1:\d+\/embed\/year\?topic=remittances$/
	);
});
