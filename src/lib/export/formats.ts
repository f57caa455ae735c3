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

const NAMES = SITE_COLUMNS.map(([name]) => name);

export function toCsv(rows: SiteFigure[]): string {
	const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
	const body = rows.map((r) => NAMES.map((n) => cell(r[n as keyof SiteFigure])));
	// One record per line ending in CRLF (RFC 4180); a line break inside a field stays as it is.
	return [NAMES, ...body].map((r) => csvFormatRows([r])).join('\r\n') + '\r\n';
}

export function toJson(rows: SiteFigure[]): string {
	return JSON.stringify(
		rows.map((r) => Object.fromEntries(NAMES.map((n) => [n, r[n as keyof SiteFigure] ?? null]))),
		null,
		1
	);
}

const PARQUET_TYPES = { VARCHAR: 'STRING', INTEGER: 'INT32', DOUBLE: 'DOUBLE' } as const;

export async function toParquet(rows: SiteFigure[]): Promise<ArrayBuffer> {
	// Loaded only when asked for: most readers never export Parquet.
	const { parquetWriteBuffer } = await import('hyparquet-writer');
	return parquetWriteBuffer({
		columnData: SITE_COLUMNS.map(([name, type]) => ({
			name,
			data: rows.map((r) => r[name as keyof SiteFigure] ?? null),
			type: PARQUET_TYPES[type]
		}))
	});
}

export async function exportBlob(rows: SiteFigure[], format: ExportFormat): Promise<Blob> {
	const body =
		format === 'csv' ? toCsv(rows) : format === 'json' ? toJson(rows) : await toParquet(rows);
	return new Blob([body], { type: EXPORT_TYPES[format] });
}
