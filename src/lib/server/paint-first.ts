import { scriptHash } from './csp';

/**
 * Every page's start-up script waits for the page's first contentful paint before it fetches
 * the page's modules. A prerendered page is complete without JavaScript (its text, figures and
 * links work as HTML), and its first frame is shown only once its tiles are rastered, in
 * software on a phone's few cores and on this machine's two. The modules' parsing runs on the
 * same worker threads as that raster, and their evaluation and the hydration on the main
 * thread: started at once, they held the first paint back. Once the paint is shown, all the
 * page's modules are asked for at once (SvelteKit's modulepreload links, moved from the head
 * into the script), so the page is interactive as soon as before: on the explorer, 30
 * alternating loads each, first paint median 284 → 208 ms and first answer 688 → 690 ms
 * (docs/performance.md, "Paint first"). Its links work meanwhile.
 *
 * SvelteKit writes the start-up script itself (`Promise.all([import(start), import(app)])`) and
 * lists its hash in the page's Content-Security-Policy; this rewrites the script and its hash
 * together. Anything unexpected throws, which fails the build: a page whose script and policy
 * disagree would never start.
 */

// Waits for the paint's timing entry (it comes when the frame is presented), then one task;
// at most a second where paint timing is missing or a hidden tab paints nothing.
const AFTER_PAINT =
	'new Promise((r) => { try { const o = new PerformanceObserver((l) => { ' +
	"if (l.getEntriesByName('first-contentful-paint').length) { o.disconnect(); setTimeout(r, 0); } }); " +
	"o.observe({ type: 'paint', buffered: true }); } catch { r(); } setTimeout(r, 1000); })";

// Then asks for all the page's modules at once (SvelteKit's modulepreload links, taken out of
// the head), rather than one level of imports at a time from the start-up script.
const preloading = (hrefs: string[]) =>
	`for (const href of ${JSON.stringify(hrefs)}) { const l = document.createElement('link'); ` +
	"l.rel = 'modulepreload'; l.href = href; document.head.append(l); }";
const PRELOAD = /<link href="([^"]+)" rel="modulepreload">/g;

const START = 'Promise.all([';
const STARTED = ']).then(([kit, app]) =>';
const SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** The page with its start-up script waiting for the first paint, and its policy's hash to match. */
export function startAfterFirstPaint(html: string): string {
	const boot = [...html.matchAll(SCRIPT)].filter(([, body]) => body!.includes(START));
	if (boot.length === 0) return html; // a page without SvelteKit's start (none today)
	if (boot.length > 1) throw new Error('paint-first: more than one start-up script');
	const body = boot[0]![1]!;
	if (body.split(START).length !== 2 || body.split(STARTED).length !== 2)
		throw new Error('paint-first: SvelteKit start-up script not as expected');
	const modules = [...html.matchAll(PRELOAD)].map(([, href]) => href!);
	const waiting = body
		.replace(START, `${AFTER_PAINT}.then(() => { ${preloading(modules)} return ${START}`)
		.replace(STARTED, `]); }).then(([kit, app]) =>`);
	const oldHash = scriptHash(body);
	if (!html.includes(oldHash))
		throw new Error('paint-first: the start-up script has no hash in the page policy');
	const out = html
		.replace(PRELOAD, '')
		.replace(`<script>${body}</script>`, () => `<script>${waiting}</script>`)
		.replace(oldHash, () => scriptHash(waiting));
	if (out.includes('modulepreload"'))
		throw new Error('paint-first: a modulepreload link not as expected');
	return out;
}
