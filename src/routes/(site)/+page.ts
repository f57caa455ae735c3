import { browser } from '$app/environment';
import { base } from '$app/paths';
import { loadSiteData } from '$lib/data/site-data';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageLoad } from './$types';

/**
 * In the browser the figures come from `/data/figures.json`, fetched as the page hydrates.
 * At prerender they come from the build's module instead of a fetch: SvelteKit inlines every
 * response a load fetches during prerendering into the HTML for hydration, and the whole table
 * (about 150 kB before compression) would then come twice, in the page and in the JSON. The
 * first screen is drawn from the same rows either way, so hydration finds the same markup.
 */
/**
 * The Spanish explorer is at "/es/" (with its slash, as the language switch and the explorer's
 * own links write it), prerendered as es/index.html: the page's relative asset paths then hold
 * at "/es/" (as es.html they resolved to "/es/_app/…"). The English "/" is the same either way.
 */
export const trailingSlash = 'always';

export const load: PageLoad = async ({ fetch }) => {
	// The Spanish explorer reads the Spanish edition's tables (`/data/es/`): the same rows, with
	// the data's own words in Spanish. The page's language is fixed when it loads.
	const locale = getLocale();
	if (browser) return loadSiteData(fetch, base, locale);
	const [{ FIGURES }, { DOCUMENTS }] = await Promise.all(
		locale === 'es'
			? [import('$lib/data/generated/es/figures'), import('$lib/data/generated/es/documents')]
			: [import('$lib/data/generated/figures'), import('$lib/data/generated/documents')]
	);
	return { figures: FIGURES, documents: DOCUMENTS };
};
