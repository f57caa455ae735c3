/**
 * Filters as plain data: what the explorer's selection asks of the table, before either engine
 * turns it into SQL or plain predicates. Fields come from this closed list, never from user text.
 */
import { TOPIC_LABELS, TOPICS } from '../data/schema';
import type { SiteFigure } from '../data/site-table';
import type { Selection } from '../state/selection';
import { LIST_VIEWS, SET_FIELDS, type SetField, type View } from '../state/views';

export { SET_FIELDS, type SetField };

/**
 * Columns the full-text search looks in; it also looks in the topic's label (`TOPIC_LABELS`),
 * since the `topic` column holds codes (`trafficking_victims`) that nobody types.
 */
export const SEARCH_FIELDS = [
	'quote',
	'indicator',
	'geography',
	'speaker',
	'attributed_to',
	'value_text',
	'note',
	'section',
	'doc_short_title',
	'doc_title',
	'doc_publisher'
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export type Filter =
	| { kind: 'in'; field: SetField; values: string[] }
	/** Figures whose reference time (`ref_start`–`ref_end`) overlaps [from, to] (inclusive years). */
	| { kind: 'years'; from: number; to: number }
	/** Every word appears, after `fold`, in one of the search fields or the topic's label. */
	| { kind: 'search'; text: string };

/**
 * The filters a view sees: every clause of the selection except the view's own, so each view
 * keeps showing what else could be chosen (the crossfilter rule, as in Mosaic).
 */
export function filtersFor(sel: Selection, except?: View): Filter[] {
	const out: Filter[] = [];
	for (const v of LIST_VIEWS)
		if (except !== v.key && sel[v.list].length)
			out.push({ kind: 'in', field: v.field, values: sel[v.list] });
	if (except !== 'year' && sel.years)
		out.push({ kind: 'years', from: sel.years[0], to: sel.years[1] });
	if (except !== 'search' && sel.q.trim()) out.push({ kind: 'search', text: sel.q });
	return out;
}

/**
 * Text as a search compares it: lower case, without accents ("MÉXICO" → "mexico", "ñ" → "n").
 * DuckDB folds the table's side with `strip_accents(lower(…))` (see `SEARCH_TEXT_SQL`), so
 * this is written to give what that gives: a capital sigma becomes σ before lowercasing,
 * since JavaScript alone writes ς at the end of a word, and the result is composed again
 * (NFC), since `strip_accents` recomposes what it decomposed (Hangul syllables, for one).
 */
export function fold(text: string): string {
	return text
		.replaceAll('Σ', 'σ')
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.normalize('NFC');
}

/** The words of a search, folded; empty words are dropped. */
export function searchWords(text: string): string[] {
	return fold(text)
		.split(/\s+/)
		.filter((w) => w.length > 0)
		.slice(0, 12);
}

/** The field a list view filters on that holds a list (`a;b`) rather than one value. */
export const LIST_FIELD = 'topics';

/** The values a figure has in a set field: each of its topics, or the one value. */
export function valuesOf(field: SetField, value: string): string[] {
	return field === LIST_FIELD ? value.split(';') : [value];
}

/**
 * What a search looks in for one figure: its search fields and the labels of its topics (in
 * the closed list's order), folded, one per line. A word holds no line break, so it never
 * matches across two fields.
 */
export function searchText(f: Pick<SiteFigure, SearchField | 'topics'>): string {
	const has = (f.topics ?? '').split(';');
	const labels = TOPICS.filter((t) => has.includes(t)).map((t) => TOPIC_LABELS[t]);
	return fold([...SEARCH_FIELDS.map((c) => f[c] ?? ''), ...labels].join('\n'));
}
