/** Fetching the JSON build (at prerender and in the browser) with a clear error when it fails. */
import type { DocumentRow } from './schema';
import type { SiteFigure } from './site-table';

export interface SiteData {
	figures: SiteFigure[];
	documents: DocumentRow[];
}

async function getJson<T>(fetcher: typeof fetch, url: string): Promise<T> {
	const res = await fetcher(url);
	if (!res.ok) throw new Error(`Could not load ${url} (HTTP ${res.status})`);
	return (await res.json()) as T;
}

export async function loadSiteData(fetcher: typeof fetch, base: string): Promise<SiteData> {
	const [figures, documents] = await Promise.all([
		getJson<SiteFigure[]>(fetcher, `${base}/data/figures.json`),
		getJson<DocumentRow[]>(fetcher, `${base}/data/documents.json`)
	]);
	return { figures, documents };
}
