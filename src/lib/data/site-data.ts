/** Fetching the JSON build (at prerender and in the browser) with a clear error when it fails. */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { DocumentRow } from './schema';
import type { SiteFigure } from './site-table';

export interface SiteData {
	figures: SiteFigure[];
	documents: DocumentRow[];
}

/** Fails with a message a reader can act on; the error page shows it with a retry. */
async function getJson<T>(fetcher: typeof fetch, url: string): Promise<T> {
	let res: Response;
	try {
		res = await fetcher(url);
	} catch (e) {
		error(503, m.data_load_unreachable({ url, reason: e instanceof Error ? e.message : String(e) }));
	}
	if (!res.ok) error(503, m.data_load_http({ url, status: res.status }));
	try {
		return (await res.json()) as T;
	} catch {
		error(503, m.data_load_not_json({ url }));
	}
}

/**
 * Where an edition's tables are served: `/data` for English, `/data/es` for Spanish (the same
 * files and columns, with the data's own words in Spanish). The downloads the site links stay
 * the English files in `/data`.
 */
export function editionData(base: string, locale: Locale): string {
	return locale === 'es' ? `${base}/data/es` : `${base}/data`;
}

export async function loadSiteData(
	fetcher: typeof fetch,
	base: string,
	locale: Locale = 'en'
): Promise<SiteData> {
	const dir = editionData(base, locale);
	const [figures, documents] = await Promise.all([
		getJson<SiteFigure[]>(fetcher, `${dir}/figures.json`),
		getJson<DocumentRow[]>(fetcher, `${dir}/documents.json`)
	]);
	return { figures, documents };
}
