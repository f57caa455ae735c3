/**
 * Compiles a query description to DuckDB SQL with bound parameters. Identifiers come only from
 * the closed field lists in `filters.ts`; every value a user chose is a parameter.
 */
import type { PerField, Query, SortKey } from './describe';
import {
	LIST_FIELD,
	SEARCH_FIELDS,
	SEARCH_TOPIC_LABELS,
	searchWords,
	type Filter
} from './filters';
import { CUBE_DIMS, CUBE_FIRST, cubeAnswers, searches } from './plan';

export { CUBE_DIMS, CUBE_FIRST };
import { COMPARE_COLUMNS, TABLE_COLUMNS } from '../data/site-table';

export interface SqlQuery {
	text: string;
	params: (string | number)[];
}

export const TABLE = 'figures';

/** A figure's topics as a list (the column holds their codes, `a;b`). */
const TOPIC_LIST_SQL = `string_split(${LIST_FIELD}, ';')`;

/**
 * The labels of a figure's topics in both languages, in the order of `SEARCH_TOPIC_LABELS`
 * (NULL for a topic it does not have, which `concat_ws` skips), for the search.
 */
const TOPIC_LABELS_SQL = SEARCH_TOPIC_LABELS.map(
	([t, label]) =>
		`CASE WHEN list_contains(${TOPIC_LIST_SQL}, ${sqlLiteral(t)}) THEN ${sqlLiteral(label)} END`
);

/**
 * `searchText` (see `filters.ts`) in SQL, to the character: the search fields (empty for NULL,
 * as a file's empty cell may be) and the labels of the figure's topics, one per line, folded.
 * `strip_accents` removes the marks of the decomposed text and composes it again.
 */
export const SEARCH_TEXT_SQL = `strip_accents(lower(concat_ws(chr(10), ${[...SEARCH_FIELDS.map((c) => `coalesce(${c}, '')`), ...TOPIC_LABELS_SQL].join(', ')})))`;

/**
 * Where a search looks for its words:
 * - `cells`: in the cells of the search cube (`searchCubeSql`), whose text is folded already;
 * - `{ cube }`: in the table's rows, as the positions of the matching cells of that search cube;
 * - `fold`: in the table's rows, folding each row's fields: what the search cube saves a query
 *   from doing (the parity test asks both ways).
 */
export type SearchOn = 'cells' | 'fold' | { cube: string };

export function whereClause(filters: Filter[], search: SearchOn = 'fold'): SqlQuery {
	const parts: string[] = [];
	const params: (string | number)[] = [];
	for (const f of filters) {
		if (f.kind === 'in') {
			if (f.values.length === 0) continue;
			const marks = f.values.map(() => '?').join(', ');
			// A figure on several topics is found by any of them.
			parts.push(
				f.field === LIST_FIELD
					? `list_has_any(${TOPIC_LIST_SQL}, [${marks}])`
					: `${f.field} IN (${marks})`
			);
			params.push(...f.values);
		} else if (f.kind === 'years') {
			parts.push('(ref_start <= ? AND ref_end >= ?)');
			params.push(f.to, f.from);
		} else {
			const words = searchWords(f.text);
			if (!words.length) continue;
			// `contains`, not LIKE: a word is plain text, so `%` and `_` mean themselves.
			const text = search === 'fold' ? SEARCH_TEXT_SQL : 'search_text';
			const all = words.map(() => `contains(${text}, ?)`).join(' AND ');
			parts.push(
				typeof search === 'object'
					? `source_order IN (SELECT unnest(orders) FROM ${search.cube} WHERE ${all})`
					: `(${all})`
			);
			params.push(...words);
		}
	}
	return { text: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** One value as a DuckDB literal. Strings are quoted with '' doubled (DuckDB reads no backslash escapes). */
export function sqlLiteral(v: string | number): string {
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) throw new Error(`Not a finite number: ${v}`);
		return String(v);
	}
	return `'${v.replaceAll('\0', '').replaceAll("'", "''")}'`;
}

