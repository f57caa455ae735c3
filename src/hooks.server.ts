import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { JSDOM } from 'jsdom';
import { DATASET_JSON_LD } from '$lib/data/dataset-ld.server';
import { readerBodyHtml } from '$lib/server/reader';
import { startAfterFirstPaint } from '$lib/server/paint-first';
import { markSelectionPending } from '$lib/server/selection-pending';
import { paraglideMiddleware } from '$lib/paraglide/server';

// Prerendering draws every chart to SVG with Observable Plot, which needs a DOM document;
// the server side of the build gets one from jsdom (the browser uses its own).
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
(globalThis as { __cifrasPlotDocument?: Document }).__cifrasPlotDocument = document;

// Writes each document's text into its reader page once. The page's component renders the
// text's empty container (`data-body="<doc_id>"`); the text goes in here, so that it is in the
// HTML but not also in the data the page hydrates from (which would double a 5,000-line page).
// Svelte leaves alone what it did not render in an element whose content it does not manage.
const BODY = /(<div\b[^>]*\sdata-body="([a-z0-9-]+)"[^>]*>)(<\/div>)/;

// The dataset's schema.org description goes into the head of /about and /dictionary the same
// way: once, in the HTML, after what Svelte manages there, so the page neither hydrates it nor
// loads the code that writes it.
const JSON_LD_ROUTES = new Set(['/(site)/about', '/(site)/dictionary']);
// The explorer, whose prerendered figures a shared link's selection replaces once it runs.
const EXPLORER_ROUTE = '/(site)';

// Paraglide reads the locale from the address ("/es/…") and holds it for this render, so every
// message the page calls is in that language; the page's <html lang> is set the same way.
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			// The two typefaces are fetched with the HTML, so they are usually in by the first
			// layout: no repaint in the fallback faces, no shift as they swap in. The page's modules
			// are preloaded only once the first screen is painted: `startAfterFirstPaint` moves
			// SvelteKit's modulepreload links into the start-up script, after its wait (compiled
			// while the page was first laid out, they delayed its first paint; docs/performance.md).
			preload: ({ type }) => type !== 'asset',
			transformPageChunk: ({ html }) => {
				const route = event.route.id ?? '';
				let out = html
					.replace('%lang%', locale)
					.replace(
						BODY,
						(_, open: string, id: string, close: string) =>
							open + (readerBodyHtml(id) ?? '') + close
					);
				if (JSON_LD_ROUTES.has(route))
					out = out.replace('</head>', () => `${DATASET_JSON_LD}</head>`);
				// The inline scripts' hashes go in the policy's <meta>, which only a prerendered page
				// has (`npm run dev` sends the policy as a header, with SvelteKit's own hashes).
				if (!building) return out;
				out = startAfterFirstPaint(out);
				return route === EXPLORER_ROUTE ? markSelectionPending(out) : out;
			}
		});
	});
