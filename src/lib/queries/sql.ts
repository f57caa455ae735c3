/**
 * Compiles a query description to DuckDB SQL with bound parameters. Identifiers come only from
 * the closed field lists in `filters.ts`; every value a user chose is a parameter.
 */
import type { Query, SortKey } from './describe';
import { SEARCH_FIELDS, searchWords, type Filter } from './filters';

export interface SqlQuery {
	text: string;
	params: (string | number)[];
}

export const TABLE = 'figures';

export function whereClause(filters: Filter[]): SqlQuery {
	const parts: string[] = [];
	const params: (string | number)[] = [];
	for (const f of filters) {
		if (f.kind === 'in') {
			if (f.values.length === 0) continue;
			parts.push(`${f.field} IN (${f.values.map(() => '?').join(', ')})`);
			params.push(...f.values);
		} else if (f.kind === 'years') {
			parts.push('(period_start <= ? AND period_end >= ?)');
			params.push(f.to, f.from);
		} else {
			for (const word of searchWords(f.text)) {
				parts.push(`(${SEARCH_FIELDS.map((c) => `contains(lower(${c}), ?)`).join(' OR ')})`);
				params.push(...SEARCH_FIELDS.map(() => word));
			}
		}
	}
	return { text: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

const ORDER: Record<SortKey, (desc: boolean) => string> = {
	doc_line: (d) => `doc_date ${d ? 'DESC' : 'ASC'}, doc_id, line, figure_id`,
	value: (d) => `coalesce(value, high) ${d ? 'DESC' : 'ASC'} NULLS LAST, figure_id`,
	period: (d) => `period_start ${d ? 'DESC' : 'ASC'} NULLS LAST, period_end, figure_id`,
	indicator: (d) => `indicator ${d ? 'DESC' : 'ASC'}, figure_id`,
	geography: (d) => `geography ${d ? 'DESC' : 'ASC'}, figure_id`
};

export function toSql(q: Query): SqlQuery {
	const w = whereClause(q.filters);
	switch (q.kind) {
		case 'countBy':
			return {
				text: `SELECT ${q.field} AS key, count(*) FILTER (WHERE ${w.text})::INTEGER AS n FROM ${TABLE} GROUP BY ${q.field} ORDER BY key`,
				params: w.params
			};
		case 'countByYear':
			return {
				text: `SELECT year, count(*)::INTEGER AS n FROM (SELECT unnest(range(period_start, period_end + 1)) AS year FROM ${TABLE} WHERE period_start IS NOT NULL AND ${w.text}) GROUP BY year ORDER BY year`,
				params: w.params
			};
		case 'countAll':
			return {
				text: `SELECT 'all' AS key, count(*)::INTEGER AS n FROM ${TABLE} WHERE ${w.text}`,
				params: w.params
			};
		case 'countUndated':
			return {
				text: `SELECT 'undated' AS key, count(*)::INTEGER AS n FROM ${TABLE} WHERE period_start IS NULL AND ${w.text}`,
				params: w.params
			};
		case 'rows': {
			const limit = q.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(q.limit))}`;
			return {
				text: `SELECT * FROM ${TABLE} WHERE ${w.text} ORDER BY ${ORDER[q.sort](q.descending)}${limit}`,
				params: w.params
			};
		}
		case 'comparable':
			return {
				text: `SELECT * FROM ${TABLE} WHERE ${w.text} AND indicator IN (SELECT indicator FROM ${TABLE} WHERE ${w.text} GROUP BY indicator HAVING count(*) >= 2) ORDER BY indicator, unit, period_start NULLS LAST, figure_id`,
				params: [...w.params, ...w.params]
			};
	}
}
