/**
 * What a first visit to a prerendered page fetches before its load event, read from the built
 * files alone (no browser, no timing): the scripts and stylesheets its HTML names, and every
 * module those scripts import statically. Modules imported later (`import("…")` in a module,
 * DuckDB-wasm's worker) are not part of it.
 */

/** Paths as written in the HTML or a module, each relative to the file that names it. */
export interface FirstVisit {
	/** Module scripts: `<link rel="modulepreload">`, `<script type="module" src>`, and the
	 * modules the inline start-up script imports at once. */
	js: string[];
	/** The route's nodes (layouts and page) the start-up script imports as soon as it runs
	 * (`node_ids: [0, 2, 3]`): `_app/immutable/nodes/<id>.*.js`. */
	nodes: number[];
	/** Stylesheets that load: `<link rel="stylesheet">` without `disabled` (SvelteKit writes
	 * disabled links for styles it inlined). */
	css: string[];
}

const LINK = /<link\b([^>]*)>/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** An attribute's value (`""` when it has none), or null when the tag does not have it. */
function attribute(attrs: string, name: string): string | null {
	const m = new RegExp(
		`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`,
		'i'
	).exec(attrs);
	return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}
/** `node_ids: [0, 2, 3]` in the inline script that starts the app. */
const NODE_IDS = /\bnode_ids:\s*\[([\d,\s]*)\]/;
/** `import("./x.js")` in the inline script that starts the app. */
const INLINE_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
/** Static imports in a built module: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g;

/** The scripts and stylesheets a page's HTML has the browser fetch before its load event. */
export function pageAssets(html: string): FirstVisit {
	const js: string[] = [];
	const css: string[] = [];
	const nodes: number[] = [];
	for (const [, attrs] of html.matchAll(LINK)) {
		const rel = attribute(attrs!, 'rel')?.toLowerCase().split(/\s+/) ?? [];
		const href = attribute(attrs!, 'href');
		if (!href) continue;
		if (rel.includes('modulepreload')) js.push(href);
		else if (rel.includes('stylesheet') && attribute(attrs!, 'disabled') === null) css.push(href);
	}
	for (const [, attrs, body] of html.matchAll(SCRIPT)) {
		const src = attribute(attrs!, 'src');
		const type = attribute(attrs!, 'type');
		if (src !== null) {
			if (type === 'module') js.push(src);
		} else if (type === null || type === 'module') {
			for (const [, path] of body!.matchAll(INLINE_IMPORT)) js.push(path!);
			const ids = NODE_IDS.exec(body!)?.[1];
			if (ids) nodes.push(...ids.split(',').map(Number));
		}
	}
	return { js, nodes, css };
}

/** The modules a built module imports statically (paths relative to it). */
export function staticImports(module: string): string[] {
	return [...module.matchAll(STATIC_IMPORT)].map((m) => m[1]!);
}
