import readme from '../../../../data/README.md?raw';
import { parseDictionary } from '$lib/data/dictionary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ blocks: parseDictionary(readme) });
