import readme from '../../../../data/README.md?raw';
import { parseDictionary } from '$lib/data/dictionary';
import { DOCUMENTS, FIGURES } from '$lib/data/bundled';
import { referenceYears } from '$lib/data/coverage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	blocks: parseDictionary(readme),
	documents: DOCUMENTS,
	years: referenceYears(FIGURES)
});
