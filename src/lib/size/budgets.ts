/**
 * Size budgets of the built site, checked in `npm test`: for each route, the brotli bytes of
 * its HTML and of the JavaScript and CSS a first visit fetches before its load event
 * (`first-visit.ts`), against `budgets.json`. Sizes, unlike timings, are the same on every
 * machine. Node only: it reads the build directory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { pageAssets, staticImports } from './first-visit';

export const MEASURES = ['html', 'js', 'css'] as const;
export type Measure = (typeof MEASURES)[number];

/** Route pattern (`/`, `/sql`, `/figure/[id]`) → the bytes each measure may take. */
export type Budgets = Record<string, Partial<Record<Measure, number>>>;

export interface RouteSizes {
	route: string;
	/** Its prerendered pages, relative to the build directory. */
	pages: string[];
	/** The largest of its pages' sizes, for each measure. */
	bytes: Record<Measure, number>;
}

export interface BudgetReport {
	/** One line per budget, met or not. */
	lines: string[];
	/** The lines of budgets exceeded and of pages no budget covers; empty when all is well. */
	failures: string[];
}

/**
 * A file as the browser receives it: its brotli file beside it (as `scripts/precompress.js`
 * writes and the server sends to a browser that accepts brotli), or itself when it has none
 * (files under 1 kB are sent as they are).
 */
export function servedBytes(file: string): number {
	return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
}

function* htmlFiles(dir: string, under = dir): Generator<string> {
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* htmlFiles(path, under);
		else if (name.endsWith('.html')) yield relative(under, path).split(sep).join('/');
	}
}

/**
 * The language editions' prefixes: English at the site's root, Spanish under `es/` (docs/i18n.md).
 * Each route's budget holds for both editions; each is measured and reported on its own.
 */
export const EDITIONS = ['', 'es'] as const;

/**
 * Files written once for both editions: the host's 404 page (it draws the reader's language
 * from the address once it runs).
 */
export const ONE_EDITION = new Set(['/404']);

/**
 * The prerendered file a route pattern's pages are written to: `/` → `index.html`, `/a/[b]` →
 * `a/*.html`; a server route named as a file keeps its name: `/a/[b]/text.html` → `a/x/text.html`.
 * In the Spanish edition, the same under `es/`, and its home is `es/index.html`.
 */
export function routeMatcher(route: string, edition: (typeof EDITIONS)[number] = ''): RegExp {
	if (route === '/') return edition ? new RegExp(`^${edition}/index\\.html$`) : /^index\.html$/;
	const parts = route
		.slice(1)
		.split('/')
		.map((p) => (/^\[.+\]$/.test(p) ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	const under = edition ? `${edition}/` : '';
	return new RegExp(`^${under}${parts.join('/')}${route.endsWith('.html') ? '' : '\\.html'}$`);
}

const NODE_DIR = '_app/immutable/nodes';
const nodeListings = new Map<string, string[]>();
/** The route nodes' module files of a build, read once per build (not once per page). */
function routeNodes(buildDir: string): string[] {
	let files = nodeListings.get(buildDir);
	if (!files) {
		const dir = join(buildDir, NODE_DIR);
		files = existsSync(dir) ? readdirSync(dir) : [];
		nodeListings.set(buildDir, files);
	}
	return files;
}

/** Every file a page fetches before its load event, relative to the build directory. */
function firstVisit(buildDir: string, page: string): Record<'js' | 'css', Set<string>> {
	const from = (file: string, path: string) =>
		path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(file), path);
	const html = readFileSync(join(buildDir, page), 'utf8');
	const assets = pageAssets(html);
	const js = new Set<string>();
	// The route's nodes, which the start-up script imports at once (there are no modulepreload
	// links to name them: see src/hooks.server.ts).
	const nodeFiles = routeNodes(buildDir);
	const todo = [
		...assets.js.map((p) => from(page, p)),
		...assets.nodes.flatMap((id) =>
			nodeFiles
				.filter((f) => f.startsWith(`${id}.`) && f.endsWith('.js'))
				.map((f) => `${NODE_DIR}/${f}`)
		)
	];
	while (todo.length) {
		const file = todo.pop()!;
		if (js.has(file)) continue;
		js.add(file);
		const body = readFileSync(join(buildDir, file), 'utf8');
		for (const p of staticImports(body)) todo.push(from(file, p));
	}
	return { js, css: new Set(assets.css.map((p) => from(page, p))) };
}

/** The sizes of one route's pages (the largest page for each measure). */
export function measureRoute(buildDir: string, route: string, pages: string[]): RouteSizes {
	const bytes: Record<Measure, number> = { html: 0, js: 0, css: 0 };
	for (const page of pages) {
		const visit = firstVisit(buildDir, page);
		const sum = (files: Set<string>) =>
			[...files].reduce((n, f) => n + servedBytes(join(buildDir, f)), 0);
		bytes.html = Math.max(bytes.html, servedBytes(join(buildDir, page)));
		bytes.js = Math.max(bytes.js, sum(visit.js));
		bytes.css = Math.max(bytes.css, sum(visit.css));
	}
	return { route, pages, bytes };
}

const inBytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** Measures every route in `budgets` and says which budgets hold, which do not, and which pages have none. */
export function checkBudgets(buildDir: string, budgets: Budgets): BudgetReport {
	const all = [...htmlFiles(buildDir)];
	const lines: string[] = [];
	const failures: string[] = [];
	const covered = new Set<string>();
	for (const [pattern, limits] of Object.entries(budgets))
		for (const edition of ONE_EDITION.has(pattern) ? EDITIONS.slice(0, 1) : EDITIONS) {
			// "/es" for the Spanish home, "/es/sql" for its SQL page: the address a reader types.
			const route = edition ? `/${edition}${pattern === '/' ? '' : pattern}` : pattern;
			const matcher = routeMatcher(pattern, edition);
			const pages = all.filter((p) => matcher.test(p));
			pages.forEach((p) => covered.add(p));
			if (!pages.length) {
				failures.push(
					`✗ ${route}: no prerendered page in ${buildDir} (is the route's name right?)`
				);
				lines.push(failures.at(-1)!);
				continue;
			}
			const sizes = measureRoute(buildDir, route, pages);
			for (const measure of MEASURES) {
				const budget = limits[measure];
				if (budget === undefined) continue;
				const size = sizes.bytes[measure];
				const ok = size <= budget;
				const line = `${ok ? '✓' : '✗'} ${route} ${measure}: ${inBytes(size)} ${ok ? 'within' : 'over'} its budget of ${inBytes(budget)}`;
				lines.push(line);
				if (!ok) failures.push(line);
			}
		}
	for (const page of all.filter((p) => !covered.has(p))) {
		const line = `✗ ${page}: no budget covers this page (add a line for its route to budgets.json)`;
		lines.push(line);
		failures.push(line);
	}
	return { lines, failures };
}
