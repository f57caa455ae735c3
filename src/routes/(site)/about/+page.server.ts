import { DOCUMENTS, FIGURES } from '$lib/data/bundled';
import { TOPICS } from '$lib/data/schema';
import { LIST_FIELD, valuesOf } from '$lib/queries/filters';
import type { PageServerLoad } from './$types';

// Counted at prerender, so the page does not ship the whole table to the browser.
export const load: PageServerLoad = () => ({
	documents: DOCUMENTS.map((d) => ({
		...d,
		figures: FIGURES.filter((f) => f.doc_id === d.doc_id).length
	})),
	// Under each of a figure's topics, as the explorer's topic filter counts them: the number
	// beside a topic is the number its link shows.
	topics: TOPICS.map((t) => ({
		topic: t,
		figures: FIGURES.filter((f) => valuesOf(LIST_FIELD, f.topics).includes(t)).length
	})),
	total: FIGURES.length
});
