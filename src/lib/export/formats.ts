/**
 * The filtered table as files: CSV (RFC 4180, UTF-8, numbers without separators), JSON and
 * Parquet, every citation column included, in the served table's column order.
 */
import { csvFormatRows } from 'd3-dsv';
import { SITE_COLUMNS, type SiteFigure } from '../data/site-table';
import type { Query } from '../queries/describe';
import { filtersFor, type Selection } from '../state/selection';

export type ExportFormat = 'csv' | 'json' | 'parquet';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	json: 'application/json;charset=utf-8',
	parquet: 'application/vnd.apache.parquet'
};

/** The whole filtered table in the table's order: the query an export runs. */
export function exportQuery(sel: Selection): Query {
	return { kind: 'rows', filters: filtersFor(sel), sort: sel.sort, descending: sel.desc };
}

const slug = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);

/** "cifras-figures-topic-remittances-geo-can-mex-1990-2001.csv": says what was filtered. */
export function exportFileName(sel: Selection, format: ExportFormat): string {
	const parts = ['cifras-figures'];
	if (sel.topics.length) parts.push('topic', ...sel.topics.map(slug));
	if (sel.docs.length) parts.push('doc', ...sel.docs.map(slug));
	if (sel.geos.length) parts.push('geo', ...sel.geos.map(slug));
	if (sel.indicators.length) parts.push('indicator', ...sel.indicators.map(slug));
	if (sel.years) parts.push(`${sel.years[0]}-${sel.years[1]}`);
	if (sel.q.trim()) parts.push('search', slug(sel.q));
	if (parts.length === 1) parts.push('all');
	// File systems cap names near 255 bytes; the selection itself is in the page's link.
	return `${parts.filter(Boolean).join('-').slice(0, 150)}.${format}`;
}

/** A column of any table to export: its name and the type its values are written as. */
export interface ExportColumn {
	name: string;
	type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
}

type AnyRow = Record<string, unknown>;

/** How a column of a DuckDB type is written: whole numbers, other numbers, booleans, or text. */
export function exportType(duckdbType: string): ExportColumn['type'] {
	if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(duckdbType)) return 'INTEGER';
	if (/^(BIGINT|UINTEGER|UBIGINT|HUGEINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/.test(duckdbType))
		return 'DOUBLE';
	if (duckdbType === 'BOOLEAN') return 'BOOLEAN';
	return 'VARCHAR';
}

const SITE_EXPORT: ExportColumn[] = SITE_COLUMNS.map(([name, type]) => ({ name, type }));

export function rowsToCsv(columns: ExportColumn[], rows: AnyRow[]): string {
	const names = columns.map((c) => c.name);
	const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
	const body = rows.map((r) => names.map((n) => cell(r[n])));
	// One record per line ending in CRLF (RFC 4180); a line break inside a field stays as it is.
	return [names, ...body].map((r) => csvFormatRows([r])).join('\r\n') + '\r\n';
}

export function rowsToJson(columns: ExportColumn[], rows: AnyRow[]): string {
	return JSON.stringify(
		rows.map((r) => Object.fromEntries(columns.map(({ name }) => [name, r[name] ?? null]))),
		null,
		1
	);
}

const PARQUET_TYPES = {
	VARCHAR: 'STRING',
	INTEGER: 'INT32',
	DOUBLE: 'DOUBLE',
	BOOLEAN: 'BOOLEAN'
} as const;

export async function rowsToParquet(columns: ExportColumn[], rows: AnyRow[]): Promise<ArrayBuffer> {
	// Loaded only when asked for: most readers never export Parquet.
	const { parquetWriteBuffer } = await import('hyparquet-writer');
	return parquetWriteBuffer({
		columnData: columns.map(({ name, type }) => ({
			name,
			data: rows.map((r) => {
				const v = r[name] ?? null;
				return v === null || type !== 'VARCHAR' ? v : String(v);
			}),
			type: PARQUET_TYPES[type]
		}))
	});
}

export async function rowsBlob(
	columns: ExportColumn[],
	rows: AnyRow[],
	format: ExportFormat
): Promise<Blob> {
	const body =
		format === 'csv'
			? rowsToCsv(columns, rows)
			: format === 'json'
				? rowsToJson(columns, rows)
				: await rowsToParquet(columns, rows);
	return new Blob([body], { type: EXPORT_TYPES[format] });
}

const asRows = (rows: SiteFigure[]) => rows as unknown as AnyRow[];

export const toCsv = (rows: SiteFigure[]) => rowsToCsv(SITE_EXPORT, asRows(rows));
export const toJson = (rows: SiteFigure[]) => rowsToJson(SITE_EXPORT, asRows(rows));
export const toParquet = (rows: SiteFigure[]) => rowsToParquet(SITE_EXPORT, asRows(rows));
/** @param extra columns after the served table's, e.g. `user_source` when the view holds the user's rows */
export const exportBlob = (rows: SiteFigure[], format: ExportFormat, extra: ExportColumn[] = []) =>
	rowsBlob([...SITE_EXPORT, ...extra], asRows(rows), format);
