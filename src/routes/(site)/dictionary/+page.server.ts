import readme from '../../../../data/README.md?raw';
import readmeEs from '../../../../data/README.es.md?raw';
import { parseDictionary, sectionsOutside } from '$lib/data/dictionary';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// The sections of data/README.md that data/README.es.md translates (by their ids); the Spanish
// page shows the others after it, in English.
const TRANSLATED = [
	'documents-csv',
	'figures-csv',
	'the-served-table-data-figures-csv-json-parquet-arrow'
] as const;

export const load: PageServerLoad = () => {
	const blocks = parseDictionary(readme);
	return getLocale() === 'es'
		? { blocks: parseDictionary(readmeEs), rest: sectionsOutside(blocks, TRANSLATED) }
		: { blocks, rest: [] };
};