/**
 * The statement with its parameters written in as literals: DuckDB-wasm then answers in one
 * worker round trip instead of three (prepare, run, close). Placeholders are the `?` outside
 * quoted literals; the statement's own text never comes from a user.
 */
export function inlineParams({ text, params }: SqlQuery): string {
	let out = '';
	let next = 0;
	let quoted = false;
	for (const ch of text) {
		if (ch === "'") quoted = !quoted;
		if (ch === '?' && !quoted) {
			if (next >= params.length) throw new Error('More placeholders than parameters');
			out += sqlLiteral(params[next++]!);
		} else out += ch;
	}
	if (next !== params.length) throw new Error('More parameters than placeholders');
	return out;
}

/** The ORDER BY of the table's sort, ties broken alike on every engine. */
export const orderBy = (
	sort: SortKey,
	descending: boolean,
	headline: readonly string[] = []
): string => ORDER[sort](descending, headline);

/**
 * The `headline` order's ranked ids as a list literal: curated slugs (checked by
 * `verify:data`), checked again here so that nothing but a slug is ever written into SQL.
 */
const slugList = (ids: readonly string[]) =>
	`[${ids
		.map((id) => {
			if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`Not a figure id: ${JSON.stringify(id)}`);
			return `'${id}'`;
		})
		.join(', ')}]`;

const ORDER: Record<SortKey, (desc: boolean, headline: readonly string[]) => string> = {
	doc_line: (d) => `source_order ${d ? 'DESC' : 'ASC'}`,
	headline: (d, ids) =>
		`${ids.length ? `coalesce(list_position(${slugList(ids)}, figure_id), ${ids.length + 1}) ${d ? 'DESC' : 'ASC'}, ` : ''}source_order ${d ? 'DESC' : 'ASC'}`,
	value: (d) => `coalesce(value, high) ${d ? 'DESC' : 'ASC'} NULLS LAST, figure_id, source_order`,
	period: (d) => `ref_start ${d ? 'DESC' : 'ASC'} NULLS LAST, ref_end, figure_id, source_order`,
	indicator: (d) => `indicator ${d ? 'DESC' : 'ASC'}, figure_id, source_order`,
	geography: (d) => `geography ${d ? 'DESC' : 'ASC'}, figure_id, source_order`
};

/**
 * A data cube of the table: one row per combination of the columns the explorer filters on,
 * with its count and the first figures of the combination in source order. Counting on it
 * instead of on every figure is what keeps a million-row table interactive (the idea of
 * Mosaic's pre-aggregated indexes); it answers every query that has no full-text search, and
 * the search cube below those that have one.
 */
export const CUBE = 'figures_cube';

/** The cube of a table: `figures_cube` for `figures`, `<table>_cube` for another. */
export function cubeOf(table: string): string {
	return table === TABLE ? CUBE : `${table}_cube`;
}

/** @param table a table of the served table's columns (`figures`, or the explorer's table with the user's rows) */
export function cubeSql(table = TABLE): string {
	return `CREATE OR REPLACE TABLE ${cubeOf(table)} AS SELECT ${CUBE_DIMS.join(', ')}, count(*)::INTEGER AS n, min(source_order, ${CUBE_FIRST}) AS first FROM ${table} GROUP BY ALL`;
}

/**
 * The search cube: the data cube with the folded search text of each cell's figures as one
 * more dimension, and every position besides the first. A search is then matched against the
 * cells' few distinct texts (612 at a million synthetic rows), folded once when the table is
 * loaded, instead of every row's: `strip_accents` over every row took DuckDB-wasm about a
 * second a statement at 100,000 rows. A query that needs the rows themselves takes the
 * matching cells' positions (`orders`). Kept apart from the cube, whose cells would otherwise
 * be as many as the distinct texts even with no search.
 */
