/**
 * Filters as plain data: what the explorer's selection asks of the table, before either engine
 * turns it into SQL or plain predicates. Fields come from this closed list, never from user text.
 */

export const SET_FIELDS = ['topic', 'doc_id', 'geo_code', 'indicator'] as const;
export type SetField = (typeof SET_FIELDS)[number];

/** Columns the full-text search looks in. */
export const SEARCH_FIELDS = [
	'quote',
	'indicator',
	'geography',
	'speaker',
	'attributed_to',
	'value_text',
	'note',
	'section'
] as const;

export type Filter =
	| { kind: 'in'; field: SetField; values: string[] }
	/** Figures whose period overlaps [from, to] (inclusive years). */
	| { kind: 'years'; from: number; to: number }
	/** Every word appears, case-insensitively, in one of the search fields. */
	| { kind: 'search'; text: string };

/** The words of a search, lowercased; empty words are dropped. */
export function searchWords(text: string): string[] {
	return text
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => w.length > 0)
		.slice(0, 12);
}
