import { error } from '@sveltejs/kit';
import { editionTables, FIGURES as ALL } from '$lib/data/bundled';
import { splitList } from '$lib/data/meaning';
import type { SiteFigure } from '$lib/data/site-table';
import { getLocale } from '$lib/paraglide/runtime';
import { figurePassage } from '$lib/server/reader';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => ALL.map((f) => ({ id: f.figure_id }));

/** A row as the page carries it: the search's words in the other language are the explorer's only. */
const shown = (f: SiteFigure): SiteFigure => ({ ...f, other_language_text: '' });

export const load: PageServerLoad = ({ params }) => {
	// The page's edition: its figure, document and neighbours with the data's own words in its
	// language (the quote, the passage and the section stay as the document prints them).
	const tables = editionTables(getLocale());
	const { DOCUMENTS, DERIVED, MEASURES } = tables;
	const FIGURES = tables.FIGURES.map(shown);
	const figure = FIGURES.find((f) => f.figure_id === params.id);
	if (!figure) error(404, `No figure has the id “${params.id}”.`);
	const document = DOCUMENTS.find((d) => d.doc_id === figure.doc_id)!;
	const sameIndicator = FIGURES.filter(
		(f) => f.indicator === figure.indicator && f.figure_id !== figure.figure_id
	);
	const total = figure.part_of
		? (FIGURES.find((f) => f.figure_id === figure.part_of) ?? null)
		: null;
	const parts = FIGURES.filter((f) => f.part_of === figure.figure_id);
	// Numbers the text implies from this figure and others (derived.csv), each with what it
	// measures and the other figures it is computed with: the page says what the text does not print.
	const implied = DERIVED.filter((x) => splitList(x.inputs).includes(figure.figure_id)).map(
		(x) => ({
			...x,
			label: MEASURES.find((ms) => ms.measure === x.measure)?.label ?? x.measure,
			with: splitList(x.inputs)
				.filter((id) => id !== figure.figure_id)
				.flatMap((id) => FIGURES.filter((o) => o.figure_id === id))
		})
	);
	// The paragraph around the quote, from the source text (the page shows no more of it).
	const passage = figurePassage(figure);
	return { figure, document, sameIndicator, total, parts, implied, passage };
};
