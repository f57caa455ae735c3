/**
 * Each explorer query described once, as data. `sql.ts` compiles a description for DuckDB and
 * `../db/instant.ts` runs the same description in TypeScript, so both engines answer alike.
 */
import type { Filter, SetField } from './filters';

export type SortKey = 'doc_line' | 'value' | 'period' | 'indicator' | 'geography';

export type Query =
	/** Figures per value of a field, with every key listed even when its count is 0. */
	| { kind: 'countBy'; field: SetField; filters: Filter[] }
	/** Figures whose period covers each year (a 1990-1999 figure counts in all ten); undated left out. */
	| { kind: 'countByYear'; filters: Filter[] }
	/** How many figures pass the filters. */
	| { kind: 'countAll'; filters: Filter[] }
	/** Figures with no period, for the timeline's side note. */
	| { kind: 'countUndated'; filters: Filter[] }
	/** The figures themselves: every column for exports, or only the table's (`columns: 'table'`). */
	| {
			kind: 'rows';
			filters: Filter[];
			sort: SortKey;
			descending: boolean;
			limit?: number;
			columns?: 'table';
	  }
	/**
	 * Figures of indicators stated two or more times, for the comparison charts: per indicator the
	 * first `perIndicator` in source order, so a million-row table still gives a readable chart.
	 */
	| { kind: 'comparable'; filters: Filter[]; perIndicator: number };

export interface KeyCount {
	key: string;
	n: number;
}

export interface YearCount {
	year: number;
	n: number;
}
