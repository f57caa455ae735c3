/**
 * Each explorer query described once, as data. `sql.ts` compiles a description for DuckDB and
 * `../db/instant.ts` runs the same description in TypeScript, so both engines answer alike.
 */
import type { SortKey } from '../state/selection';
import type { Filter, SetField } from './filters';

export type { SortKey };

/**
 * What `per` splits by: a set field (`topics` by each figure's whole list, so the parts stay
 * apart), or a figure's reference time as the text "start-end" (null when it has none), which
 * a year range chooses whole (every figure has one).
 */
export type PerField = SetField | 'period';

/**
 * `per` splits a query's answer by the values of a field, each row tagged with its value (see
 * `view-index.ts`, which adds answers of disjoint values together):
 * - counts: per value, the count under the filters; `countBy` lists every (per, key) pair present
 *   in the table, with 0 where none match, the others only the values with figures;
 * - rows: the first `limit` rows of each value, all in the one sort order;
 * - comparable: the first `perIndicator` figures of each (value, indicator), without the
 *   two-figure rule (two values may each hold one figure of an indicator).
 */
export type Query =
	/** Figures per value of a field, with every key listed even when its count is 0. */
	| { kind: 'countBy'; field: SetField; filters: Filter[]; per?: PerField }
	/**
	 * Figures whose reference time covers each year (a 1990-1999 figure counts in all ten), and
	 * how many of them have a time the text states (`stated`); figures with none left out.
	 */
	| { kind: 'countByYear'; filters: Filter[]; per?: PerField }
	/**
	 * The timeline's marks: the figures grouped by their reference time (first year, last year
	 * and how the time is known), each group with its count and its first figures in source
	 * order, so a million-row table still gives a drawable number of marks; figures with no time
	 * left out.
	 */
	| { kind: 'periods'; filters: Filter[]; per?: PerField }
	/** How many figures pass the filters. */
	| { kind: 'countAll'; filters: Filter[]; per?: PerField }
	/** Figures with no reference time (a reader's rows without a period), for the timeline's note. */
	| { kind: 'countUndated'; filters: Filter[]; per?: PerField }
	/** The figures themselves: every column for exports, or only the table's (`columns: 'table'`). */
	| {
			kind: 'rows';
			filters: Filter[];
			sort: SortKey;
			descending: boolean;
			/** The ids the `headline` order puts first, in rank order (`data/headline.csv`). */
			headline?: readonly string[];
			limit?: number;
			columns?: 'table';
			per?: PerField;
	  }
	/**
	 * Figures of indicators stated two or more times, for the comparison charts: per indicator the
	 * first `perIndicator` in source order, so a million-row table still gives a readable chart.
	 */
	| { kind: 'comparable'; filters: Filter[]; perIndicator: number; per?: PerField };

export interface KeyCount {
	key: string;
	n: number;
	/** The value of the query's `per` field this count is for (null: an undated figure's period). */
	per?: string | null;
}

export interface YearCount {
	year: number;
	n: number;
	/** Of `n`, the figures whose time the text states (`period_basis` = stated). */
	stated: number;
	per?: string | null;
}

/** Figures that share a reference time and how it is known: one group of the timeline. */
export interface PeriodCount {
	ref_start: number;
	ref_end: number;
	/** `stated` in the text, `implied` by it, or the `document_date`. */
	period_basis: string;
	n: number;
	/** The source-order positions of the group's first figures (at most `CUBE_FIRST`), ascending. */
	first: number[];
	per?: string | null;
}

/** A query for the figures themselves. */
export type RowsQuery = Extract<Query, { kind: 'rows' }>;
