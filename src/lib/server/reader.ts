/**
 * Server-only (prerender): each source text as the reader shows it, built from the texts in
 * `data/sources`, the curated figures, `data/uncurated.csv` and `data/outline.csv`. The texts
 * are bundled into the server build only; the browser receives the pages' HTML.
 */
import outlineCsv from '../../../data/outline.csv?raw';
import uncuratedCsv from '../../../data/uncurated.csv?raw';
import { DOCUMENTS, FIGURES } from '$lib/data/bundled';
import { getLocale } from '$lib/paraglide/runtime';
import { accountDocument, coverageCounts } from '$lib/data/coverage';
import { readCsv } from '$lib/data/csv';
import { formatFigure } from '$lib/data/format';
import { readOutline, type OutlineRow } from '$lib/data/outline';
import { parseTable } from '$lib/data/parse-table';
import type { DocumentRow } from '$lib/data/schema';
import type { SiteFigure } from '$lib/data/site-table';
import { UNCURATED_COLUMNS, type UncuratedRow } from '$lib/data/uncurated';
import { passageAround, type Passage } from '$lib/reader/context';
import { renderDocument, textLines, type RenderedSection } from '$lib/reader/render';
import { extraLabel, markLabel, numberTitle } from '$lib/reader/words';
import type { FigureCard, ReaderDocument } from '$lib/reader/model';

const TEXTS = import.meta.glob('/data/sources/*.txt', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const OUTLINE = readOutline(outlineCsv).rows;
const UNCURATED = parseTable<UncuratedRow>(
	'data/uncurated.csv',
	readCsv(uncuratedCsv),
	UNCURATED_COLUMNS
).rows;

export function sourceText(doc: DocumentRow): string {
	const text = TEXTS[`/data/sources/${doc.source_file}`];
	if (text === undefined) throw new Error(`data/sources/${doc.source_file} is missing`);
	return text;
}

const outlineOf = (docId: string): OutlineRow[] => OUTLINE.filter((h) => h.doc_id === docId);

function card(f: SiteFigure): FigureCard {
	return {
		id: f.figure_id,
		value: formatFigure(f),
		indicator: f.indicator,
		where: [f.geography, f.period].filter(Boolean).join(', '),
		note: f.note,
		line: f.line
	};
}

// By language and document: the marks' names, the numbers' reasons and the figures' values are
// written in the page's language.
const cache = new Map<string, { model: ReaderDocument; body: string }>();
const cacheKey = (docId: string) => `${getLocale()}:${docId}`;

/** The reader's model of one document, or null for an unknown id. Built once per build and language. */
export function readerDocument(docId: string): ReaderDocument | null {
	const cached = cache.get(cacheKey(docId));
	if (cached) return cached.model;
	const doc = DOCUMENTS.find((d) => d.doc_id === docId);
	if (!doc) return null;
	const source = sourceText(doc);
	const figures = FIGURES.filter((f) => f.doc_id === docId);
	const byId = new Map(figures.map((f) => [f.figure_id, f]));
	const coverage = accountDocument(
		source,
		figures,
		UNCURATED.filter((r) => r.doc_id === docId)
	);
	const outline = outlineOf(docId);
	const sections = renderDocument({
		source,
		outline,
		numbers: coverage.numbers,
		marks: coverage.marks,
		markLabel: (id, printed) => markLabel(byId.get(id)!, printed),
		extraLabel: (id) => extraLabel(byId.get(id)!),
		// Relative to the page the text is only ever shown in, /documents/<doc_id>: right under any base path.
		figureHref: (id) => `../figure/${encodeURIComponent(id)}`,
		numberTitle: (n) => numberTitle(n.reason, n.note)
	});
	const counts = coverageCounts(coverage);
	const model: ReaderDocument = {
		doc,
		lineCount: textLines(source).length,
		bytes: new TextEncoder().encode(source).length,
		toc: outline.map(({ line, level, title }) => ({ line, level, title })),
		coverage: {
			total: counts.total,
			inFigures: counts.inFigures,
			figures: counts.figures,
			byReason: [...counts.byReason].sort((a, b) => b[1] - a[1])
		},
		figures: Object.fromEntries(figures.map((f) => [f.figure_id, card(f)]))
	};
	cache.set(cacheKey(docId), { model, body: sectionsHtml(sections) });
	return model;
}

/** The sections as HTML; each reserves a size near its own until it is laid out. */
function sectionsHtml(sections: RenderedSection[]): string {
	return sections
		.map(
			(s) =>
				`<section id="${s.id}" class="sec" style="--c:${s.chars};--b:${s.blocks}">\n${s.html}</section>\n`
		)
		.join('');
}

/** A document's text as the reader's HTML, or null for an unknown id. */
export function readerBodyHtml(docId: string): string | null {
	if (!readerDocument(docId)) return null;
	return cache.get(cacheKey(docId))!.body;
}

/** The passage around a figure's quote, with the headings it sits under. */
export function figurePassage(f: SiteFigure): Passage | null {
	const doc = DOCUMENTS.find((d) => d.doc_id === f.doc_id);
	if (!doc) return null;
	return passageAround(sourceText(doc).split('\n'), outlineOf(doc.doc_id), f.line, f.quote);
}
