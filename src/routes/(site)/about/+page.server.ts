import { DOCUMENTS, FIGURES } from '$lib/data/bundled';
import { TOPICS } from '$lib/data/schema';
import type { PageServerLoad } from './$types';

// Counted at prerender, so the page does not ship the whole table to the browser.
export const load: PageServerLoad = () => ({
	documents: DOCUMENTS.map((d) => ({
		...d,
		figures: FIGURES.filter((f) => f.doc_id === d.doc_id).length
	})),
	topics: TOPICS.map((t) => ({ topic: t, figures: FIGURES.filter((f) => f.topic === t).length })),
	total: FIGURES.length
});
