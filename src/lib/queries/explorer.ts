/** The explorer's queries for one selection: one per linked view, the table and comparisons. */
import type { CompareFigure, TableFigure } from '../data/site-table';
import type { Selection } from '../state/selection';
import { HEADLINE } from '../data/generated/headline';
import { filtersFor } from './filters';
import { COMPARE_LIMIT } from './limits';
import type { KeyCount, PeriodCount, Query, YearCount } from './describe';

/** The table shows this many rows at first, and this many more each time a reader asks. */
export const TABLE_PAGE = 25;
/** The table never shows more than this; exports take the whole filtered table. */
export const TABLE_MAX = 1000;
export { COMPARE_LIMIT };
/** Figure cards the first screen shows (the headline figures first, then source order). */
export const CARD_COUNT = 12;
/** Comparison charts drawn at first (the curated figures have fewer); the rest on request. */
export const COMPARE_PAGE = 16;

export function explorerQueries(sel: Selection, tableLimit = TABLE_PAGE) {
	return {
		topics: { kind: 'countBy', field: 'topics', filters: filtersFor(sel, 'topic') },
		docs: { kind: 'countBy', field: 'doc_id', filters: filtersFor(sel, 'doc') },
		geos: { kind: 'countBy', field: 'geo_code', filters: filtersFor(sel, 'geo') },
		years: { kind: 'countByYear', filters: filtersFor(sel, 'year') },
		periods: { kind: 'periods', filters: filtersFor(sel, 'year') },
		undated: { kind: 'countUndated', filters: filtersFor(sel, 'year') },
		total: { kind: 'countAll', filters: filtersFor(sel) },
		rows: {
			kind: 'rows',
			filters: filtersFor(sel),
			sort: sel.sort,
			descending: sel.desc,
			limit: Math.min(TABLE_MAX, Math.max(1, Math.floor(tableLimit))),
			columns: 'table'
		},
		// The figures as cards: the same filters as the table, the editor's headline figures first.
		cards: {
			kind: 'rows',
			filters: filtersFor(sel),
			sort: 'headline',
			descending: false,
			headline: HEADLINE,
			limit: CARD_COUNT,
			columns: 'table'
		},
		comparable: {
			kind: 'comparable',
			filters: filtersFor(sel, 'indicator'),
			perIndicator: COMPARE_LIMIT
		},
		indicators: { kind: 'countBy', field: 'indicator', filters: filtersFor(sel, 'indicator') }
	} satisfies Record<string, Query>;
}

export interface ExplorerResult {
	topics: KeyCount[];
	docs: KeyCount[];
	geos: KeyCount[];
	years: YearCount[];
	/** The timeline's groups of figures, ignoring the selected years like the year counts. */
	periods: PeriodCount[];
	undated: number;
	total: number;
	rows: TableFigure[];
	/** The first figures to show as cards, headline figures first. */
	cards: TableFigure[];
	comparable: CompareFigure[];
	/** Figures per indicator, to say how many a capped comparison chart leaves out. */
	indicators: KeyCount[];
}
