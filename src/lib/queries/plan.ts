/**
 * Which queries the data cubes answer (see `cubeSql` and `searchCubeSql` in `sql.ts`): the plan
 * both engines follow, so each answers from its cube exactly where the other does.
 */
import type { Query } from './describe';

/** The cube's dimensions: the columns the explorer filters on. */
export const CUBE_DIMS = [
	'topics',
	'doc_id',
	'geo_code',
	'indicator',
	'ref_start',
	'ref_end',
	'period_basis'
] as const;
/** How many source-order positions each cube cell keeps: enough for a comparison chart. */
export const CUBE_FIRST = 50;

/** Whether a query has a search, which the search cube answers instead of the cube. */
export function searches(q: Query): boolean {
	return q.filters.some((f) => f.kind === 'search');
}

/** Whether the cube (or, for a search, the search cube) can answer a query exactly. */
export function cubeAnswers(q: Query): boolean {
	// A first page in source order is found among the cells' first positions: per value, for
	// an index (a million-row index in tens of milliseconds instead of a window over every
	// row), or a search's (instead of the table's rows joined with every matching position).
	if (q.kind === 'rows')
		return (
			(q.per !== undefined || searches(q)) &&
			q.sort === 'doc_line' &&
			!q.descending &&
			q.limit !== undefined &&
			q.limit <= CUBE_FIRST
		);
	if (q.kind === 'comparable') return q.perIndicator <= CUBE_FIRST;
	return true;
}
