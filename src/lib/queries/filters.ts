/**
 * Filters as plain data: what the explorer's selection asks of the table, before either engine
 * turns it into SQL or plain predicates. Fields come from this closed list, never from user text.
 */
import { topicLabels } from '../data/labels';
import { TOPICS, type Topic } from '../data/schema';
import type { SiteFigure } from '../data/site-table';
import type { Selection } from '../state/selection';
import { LIST_VIEWS, SET_FIELDS, type SetField, type View } from '../state/views';

export { SET_FIELDS, type SetField };

/**
 * Columns the full-text search looks in: the figure's own words and its document's short name,
 * and the same words in the site's other language (`other_language_text`), so that `remesas`
 * finds the remittances on the English edition and `remittances` on the Spanish one. It also
 * looks in the labels of its topics in both languages (`SEARCH_TOPIC_LABELS`), since the
 * `topics` column holds codes (`trafficking_victims`) that nobody types. A document's full title and publisher are
 * not searched: a word of one title (the 2002 conference's names trafficking) would return every
 * figure of that document, 64 of 102, and bury the figures that speak of it; the document view
 * chooses documents.
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
	'other_language_text'
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
 * The topics' labels a search looks in, in this order: every topic's English label in the
 * closed list's order, then every Spanish one (labels.ts). Both engines write a figure's
 * labels from this one list (`searchText`, `SEARCH_TEXT_SQL`).
 */
export const SEARCH_TOPIC_LABELS: readonly (readonly [Topic, string])[] = (
	['en', 'es'] as const
).flatMap((locale) => TOPICS.map((t) => [t, topicLabels(locale)[t]] as const));

/**
 * What a search looks in for one figure: its search fields and the labels of its topics in
 * both languages (`SEARCH_TOPIC_LABELS`), folded, one per line. A word holds no line break,
 * so it never matches across two fields.
 */
export function searchText(f: Pick<SiteFigure, SearchField | 'topics'>): string {
	const has = (f.topics ?? '').split(';');
	const labels = SEARCH_TOPIC_LABELS.filter(([t]) => has.includes(t)).map(([, label]) => label);
	return fold([...SEARCH_FIELDS.map((c) => f[c] ?? ''), ...labels].join('\n'));
}
