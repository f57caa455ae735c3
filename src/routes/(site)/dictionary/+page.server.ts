import readme from '../../../../data/README.md?raw';
import { parseDictionary } from '$lib/data/dictionary';
import { DATASET_JSON_LD } from '$lib/data/dataset-ld.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	blocks: parseDictionary(readme),
	jsonLd: DATASET_JSON_LD
});
