/**
 * The source line under a chart, in an embed and on a chart image: the documents the chart's
 * figures come from (with who presented them, when they are few) and the data's version.
 * Pure; never shortened, since a line cut short no longer says where a number comes from.
 */
import type { DocumentRow } from '../data/schema';
import type { SiteFigure } from '../data/site-table';
import { DATA_VERSION } from '../data/version';
import { matches } from '../db/instant';
import { filtersFor, searchText } from '../queries/filters';
import type { Selection, View } from '../state/selection';
import { m } from '$lib/paraglide/messages';

/** Speakers are named when the figures have at most this many in all. */
export const FEW_SPEAKERS = 3;

export interface SourceOptions {
	/** The data's version, named at the end. */
	version?: string;
}

type Sourced = Pick<SiteFigure, 'doc_id' | 'speaker'>;

/** The documents of `figures`, in the documents' order, each with its speakers when few. */
export function sourceParts(figures: Sourced[], documents: DocumentRow[]): string[] {
	const docs = documents.filter((d) => figures.some((f) => f.doc_id === d.doc_id));
	const speakersOf = (docId: string) => [
		...new Set(figures.filter((f) => f.doc_id === docId && f.speaker).map((f) => f.speaker))
	];
	const few = new Set(figures.map((f) => f.speaker).filter(Boolean)).size <= FEW_SPEAKERS;
	return docs.map((d) => {
		const speakers = few ? speakersOf(d.doc_id) : [];
		const by = speakers.length
			? m.explorer_source_presented({ speakers: speakers.join(', ') })
			: '';
		return `${d.short_title} (${d.publisher})${by}`;
	});
}

/** "Source: Hemispheric Conference 2002 (ECLAC and IOM). Figures as printed, compiled by Cifras (data version …)." */
export function sourceLine(
	figures: Sourced[],
	documents: DocumentRow[],
	{ version = DATA_VERSION.version }: SourceOptions = {}
): string {
	const parts = sourceParts(figures, documents);
	return parts.length
		? m.explorer_source_line({ parts: parts.join('; '), version })
		: m.explorer_source_none({ version });
}

/** Which part of the selection a chart ignores (its own: each view shows what the others leave). */
const CHART_VIEW = {
	topic: 'topic',
	doc: 'doc',
	year: 'year',
	map: 'geo'
} as const satisfies Record<string, View>;

/** The figures a linked chart counts under a selection: every filter but its own. */
export function chartFigures<T extends SiteFigure>(
	figures: T[],
	sel: Selection,
	chart: keyof typeof CHART_VIEW
): T[] {
	const test = matches<T>(filtersFor(sel, CHART_VIEW[chart]), (words) => (f) => {
		const text = searchText(f);
		return words.every((w) => text.includes(w));
	});
	return figures.filter(test);
}

/** The source line of a linked chart under a selection. */
export function chartSource(
	figures: SiteFigure[],
	documents: DocumentRow[],
	sel: Selection,
	chart: keyof typeof CHART_VIEW,
	options?: SourceOptions
): string {
	return sourceLine(chartFigures(figures, sel, chart), documents, options);
}
