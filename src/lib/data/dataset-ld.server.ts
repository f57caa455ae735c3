/**
 * The dataset's schema.org JSON-LD `<script>` for `/about` and `/dictionary`, made at prerender:
 * the page receives it as text, so the browser loads neither the description's code nor the
 * figures it counts years from.
 */
import { DOCUMENTS, FIGURES } from './bundled';
import { datasetJsonLd, jsonLdScript } from './publish';
import type { SiteFigure } from './site-table';
import { DATA_VERSION } from './version';

/** The years the figures refer to, first to last: the dataset's temporal coverage. */
export function referenceYears(
	figures: Pick<SiteFigure, 'ref_start' | 'ref_end'>[]
): [number, number] {
	const starts = figures.map((f) => f.ref_start).filter((y): y is number => y !== null);
	const ends = figures.map((f) => f.ref_end).filter((y): y is number => y !== null);
	return [Math.min(...starts), Math.max(...ends)];
}

// Both pages sit at the site's root, so addresses relative to the page hold under any base path.
export const DATASET_JSON_LD = jsonLdScript(
	datasetJsonLd({
		version: DATA_VERSION,
		documents: DOCUMENTS,
		base: '.',
		years: referenceYears(FIGURES)
	})
);
