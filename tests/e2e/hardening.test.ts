import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { csvParse } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
	allFigures,
	drawCharts,
	duckDbReady,
	hasTopic,
	mark,
	markCount,
	ready,
	tableIds,
	total
} from './helpers';
import { parseSelection } from '../../src/lib/state/url';
import { knownValues } from '../../src/lib/state/known';

/** Scripts planted in URLs and data set these; nothing may ever run them. */
const PWN = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">`;
const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

/** A browser without WebAssembly (old device, policy) or without Web Workers. */
const without = (page: Page, api: 'WebAssembly' | 'Worker') =>
	page.addInitScript((name) => {
		Object.defineProperty(globalThis, name, { value: undefined, configurable: true });
	}, api);

for (const api of ['WebAssembly', 'Worker'] as const)
	test(`without ${api} the explorer, figure pages and CSV/JSON export work in reduced mode`, async ({
		page
	}) => {
		const figures = await allFigures(page);
		await without(page, api);
		// The explorer needs neither: it answers on the instant engine and says nothing is missing.
		await page.goto('/');
		await ready(page);
		await expect(page.getByTestId('engine-status')).toHaveCount(0);

		await mark(page, 'view-topic', 'Trafficking victims').click();
		const expected = figures.filter((f) => hasTopic(f, 'trafficking_victims'));
		await expect.poll(() => total(page)).toBe(expected.length);
		await expect
			.poll(async () => (await tableIds(page)).sort())
			.toEqual(expected.map((f) => f.figure_id).sort());

		for (const format of ['csv', 'json'] as const) {
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				page.getByTestId(`export-${format}`).click()
			]);
			const text = readFileSync((await file.path())!, 'utf8');
			const rows = format === 'csv' ? csvParse(text) : (JSON.parse(text) as unknown[]);
			expect(rows.length, format).toBe(expected.length);
		}

		await page.locator('[data-testid="figure-table"] tbody a').first().click();
		await expect(page.locator('q.quote').first()).toBeVisible();
		await expect(page).toHaveURL(/\/figure\//);

		// Where DuckDB-wasm is asked for (the bench's switch), the page says why it cannot start,
		// with no Retry, since trying again cannot help.
		await page.goto('/?engine=duckdb');
		const status = page.getByTestId('engine-status');
		await expect(status).toHaveAttribute('data-state', 'failed');
		await expect(status).toContainText('Reduced mode');
		await expect(status).toContainText(
			'could not start (this browser has no WebAssembly or Web Workers).'
		);
		await expect(status.getByRole('button', { name: 'Retry' })).toHaveCount(0);
		await expect.poll(() => total(page)).toBe(figures.length);
	});

/** The same filters answered by each engine, as a reader sees them: totals, marks and table rows. */
const PARITY_VIEWS = [
	'/?topic=migrant_stock',
	'/?doc=hemispheric-2002&years=1990-2000',
	'/?geo=MEX&geo=USA',
	'/?q=trata',
	'/?topic=remittances&sort=value&desc=1',
	'/?years=2005-2006&topic=deportation_return'
];

const snapshot = async (page: Page) => ({
	total: await total(page),
	ids: await tableIds(page),
	topics: await Promise.all(
		['Migrant stocks', 'Remittances', 'Trafficking victims', 'Labour'].map((t) =>
			markCount(page, 'view-topic', t)
		)
	)
});

test('the explorer shows the same answers on DuckDB-wasm and on the instant engine', async ({
	page
}) => {
	test.slow();
	const seen = async (url: string) => {
		await page.goto(url);
		await ready(page);
		return snapshot(page);
	};
	const instant = [];
	for (const v of PARITY_VIEWS) instant.push(await seen(`${v}&engine=instant`));
	for (const [i, v] of PARITY_VIEWS.entries()) {
		await page.goto(`${v}&engine=duckdb`);
		await duckDbReady(page);
		// Once ready, DuckDB-wasm answers the same view again; compare what it drew.
		await expect
			.poll(() =>
				page.evaluate(() => performance.getEntriesByName('cifras:duckdb:explorer').length)
			)
			.toBeGreaterThan(0);
		await expect.poll(() => snapshot(page), v).toEqual(instant[i]);
	}
});

test('fifty hostile or malformed links open a working page that names what it ignored', async ({
	page
}) => {
	test.slow();
	const figures = await allFigures(page);
	const known = knownValues(figures);
	page.on('dialog', (d) => {
		throw new Error(`a dialog opened: ${d.message()}`);
	});
	const fixed = [
		`?q=${encodeURIComponent(PWN)}`,
		`?topic=${encodeURIComponent(PWN)}`,
		'?geo=%E0%A4%A',
		'?years=1e309-NaN',
		'?sort=__proto__&desc=constructor',
		'?__proto__[x]=1&constructor=1',
		`?q=${'a'.repeat(5000)}`,
		'?years=2010-1990&years=1&years=',
		'?topic=remittances&topic=remittances&topic=&doc=%00',
		'?engine=javascript:alert(1)'
	];
	const segment = fc.oneof(
		fc.string({ maxLength: 40 }),
		fc.constantFrom('<script>', '"><img src=x onerror=alert(1)>', '%', '%%', '&', '=', '#', '+')
	);
	const random = fc.sample(
		fc
			.array(
				fc.tuple(
					fc.constantFrom('topic', 'doc', 'geo', 'years', 'q', 'sort', 'desc', 'engine', 'x'),
					segment
				),
				{ maxLength: 5 }
			)
			.map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
		{ numRuns: 40, seed: 20261123 }
	);
	for (const qs of [...fixed, ...random]) {
		await page.goto(`/${qs}`);
		await ready(page);
		await expect(page.getByTestId('total')).toBeVisible();
		const { ignored } = parseSelection(new URL(`http://x/${qs}`).searchParams, known);
		if (ignored.length) await expect(page.getByTestId('url-notice'), qs).toBeVisible();
		else await expect(page.getByTestId('url-notice'), qs).toHaveCount(0);
		expect(await pwned(page), qs).toBeUndefined();
	}
});

