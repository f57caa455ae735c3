/** Fetching the JSON build (at prerender and in the browser) with a clear error when it fails. */
import { error } from '@sveltejs/kit';
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
		error(503, `Could not load ${url}: ${e instanceof Error ? e.message : e}. Check the connection and try again.`);
	}
	if (!res.ok) error(503, `Could not load ${url} (HTTP ${res.status}). Try again in a moment.`);
	try {
		return (await res.json()) as T;
	} catch {
		error(503, `${url} is not valid JSON: the site's data may be half-updated. Try again in a moment.`);
	}
}

export async function loadSiteData(fetcher: typeof fetch, base: string): Promise<SiteData> {
	const [figures, documents] = await Promise.all([
		getJson<SiteFigure[]>(fetcher, `${base}/data/figures.json`),
		getJson<DocumentRow[]>(fetcher, `${base}/data/documents.json`)
	]);
	return { figures, documents };
}
