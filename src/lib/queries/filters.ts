/**
 * Filters as plain data: what the explorer's selection asks of the table, before either engine
 * turns it into SQL or plain predicates. Fields come from this closed list, never from user text.
 */
import { TOPIC_LABELS, type Topic } from '../data/schema';
import type { SiteFigure } from '../data/site-table';

export const SET_FIELDS = ['topic', 'doc_id', 'geo_code', 'indicator'] as const;
export type SetField = (typeof SET_FIELDS)[number];

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
	/** Figures whose period overlaps [from, to] (inclusive years). */
	| { kind: 'years'; from: number; to: number }
	/** Every word appears, after `fold`, in one of the search fields or the topic's label. */
	| { kind: 'search'; text: string };

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

/**
 * What a search looks in for one figure: its search fields and its topic's label, folded, one
 * per line. A word holds no line break, so it never matches across two fields.
 */
export function searchText(f: Pick<SiteFigure, SearchField | 'topic'>): string {
	const label = Object.hasOwn(TOPIC_LABELS, f.topic) ? TOPIC_LABELS[f.topic as Topic] : '';
	return fold([...SEARCH_FIELDS.map((c) => f[c] ?? ''), label].join('\n'));
}
