/** The one interface the explorer queries through, whichever engine answers. */
import type { KeyCount, PeriodCount, Query, YearCount } from '../queries/describe';
import type { CompareFigure, SiteFigure, TableFigure } from '../data/site-table';

export type ResultOf<Q extends Query> = Q extends { kind: 'countBy' | 'countUndated' | 'countAll' }
	? KeyCount[]
	: Q extends { kind: 'countByYear' }
		? YearCount[]
		: Q extends { kind: 'periods' }
			? PeriodCount[]
			: Q extends { kind: 'comparable' }
				? CompareFigure[]
				: Q extends { columns: 'table' }
					? TableFigure[]
					: SiteFigure[];

export type ResultsOf<T extends Record<string, Query>> = { [K in keyof T]: ResultOf<T[K]> };

export interface Engine {
	readonly name: 'duckdb' | 'instant';
	run<Q extends Query>(q: Q): Promise<ResultOf<Q>>;
	/** Several queries at once, answered as `run` would answer each. */
	runAll<T extends Record<string, Query>>(queries: T): Promise<ResultsOf<T>>;
}