export function searchCubeOf(table: string): string {
	return `${table}_search_cube`;
}

/** @param table a table of the served table's columns, as for `cubeSql` */
export function searchCubeSql(table = TABLE): string {
	return `CREATE OR REPLACE TABLE ${searchCubeOf(table)} AS SELECT ${CUBE_DIMS.join(', ')}, ${SEARCH_TEXT_SQL} AS search_text, count(*)::INTEGER AS n, min(source_order, ${CUBE_FIRST}) AS first, list(source_order) AS orders FROM ${table} GROUP BY ${[...CUBE_DIMS, ...SEARCH_FIELDS].join(', ')}`;
}

// Ties end on source_order: a user's rows may repeat a figure_id (their own copy of figures.csv).
const ORDER_COMPARABLE = 'indicator, unit, ref_start NULLS LAST, figure_id, source_order';

/** The SQL of a `per` split: a column, or a figure's reference time as "start-end" (NULL when none). */
function perSql(per: PerField): string {
	return per === 'period' ? `(ref_start::VARCHAR || '-' || ref_end::VARCHAR)` : per;
}

/**
 * @param useCube answer from the cube (`cubeSql`) where `cubeAnswers` says it can; the answers
 *   are the same either way (the parity test checks both).
 * @param table the table to query, `figures` unless the explorer shows the user's rows too
 */
