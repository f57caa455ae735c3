import readme from '../../../../data/README.md?raw';
import { columnDocs, parseDictionary } from '$lib/data/dictionary';
import type { PageServerLoad } from './$types';

/** The dictionary's column descriptions, for the schema beside the editor. */
export const load: PageServerLoad = () => ({ docs: columnDocs(parseDictionary(readme)) });
