/**
 * `data/uncurated.csv`: every number in a source text that is not a curated figure, with the
 * reason it is not one, from a closed list. `verify:data` checks that each number in each text
 * is either a figure or listed here (`coverage.ts`); the reader shows the reason beside it.
 */
import type { ColumnSpec } from './schema';

export const UNCURATED_REASONS = [
	'date',
	'list_number',
	'page_furniture',
	'symbol',
	'citation',
	'contact',
	'meeting_logistics',
	'ordinal',
	'duration',
	'age_or_threshold',
	'biographical',
	'vague_quantity',
	'count_of_items',
	'not_a_quantity',
	'name',
	'part_of_figure',
	'to_curate'
] as const;
export type UncuratedReason = (typeof UNCURATED_REASONS)[number];

/** How the reader names each reason: [one, many] for the coverage line, and what it means. */
export const REASON_LABELS: Record<UncuratedReason, { one: string; many: string; means: string }> = {
	date: { one: 'date', many: 'dates', means: 'a year, a date or a period of time' },
	list_number: {
		one: 'list number',
		many: 'list numbers',
		means: 'numbers a list item, paragraph, heading, figure or footnote'
	},
	page_furniture: {
		one: 'page number',
		many: 'page numbers and running heads',
		means: 'a page number or running head of the printed edition'
	},
	symbol: {
		one: 'symbol',
		many: 'symbols and article numbers',
		means: 'a document symbol, series number, or the number of a resolution, article, convention or law'
	},
	meeting_logistics: {
		one: 'meeting logistics',
		many: 'meeting logistics',
		means:
			'attendance, days, sessions, times or format of the meeting that produced the document (or of a meeting it describes), not a programme’s outputs'
	},
	citation: {
		one: 'citation detail',
		many: 'citation details',
		means: 'part of a bibliographic reference: a publication’s symbol, sales number, price, volume, issue or pages'
	},
	contact: { one: 'contact detail', many: 'contact details', means: 'a postal box, telephone or fax number' },
	ordinal: { one: 'ordinal', many: 'ordinals', means: 'an edition or a rank (“the 6th Conference”), not a count' },
	duration: { one: 'duration', many: 'durations', means: 'a length of time of no policy weight' },
	age_or_threshold: {
		one: 'age or threshold',
		many: 'ages and thresholds',
		means: 'an age or limit in a definition or a rule (“under 18 years of age”), not a measurement'
	},
	biographical: {
		one: 'biographical detail',
		many: 'biographical details',
		means: 'about a participant’s career (years of experience, books written), not about migration'
	},
	vague_quantity: {
		one: 'vague quantity',
		many: 'vague quantities',
		means: 'a quantity without a value (“thousands of”)'
	},
	count_of_items: {
		one: 'count of items',
		many: 'counts of items',
		means: 'counts things the text itself names or lists there (“the following three themes”)'
	},
	not_a_quantity: {
		one: 'not a quantity',
		many: 'words that are not quantities',
		means: 'a number word used as a word (“one another”, “third countries”)'
	},
	name: { one: 'name', many: 'names', means: 'part of a proper name or title (“Group of 77”)' },
	part_of_figure: {
		one: 'part of a figure',
		many: 'parts of figures',
		means: 'how a curated figure is stated (its period or base), not a figure of its own; the note names the figure'
	},
	to_curate: {
		one: 'to curate',
		many: 'to curate',
		means: 'should become a curated figure; verify:data warns until it is one'
	}
};

export const UNCURATED_COLUMNS: ColumnSpec[] = [
	{ name: 'doc_id', type: 'slug', required: true },
	{ name: 'line', type: 'int', required: true },
	{ name: 'number', type: 'text', required: true },
	{ name: 'reason', type: 'code', required: true },
	{ name: 'note', type: 'text', required: false }
];

export interface UncuratedRow {
	doc_id: string;
	line: number;
	/** The number as printed, whitespace collapsed: "22nd", "13%", "56/203". */
	number: string;
	reason: UncuratedReason;
	note: string;
}
