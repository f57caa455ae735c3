import readme from '../../../../data/README.md?raw';
import { columnDocs, parseDictionary } from '$lib/data/dictionary';
import type { PageServerLoad } from './$types';

/** The dictionary's column descriptions of the two tables the workbench has, for the schema beside the editor. */
export const load: PageServerLoad = () => {
	const { figures, documents } = columnDocs(parseDictionary(readme));
	return { docs: { figures, documents } };
};
