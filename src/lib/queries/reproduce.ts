/**
 * The explorer's view as code that reproduces it outside the browser: the SQL it runs for the
 * whole filtered table (the export's query, `exportQuery`), compiled by `sql.ts` with the
 * values written in, over `figures.parquet` at its public address — for DuckDB's command line,
 * and wrapped in short Python and R. Readable: one condition a line, no cube, and a search
 * folds each figure's text once, in a named column, as the explorer's search does.
 */
import type { RowsQuery } from './describe';
import { inlineParams, orderBy, SEARCH_TEXT_SQL, TABLE, whereClause } from './sql';

export interface ReproduceOptions {
	/** The absolute address of `figures.parquet`. */
	parquetUrl: string;
	/** The data's version, named in a comment. */
	version: string;
	/** The view in words, for the comment. */
	description: string;
}

/** Splits `a AND b AND (c AND d)` at its top-level ANDs, outside quotes and parentheses. */
function conditions(where: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let quoted = false;
	let start = 0;
	for (let i = 0; i < where.length; i++) {
		const ch = where[i];
		if (ch === "'") quoted = !quoted;
		else if (!quoted && ch === '(') depth++;
		else if (!quoted && ch === ')') depth--;
		else if (!quoted && depth === 0 && where.startsWith(' AND ', i)) {
			out.push(where.slice(start, i));
			start = i + 5;
			i += 4;
		}
	}
	out.push(where.slice(start));
	return out;
}

/** The search's text expression, one field a line (it holds no user text). */
const readable = (expr: string) =>
	expr
		.replaceAll(', coalesce(', ',\n    coalesce(')
		.replace('concat_ws(chr(10), ', 'concat_ws(chr(10),\n    ')
		.replace(', CASE topic', ',\n    CASE topic')
		.replaceAll(' WHEN ', '\n      WHEN ')
		.replace(' ELSE ', '\n      ELSE ');

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The view's statements: the table over the Parquet file, then the query. */
export function reproduceStatements(q: RowsQuery, o: ReproduceOptions) {
	const search = q.filters.some((f) => f.kind === 'search');
	const w = whereClause(q.filters, search ? 'cells' : 'fold');
	const where = w.params.length || w.text !== 'TRUE' ? conditions(inlineParams(w)) : [];
	const view = `CREATE OR REPLACE VIEW ${TABLE} AS SELECT * FROM read_parquet(${sqlString(o.parquetUrl)});`;
	const from = search
		? `SELECT * EXCLUDE (search_text)\nFROM (\n  -- What a search looks in: these fields, lower case and without accents.\n  SELECT *, ${readable(SEARCH_TEXT_SQL)} AS search_text\n  FROM ${TABLE}\n)`
		: `SELECT *\nFROM ${TABLE}`;
	const query = [
		from,
		...where.map((c, i) => `${i === 0 ? 'WHERE' : '  AND'} ${c}`),
		`ORDER BY ${orderBy(q.sort, q.descending)};`
	].join('\n');
	return { view, query };
}

const comment = (o: ReproduceOptions, mark: string) =>
	`${mark} Cifras, data version ${o.version}: ${o.description.replace(/\s+/g, ' ')}`;

/** For DuckDB's command line (`duckdb`, then paste), or any DuckDB. */
export function duckdbSnippet(q: RowsQuery, o: ReproduceOptions): string {
	const { view, query } = reproduceStatements(q, o);
	return `${comment(o, '--')}\n${view}\n${query}\n`;
}

/** A string literal of Python or R that reads as the text itself: backslashes and quotes escaped. */
const escaped = (s: string) => s.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
const quoted = (s: string) => `"${escaped(s)}"`;
/** Python's string over several lines. */
const pyText = (s: string) => `"""\n${escaped(s)}\n"""`;

export function pythonSnippet(q: RowsQuery, o: ReproduceOptions): string {
	const { view, query } = reproduceStatements(q, o);
	return [
		comment(o, '#'),
		'# pip install duckdb pandas',
		'import duckdb',
		'',
		'con = duckdb.connect()',
		`con.execute(${quoted(view)})`,
		`figures = con.sql(${pyText(query)}).df()`,
		'print(figures)',
		''
	].join('\n');
}

export function rSnippet(q: RowsQuery, o: ReproduceOptions): string {
	const { view, query } = reproduceStatements(q, o);
	return [
		comment(o, '#'),
		'# install.packages(c("DBI", "duckdb"))',
		'library(DBI)',
		'',
		'con <- dbConnect(duckdb::duckdb())',
		`dbExecute(con, ${quoted(view)})`,
		`figures <- dbGetQuery(con, ${quoted(query)})`,
		'dbDisconnect(con, shutdown = TRUE)',
		'print(figures)',
		''
	].join('\n');
}
