import { error } from '@sveltejs/kit';
import { DOCUMENTS, editionTables } from '$lib/data/bundled';
import { formatFigure } from '$lib/data/format';
import { getLocale } from '$lib/paraglide/runtime';
import type { ReaderDocument } from '$lib/reader/model';
import { readerDocument } from '$lib/server/reader';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => DOCUMENTS.map((d) => ({ doc_id: d.doc_id }));

/**
 * The reader's model in the page's edition: the document's citation words and each figure's
 * card (value, what it counts, place, note) from that edition's tables. The text itself, its
 * headings and the numbers in it stay as the document prints them.
 */
function inEdition(model: ReaderDocument): ReaderDocument {
	// Always written anew: the model is built once per build, in whichever language asked first.
	const { DOCUMENTS: docs, FIGURES: figures } = editionTables(getLocale());
	const byId = new Map(figures.map((f) => [f.figure_id, f]));
	return {
		...model,
		doc: docs.find((d) => d.doc_id === model.doc.doc_id) ?? model.doc,
		figures: Object.fromEntries(
			Object.entries(model.figures).map(([id, card]) => {
				const f = byId.get(id);
				if (!f) return [id, card];
				return [
					id,
					{
						...card,
						value: formatFigure(f),
						indicator: f.indicator,
						where: [f.geography, f.period].filter(Boolean).join(', '),
						note: f.note
					}
				];
			})
		)
	};
}

export const load: PageServerLoad = ({ params }) => {
	const model = readerDocument(params.doc_id);
	if (!model) error(404, `No document has the id “${params.doc_id}”.`);
	return { model: inEdition(model) };
};
