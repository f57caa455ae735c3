import { DOCUMENTS } from '$lib/data/bundled';
import { readerDocument } from '$lib/server/reader';
import type { PageServerLoad } from './$types';

// Only each document's description and counts travel to the page, not its text.
export const load: PageServerLoad = () => ({
	documents: DOCUMENTS.map((d) => {
		const m = readerDocument(d.doc_id)!;
		return { doc: d, lineCount: m.lineCount, coverage: m.coverage, sections: m.toc.length };
	})
});
