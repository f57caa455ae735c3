/**
 * Size budgets on a small built site written here: what a first visit fetches before its load
 * event, read from the HTML and the modules' static imports; sizes as served (the brotli file
 * when there is one); `npm test` fails on a budget exceeded or a page with no budget.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgets, measureRoute, routeMatcher } from '../../src/lib/size/budgets';
import { pageAssets, staticImports } from '../../src/lib/size/first-visit';

const INDEX = `<!doctype html><html><head>
<link href="./_app/entry.js" rel="modulepreload">
<link rel="stylesheet" href="./_app/site.css">
<link href="./_app/inlined.css" rel="stylesheet" disabled media="(max-width: 0)">
<script type="application/json" data-url="/data/x.json">{"import(\\"./nothing.js\\")":1}</script>
</head><body><p>Hello</p>
<script>Promise.all([import("./_app/start.js")]).then(([kit]) => kit.start({ node_ids: [0, 2] }));</script>
</body></html>`;

/** A built site in miniature: two routes, shared and lazy modules, one file precompressed. */
const SITE: Record<string, string> = {
	'index.html': INDEX,
	'_app/entry.js': 'import{b}from"./shared.js";export const a=b;',
	'_app/start.js': 'import"./shared.js";export*from"./kit.js";',
	'_app/kit.js': 'export const k=()=>import("./lazy.js");',
	'_app/shared.js': 'export const b=1;',
	'_app/lazy.js': `export const big=${JSON.stringify('x'.repeat(5000))};`,
	// The route's nodes, which the start-up script imports at once (0 and 2 here, not 1 or 20).
	'_app/immutable/nodes/0.a1.js': 'import"../../shared.js";export const n=0;',
	'_app/immutable/nodes/2.b2.js': 'export const n=2;',
	'_app/immutable/nodes/1.c3.js': `export const n=${JSON.stringify('1'.repeat(3000))};`,
	'_app/immutable/nodes/20.d4.js': `export const n=${JSON.stringify('2'.repeat(3000))};`,
	'_app/site.css': 'p{color:red}',
	'_app/inlined.css': 'p{color:blue}',
	'figure/one.html': '<p>one</p><script type="module" src="../_app/entry.js"></script>',
	'figure/two.html': `<p>${'two '.repeat(100)}</p>`,
	// As `scripts/precompress.js` leaves it: the browser receives the brotli file.
	'figure/two.html.br': 'tiny',
	// The Spanish edition: its home beside index.html, its pages under es/ (docs/i18n.md).
	'es/index.html': INDEX.replace('Hello', 'Hola').replaceAll('./_app', '../_app'),
	'es/figure/one.html': `<p>${'uno '.repeat(100)}</p>`
};

let dir = '';
const size = (file: string) => statSync(join(dir, file)).size;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cifras-budgets-'));
	for (const [file, body] of Object.entries(SITE)) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), body);
	}
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a first visit fetches', () => {
	it('reads module preloads, module scripts, start-up imports, the route’s nodes and stylesheets that load', () => {
		expect(pageAssets(INDEX)).toEqual({
			js: ['./_app/entry.js', './_app/start.js'],
			nodes: [0, 2],
			css: ['./_app/site.css']
		});
		expect(pageAssets(SITE['figure/one.html']!).js).toEqual(['../_app/entry.js']);
	});

	it('follows static imports, not dynamic ones', () => {
		expect(staticImports(SITE['_app/start.js']!)).toEqual(['./shared.js', './kit.js']);
		expect(staticImports(SITE['_app/kit.js']!)).toEqual([]);
	});

	it('measures a route as served: each module once, the largest page, the brotli file', () => {
		expect(measureRoute(dir, '/', ['index.html']).bytes).toEqual({
			html: size('index.html'),
			js: [
				'entry',
				'start',
				'kit',
				'shared',
				'immutable/nodes/0.a1',
				'immutable/nodes/2.b2'
			].reduce((n, f) => n + size(`_app/${f}.js`), 0),
			css: size('_app/site.css')
		});
		const figure = measureRoute(dir, '/figure/[id]', ['figure/one.html', 'figure/two.html']);
		expect(figure.bytes.html).toBe(Math.max(size('figure/one.html'), 'tiny'.length));
		expect(figure.bytes.js).toBe(size('_app/entry.js') + size('_app/shared.js'));
	});

	it('names a route’s pages by its pattern', () => {
		expect(routeMatcher('/').test('index.html')).toBe(true);
		expect(routeMatcher('/figure/[id]').test('figure/one.html')).toBe(true);
		expect(routeMatcher('/figure/[id]').test('figure/a/b.html')).toBe(false);
		expect(routeMatcher('/sql').test('sql.html')).toBe(true);
		// A server route named as a file (the reader's text fragment) is written under its name.
		expect(routeMatcher('/documents/[doc_id]/text.html').test('documents/a/text.html')).toBe(true);
		expect(routeMatcher('/documents/[doc_id]').test('documents/a/text.html')).toBe(false);
	});
});

describe('checkBudgets', () => {
	const sizes = () => measureRoute(dir, '/', ['index.html']).bytes;
	const generous = () => ({
		'/': { html: sizes().html, js: sizes().js, css: sizes().css },
		'/figure/[id]': { html: 1000, js: 1000 }
	});

	it('passes when every size is within its budget (a budget is a maximum)', () => {
		const budgets = generous();
		budgets['/'].html = Math.max(sizes().html, size('es/index.html'));
		const report = checkBudgets(dir, budgets);
		expect(report.failures).toEqual([]);
		// Each budget for each edition: three for / and /es, two for each edition's figures.
		expect(report.lines).toHaveLength(10);
	});

	it('holds the Spanish edition to its English twin’s budget, naming its address', () => {
		const budgets = generous();
		budgets['/'].html = Math.max(sizes().html, size('es/index.html'));
		budgets['/figure/[id]'].html = size('figure/two.html.br');
		const { failures } = checkBudgets(dir, budgets);
		expect(failures).toEqual([
			`✗ /figure/[id] html: ${size('figure/one.html')} bytes over its budget of 4 bytes`,
			`✗ /es/figure/[id] html: ${size('es/figure/one.html')} bytes over its budget of 4 bytes`
		]);
	});

	it('fails on a budget exceeded, naming the route, its size and its budget', () => {
		const budgets = generous();
		budgets['/'].html = Math.max(sizes().html, size('es/index.html'));
		budgets['/'].js = sizes().js - 1;
		const { failures } = checkBudgets(dir, budgets);
		expect(failures).toEqual([
			`✗ / js: ${sizes().js} bytes over its budget of ${sizes().js - 1} bytes`,
			`✗ /es js: ${sizes().js} bytes over its budget of ${sizes().js - 1} bytes`
		]);
	});

	it('fails on a page no budget covers, and on a route with no page', () => {
		const home = { ...generous()['/'], html: Math.max(sizes().html, size('es/index.html')) };
		const { failures } = checkBudgets(dir, { '/': home, '/documents': { html: 1 } });
		expect(failures).toHaveLength(5);
		expect(failures[0]).toMatch(/^✗ \/documents: no prerendered page/);
		expect(failures[1]).toMatch(/^✗ \/es\/documents: no prerendered page/);
		expect(failures.slice(2)).toEqual([
			'✗ es/figure/one.html: no budget covers this page (add a line for its route to budgets.json)',
			'✗ figure/one.html: no budget covers this page (add a line for its route to budgets.json)',
			'✗ figure/two.html: no budget covers this page (add a line for its route to budgets.json)'
		]);
	});
});
