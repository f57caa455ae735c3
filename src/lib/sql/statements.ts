/**
 * What the workbench does with the text in the editor: a single query is kept whole in DuckDB
 * (so its result can be paged, sorted and exported without coming to JavaScript), anything else
 * runs as it is typed. Only reads the text; never rewrites what the user wrote.
 */

/** The text's statements, split at semicolons outside quotes and comments, blank ones dropped. */
export function splitStatements(sql: string): string[] {
	const out: string[] = [];
	let start = 0;
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i]!;
		if (ch === "'" || ch === '"') {
			const end = sql.indexOf(ch, i + 1);
			i = end < 0 ? sql.length : end + 1;
		} else if (ch === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			i = end < 0 ? sql.length : end + 1;
		} else if (ch === '/' && sql[i + 1] === '*') {
			const end = sql.indexOf('*/', i + 2);
			i = end < 0 ? sql.length : end + 2;
		} else if (ch === ';') {
			out.push(sql.slice(start, i));
			start = ++i;
		} else i++;
	}
	out.push(sql.slice(start));
	return out.filter((s) => stripComments(s).trim() !== '');
}

function stripComments(sql: string): string {
	return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

const QUERY_START = /^\(*\s*(SELECT|WITH|FROM|VALUES|TABLE|PIVOT|UNPIVOT)\b/i;

/** Whether the text is one query whose rows can be kept as a table (not DDL, not a script). */
export function isSingleQuery(sql: string): boolean {
	const statements = splitStatements(sql);
	return statements.length === 1 && QUERY_START.test(stripComments(statements[0]!).trim());
}

/** A column name as a quoted SQL identifier. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

export interface PageRequest {
	offset: number;
	limit: number;
	sort?: { column: string; desc: boolean };
}

/**
 * One page of a kept result, sorted in DuckDB so the order covers every row, not one page. Ties
 * keep the result's own order (its row ids), so consecutive pages never repeat or skip a row.
 */
export function pageSql(table: string, { offset, limit, sort }: PageRequest, select = '*'): string {
	const order = sort
		? ` ORDER BY ${quoteIdent(sort.column)} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, rowid`
		: '';
	return `SELECT ${select} FROM ${table}${order} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`;
}
