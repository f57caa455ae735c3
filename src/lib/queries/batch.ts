/**
 * Several count queries as one SQL statement: DuckDB-wasm answers each statement in a round
 * trip to its worker, which costs more than counting a small table, so the explorer's seven
 * count queries travel together. Each part is the query's own SQL from `toSql`, unchanged.
 */
import { nullsLast } from './order';
import type { KeyCount, Query, YearCount } from './describe';
import { toSql, type SqlQuery } from './sql';

export type CountQuery = Extract<
	Query,
	{ kind: 'countBy' | 'countByYear' | 'countAll' | 'countUndated' }
>;

/** Queries whose answer is counts alone (the timeline's groups carry lists: a statement of their own). */
export function isCount(q: Query): q is CountQuery {
	return q.kind !== 'rows' && q.kind !== 'comparable' && q.kind !== 'periods';
}

export interface BatchRow {
	q: string;
	per: string | null;
	key: string | null;
	year: number | null;
	n: number;
	/** A year's figures whose time the text states (null for the other counts). */
	stated: number | null;
}

export function countBatchSql(
	named: [string, CountQuery][],
	useCube = false,
	table?: string
): SqlQuery {
	const params: (string | number)[] = [];
	const parts = named.map(([name, query]) => {
		const sql = toSql(query, useCube, table);
		params.push(...sql.params);
		const label = `'${name.replaceAll("'", "''")}'`;
		const per = query.per ? 'per::VARCHAR' : 'NULL::VARCHAR';
		return query.kind === 'countByYear'
			? `SELECT ${label} AS q, ${per} AS per, NULL::VARCHAR AS key, year::INTEGER AS year, n, stated FROM (${sql.text})`
			: `SELECT ${label} AS q, ${per} AS per, key::VARCHAR AS key, NULL::INTEGER AS year, n, NULL::INTEGER AS stated FROM (${sql.text})`;
	});
	// No ORDER BY over the union: sorting a few hundred rows costs less in the page than in
	// DuckDB-wasm (about 0.6 ms a batch there); `splitBatch` puts each answer in its order.
	return { text: parts.join(' UNION ALL '), params };
}

/** DuckDB's ORDER BY on text: byte order (code units for these keys), NULL last. */
const text = (a: string | null, b: string | null) => nullsLast(a, b);
const byKey = (a: BatchRow, b: BatchRow) => text(a.per, b.per) || text(a.key, b.key);
const byYear = (a: BatchRow, b: BatchRow) =>
	text(a.per, b.per) || (a.year as number) - (b.year as number);

/**
 * Splits a batch's rows, which come in no particular order, back into each query's answer,
 * in each query's own order (keys, or years, ascending; by `per` value first where asked).
 */
export function splitBatch(
	named: [string, CountQuery][],
	rows: BatchRow[]
): Record<string, KeyCount[] | YearCount[]> {
	const out: Record<string, KeyCount[] | YearCount[]> = {};
	for (const [name, query] of named) {
		const mine = rows.filter((r) => r.q === name);
		const tag = (r: BatchRow) => (query.per ? { per: r.per as string } : {});
		out[name] =
			query.kind === 'countByYear'
				? mine
						.sort(byYear)
						.map((r) => ({ ...tag(r), year: r.year as number, n: r.n, stated: r.stated ?? 0 }))
				: mine.sort(byKey).map((r) => ({ ...tag(r), key: r.key as string, n: r.n }));
	}
	return out;
}
