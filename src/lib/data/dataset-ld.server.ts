/**
 * The dataset's schema.org JSON-LD `<script>` for `/about` and `/dictionary`, made at prerender:
 * the page receives it as text, so the browser loads neither the description's code nor the
 * figures it counts years from.
 */
import { DOCUMENTS, FIGURES } from './bundled';
import { referenceYears } from './coverage';
import { datasetJsonLd, jsonLdScript } from './publish';
import { DATA_VERSION } from './version';

// Both pages sit at the site's root, so addresses relative to the page hold under any base path.
export const DATASET_JSON_LD = jsonLdScript(
	datasetJsonLd({
		version: DATA_VERSION,
		documents: DOCUMENTS,
		base: '.',
		years: referenceYears(FIGURES)
	})
);