export function toSql(q: Query, useCube = false, table = TABLE): SqlQuery {
	const cube = useCube && cubeAnswers(q);
	const w = whereClause(
		q.filters,
		cube ? 'cells' : useCube ? { cube: searchCubeOf(table) } : 'fold'
	);
	const cubeTable = searches(q) ? searchCubeOf(table) : cubeOf(table);
	const from = cube ? cubeTable : table;
	const count = cube ? 'sum(n)' : 'count(*)';
	const limitOf = (n: number) => Math.max(0, Math.floor(n));
	// With `per` (see `describe.ts`), every answer also groups by that field, named `per`.
	const split = q.per && perSql(q.per);
	const per = split ? `${split} AS per, ` : '';
	const groupPer = q.per ? ' GROUP BY per' : '';
	const orderPer = q.per ? 'per, ' : '';
	switch (q.kind) {
		case 'countBy': {
			// A figure on several topics counts under each.
			const keyed =
				q.field === LIST_FIELD ? `(SELECT *, unnest(${TOPIC_LIST_SQL}) AS key FROM ${from})` : from;
			const key = q.field === LIST_FIELD ? 'key' : q.field;
			return {
				text: `SELECT ${per}${key} AS key, coalesce(${count} FILTER (WHERE ${w.text}), 0)::INTEGER AS n FROM ${keyed} GROUP BY ${orderPer}${key} ORDER BY ${orderPer}key`,
				params: w.params
			};
		}
		case 'countByYear':
			return {
				text: `SELECT ${orderPer}year, ${count}::INTEGER AS n, coalesce(${count} FILTER (WHERE period_basis = 'stated'), 0)::INTEGER AS stated FROM (SELECT ${per}unnest(range(ref_start, ref_end + 1)) AS year, period_basis${cube ? ', n' : ''} FROM ${from} WHERE ref_start IS NOT NULL AND ${w.text}) GROUP BY ${orderPer}year ORDER BY ${orderPer}year`,
				params: w.params
			};
		case 'periods': {
			const first = cube
				? `list_sort(flatten(list(first)))[1:${CUBE_FIRST}]`
				: `list_sort(min(source_order, ${CUBE_FIRST}))`;
			const dims = 'ref_start, ref_end, period_basis';
			return {
				text: `SELECT ${per}${dims}, ${count}::INTEGER AS n, ${first} AS first FROM ${from} WHERE ref_start IS NOT NULL AND ${w.text} GROUP BY ${orderPer}${dims} ORDER BY ${orderPer}${dims}`,
				params: w.params
			};
		}
		case 'countAll':
			return {
				text: `SELECT ${per}'all' AS key, coalesce(${count}, 0)::INTEGER AS n FROM ${from} WHERE ${w.text}${groupPer}${q.per ? ' ORDER BY per' : ''}`,
				params: w.params
			};
		case 'countUndated':
			return {
				text: `SELECT ${per}'undated' AS key, coalesce(${count}, 0)::INTEGER AS n FROM ${from} WHERE ref_start IS NULL AND ${w.text}${groupPer}${q.per ? ' ORDER BY per' : ''}`,
				params: w.params
			};
		case 'rows': {
			const order = ORDER[q.sort](q.descending, q.headline ?? []);
			// The explorer's table with the user's rows (any table but `figures`) names their source.
			const select =
				(q.columns === 'table'
					? [...TABLE_COLUMNS, ...(table === TABLE ? [] : ['user_source'])].join(', ')
					: '*') + (split ? `, ${split} AS per` : '');
			if (q.per && q.limit !== undefined && cube)
				return {
					text: `SELECT ${select} FROM ${table} WHERE source_order IN (SELECT unnest(list_sort(flatten(list(first)))[1:${limitOf(q.limit)}]) FROM ${cubeTable} WHERE ${w.text} GROUP BY ${split}) ORDER BY ${order}`,
					params: w.params
				};
			if (q.limit !== undefined && cube)
				return {
					text: `SELECT ${select} FROM ${table} WHERE source_order IN (SELECT unnest(list_sort(flatten(list(first)))[1:${limitOf(q.limit)}]) FROM ${cubeTable} WHERE ${w.text}) ORDER BY ${order}`,
					params: w.params
				};
			if (q.per && q.limit !== undefined)
				return {
					text: `SELECT ${select} FROM ${table} WHERE ${w.text} QUALIFY row_number() OVER (PARTITION BY ${split} ORDER BY ${order}) <= ${limitOf(q.limit)} ORDER BY ${order}`,
					params: w.params
				};
			if (q.limit === undefined)
				return {
					text: `SELECT ${select} FROM ${table} WHERE ${w.text} ORDER BY ${order}`,
					params: w.params
				};
			const limit = limitOf(q.limit);
			// The table is stored in source order (see DuckDbEngine.create), so the first page in
			// that order is the first matching rows: the scan stops as soon as it has them.
			if (q.sort === 'doc_line' && !q.descending)
				return {
					text: `SELECT ${select} FROM (SELECT * FROM ${table} WHERE ${w.text} LIMIT ${limit}) ORDER BY ${order}`,
					params: w.params
				};
			// Otherwise choose the page's positions first, then fetch only those rows: sorting
			// whole rows of a large table costs far more than sorting its keys.
			return {
				text: `SELECT ${select} FROM ${table} WHERE source_order IN (SELECT source_order FROM ${table} WHERE ${w.text} ORDER BY ${order} LIMIT ${limit}) ORDER BY ${order}`,
				params: w.params
			};
		}
		case 'comparable': {
			const k = limitOf(q.perIndicator);
			const groups = split ? `${split}, indicator` : 'indicator';
			const firsts = cube
				? `SELECT unnest(list_sort(flatten(list(first)))[1:${k}]) FROM ${cubeTable} WHERE ${w.text} GROUP BY ${groups}${q.per ? '' : ' HAVING sum(n) >= 2'}`
				: `SELECT unnest(min(source_order, ${k})) FROM ${table} WHERE ${w.text} GROUP BY ${groups}${q.per ? '' : ' HAVING count(*) >= 2'}`;
			return {
				text: `SELECT ${COMPARE_COLUMNS.join(', ')}${split ? `, ${split} AS per` : ''} FROM ${table} WHERE source_order IN (${firsts}) ORDER BY ${ORDER_COMPARABLE}`,
				params: w.params
			};
		}
	}
}