test('text from the data renders as text: a quote holding <script> and onerror= stays inert', async ({
	page
}) => {
	const figures = await allFigures(page);
	const hostile = figures.map((f, i) =>
		i === 0 ? { ...f, quote: `${PWN} ${f.quote}`, indicator: `${PWN}`, note: PWN } : f
	);
	const target = hostile[0]!;
	// The instant engine answers from this JSON (DuckDB-wasm would read the unchanged Arrow file).
	await without(page, 'WebAssembly');
	await page.route('**/data/figures.json', (route) => route.fulfill({ json: hostile }));
	await page.goto('/about');
	await page.locator('html[data-hydrated]').waitFor();
	// A client-side visit to the explorer loads the data over the network, where it is replaced.
	await Promise.all([
		page.waitForRequest('**/data/figures.json'),
		page.getByRole('link', { name: 'Explorer' }).first().click()
	]);
	await ready(page);
	await page.getByRole('searchbox').fill('onerror');
	await expect.poll(() => tableIds(page)).toEqual([target.figure_id]);
	const row = page.locator(`tr[data-figure-id="${target.figure_id}"]`);
	await expect(row).toContainText('<script>window.__pwned=2</script>');
	await expect(row.locator('img, script, svg[onload]')).toHaveCount(0);
	// Every part of the page drawn, the lazy charts too.
	await drawCharts(page);
	expect(await pwned(page)).toBeUndefined();
});

test('the security policy blocks inline and foreign scripts, and the site itself never trips it', async ({
	page,
	pageErrors
}) => {
	await page.goto('/');
	await ready(page);
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	const scriptSrc = /script-src ([^;]+)/.exec(policy ?? '')?.[1] ?? '';
	// No eval either (Playwright's own evaluate is exempt from it, so this is checked in the policy).
	expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
	expect(policy).toMatch(/default-src 'none'/);

	const violations = await page.evaluate(async () => {
		const seen: string[] = [];
		// Each refusal is reported as an event: the two below, whenever they come.
		const reported = new Promise((resolve) =>
			document.addEventListener('securitypolicyviolation', (e) => {
				seen.push(`${e.violatedDirective} ${e.blockedURI}`);
				if (seen.length === 2) resolve(seen);
			})
		);
		const inline = document.createElement('script');
		inline.textContent = 'window.__pwned = "inline"';
		document.body.append(inline);
		const foreign = document.createElement('script');
		foreign.src = 'https://evil.example/x.js';
		document.body.append(foreign);
		await reported;
		return seen;
	});
	expect(violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
	expect(violations.some((v) => v.includes('evil.example'))).toBe(true);
	expect(await pwned(page)).toBeUndefined();
	// Those refusals are the console errors this test causes on purpose; any other still fails it.
	const unexpected = pageErrors.filter((e) => !/Content Security Policy|evil\.example/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
});

test('a failed data load shows what failed and a retry that recovers, never a blank page', async ({
	page,
	pageErrors
}) => {
	let fail = true;
	await page.route('**/data/figures.json', (route) =>
		fail ? route.fulfill({ status: 500, body: 'oops' }) : route.fallback()
	);
	await page.goto('/about');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('link', { name: 'Explorer' }).first().click();
	const error = page.getByTestId('error-page');
	await expect(error).toBeVisible();
	await expect(error.getByRole('alert')).toContainText(
		'Could not load /data/figures.json (HTTP 500)'
	);
	fail = false;
	await page.getByTestId('error-retry').click();
	await ready(page);
	await expect(page.getByTestId('total')).toBeVisible();
	const unexpected = pageErrors.filter((e) => !/status of 500/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
});

test('an address that does not exist says so, with a way back', async ({ page, pageErrors }) => {
	await page.goto('/about');
	await page.locator('html[data-hydrated]').waitFor();
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '/no-such-page';
		a.textContent = 'broken';
		document.body.append(a);
	});
	await page.getByRole('link', { name: 'broken' }).click();
	await expect(page.getByTestId('error-page')).toContainText('There is no page at this address');
	await page.getByRole('link', { name: 'Go to the explorer' }).click();
	await ready(page);
	// Opened directly, as from a mistyped link: the host's 404 is the site's own page.
	for (const path of ['/no-such-page', '/figure/no-such-figure']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(404);
		await expect(page.getByTestId('error-page')).toContainText('There is no page at this address');
	}
	const unexpected = pageErrors.filter((e) => !/status of 404/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
});
