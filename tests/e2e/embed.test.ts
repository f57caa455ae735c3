import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './fixtures';
import { allFigures, ready } from './helpers';

/** A page on another origin (its own port) that embeds `src` the way a newsroom's CMS would. */
async function hostPage(html: string): Promise<{ url: string; server: Server }> {
	const server = createServer((_req, res) => {
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(`<!doctype html><html><head><title>Host</title></head><body>
			<h1>A newsroom's article</h1>${html}</body></html>`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test('the Embed button gives an iframe snippet that renders the chart and its source on another origin', async ({
	page,
	baseURL
}) => {
	const figures = await allFigures(page);
	const remittances = figures.filter((f) => f.topic === 'remittances');
	await page.goto('/?topic=remittances');
	await ready(page);

	await page.getByTestId('view-doc-embed').click();
	const snippet = await page.getByTestId('view-doc-snippet').inputValue();
	expect(snippet).toMatch(
		/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/doc\?topic=remittances"/
	);
	expect(snippet).toContain('title="Figures by source document — Cifras"');

	const host = await hostPage(snippet);
	try {
		expect(new URL(host.url).origin).not.toBe(new URL(baseURL!).origin);
		await page.goto(host.url);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByTestId('embed')).toHaveAttribute('data-chart', 'doc');
		// The embed reads the same state as the explorer: only remittance figures are counted.
		const counted = frame.locator('a[aria-label$="figures"], a[aria-label$="figure"]');
		await expect(counted.first()).toBeVisible();
		const sum = async () =>
			(
				(await counted.evaluateAll((as) =>
					as.map((a) => Number(/: (\d+) figures?$/.exec(a.getAttribute('aria-label') ?? '')?.[1]))
				)) as number[]
			).reduce((a, b) => a + b, 0);
		// The prerendered chart counts every figure until the page has read its address.
		await expect.poll(sum).toBe(remittances.length);
		await expect(frame.getByTestId('embed-source')).toContainText('figures as printed in');
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
