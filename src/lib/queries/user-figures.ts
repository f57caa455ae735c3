/**
 * The user's own figures beside the curated ones in the explorer: a table the user loaded with
 * the columns of `figures.csv` is turned into the served table's shape (periods split into
 * years, place kinds, the document's citation columns when its `doc_id` is known) and appended
 * after the curated rows, each marked with the table it came from in `user_source`.
 */
import { REGIONS } from '../data/schema';
import { SITE_COLUMNS } from '../data/site-table';
import { TABLE, sqlLiteral } from './sql';

/** The explorer's table when it shows the user's rows too. */
export const EXPLORER_TABLE = 'explorer_figures';

/**
 * The columns a user's table needs: the first twenty of `figures.csv` and of the served table.
 * What a figure is (kind, measure, reference time, topics, warnings) is curated, so a user's
 * table need not carry it; its rows get the defaults `userRows` writes.
 */
export const FIGURE_FILE_COLUMNS = SITE_COLUMNS.slice(0, 20);

/** The figure columns a table lacks (compared without regard to case); none means it can be shown. */
export function missingFigureColumns(columns: string[]): string[] {
	const have = new Set(columns.map((c) => c.toLowerCase()));
	return FIGURE_FILE_COLUMNS.map(([name]) => name).filter((n) => !have.has(n));
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One user table as rows of the served table, numbered after `firstOrder`. */
function userRows(table: string, label: string, firstOrder: string): string {
	const u = (c: string) => `u.${ident(c)}`;
	const text = (c: string) => `coalesce(CAST(${u(c)} AS VARCHAR), '')`;
	const cols = FIGURE_FILE_COLUMNS.map(([name, type]) =>
		type === 'VARCHAR' ? `${text(name)} AS ${name}` : `TRY_CAST(${u(name)} AS ${type}) AS ${name}`
	);
	const period = text('period');
	const regions = Object.keys(REGIONS).map(sqlLiteral).join(', ');
	const isPeriod = `regexp_full_match(${period}, '\\d{4}(-\\d{4})?')`;
	return `SELECT ${cols.join(', ')},
	'' AS kind, '' AS measure,
	CASE WHEN ${isPeriod} THEN ${period} ELSE '' END AS ref_period,
	CASE WHEN ${isPeriod} THEN 'stated' ELSE '' END AS period_basis,
	${text('topic')} AS topics, '' AS flag, '' AS flag_note,
	CASE WHEN ${isPeriod} THEN CAST(left(${period}, 4) AS INTEGER) END AS period_start,
	CASE WHEN ${isPeriod} THEN CAST(right(${period}, 4) AS INTEGER) END AS period_end,
	CASE WHEN ${isPeriod} THEN CAST(left(${period}, 4) AS INTEGER) END AS ref_start,
	CASE WHEN ${isPeriod} THEN CAST(right(${period}, 4) AS INTEGER) END AS ref_end,
	CASE WHEN ${text('geo_code')} IN (${regions}) THEN 'region'
	     WHEN regexp_full_match(${text('geo_code')}, '[A-Z]{2}-[A-Z0-9]{1,3}') THEN 'subnational'
	     ELSE 'country' END AS geo_kind,
	coalesce(d.title, '') AS doc_title, coalesce(d.short_title, '') AS doc_short_title,
	coalesce(d.publisher, '') AS doc_publisher, coalesce(d.date, '') AS doc_date,
	coalesce(d.symbol, '') AS doc_symbol, coalesce(d.source_file, '') AS source_file,
	CAST(${firstOrder} + row_number() OVER () AS INTEGER) AS source_order,
	'' AS other_language_text,
	${sqlLiteral(label)} AS user_source
FROM ${ident(table)} u LEFT JOIN documents d ON d.doc_id = ${text('doc_id')}`;
}

/** A table of the reader's rows in the explorer's database, and the name it is shown by. */
export interface UserTablePart {
	table: string;
	label: string;
}

/**
 * The explorer's table: the curated figures (`user_source` NULL) and then each user table's
 * rows in file order. Positions continue after the curated ones, so source order keeps the
 * curated figures first.
 */
export function explorerTableSql(parts: UserTablePart[]): string {
	const siteColumns = SITE_COLUMNS.map(([name]) => name).join(', ');
	const selects = [`SELECT ${siteColumns}, NULL::VARCHAR AS user_source FROM ${TABLE}`];
	let offset = `(SELECT coalesce(max(source_order), 0) FROM ${TABLE})`;
	for (const { table, label } of parts) {
		selects.push(`SELECT ${siteColumns}, user_source FROM (${userRows(table, label, offset)})`);
		offset = `${offset} + (SELECT count(*) FROM ${ident(table)})`;
	}
	return `CREATE OR REPLACE TABLE ${EXPLORER_TABLE} AS ${selects.join('\nUNION ALL\n')}`;
}

/**
 * The workbench's query for a table's figure columns (matched without regard to case), every
 * value as text: what the explorer is handed. Names come from the table's own description and
 * are quoted, so none can end the statement.
 */
export function figureColumnsSql(table: string, columns: string[]): string {
	const select = FIGURE_FILE_COLUMNS.map(([name]) => {
		const actual = columns.find((c) => c.toLowerCase() === name) ?? name;
		return `CAST(${ident(actual)} AS VARCHAR) AS ${ident(name)}`;
	});
	return `SELECT ${select.join(', ')} FROM ${ident(table)}`;
}
