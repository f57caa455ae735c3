import { error } from '@sveltejs/kit';
import { DOCUMENTS } from '$lib/data/bundled';
import { readerDocument } from '$lib/server/reader';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => DOCUMENTS.map((d) => ({ doc_id: d.doc_id }));

export const load: PageServerLoad = ({ params }) => {
	const model = readerDocument(params.doc_id);
	if (!model) error(404, `No document has the id “${params.doc_id}”.`);
	return { model };
};
