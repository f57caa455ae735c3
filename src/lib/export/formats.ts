/**
 * The filtered table as files: CSV (RFC 4180, UTF-8, numbers without separators), JSON and
 * Parquet, every citation column included, in the served table's column order.
 */
import { csvFormatRows } from 'd3-dsv';
import { SITE_COLUMNS, type SiteFigure } from '../data/site-table';
import type { Query } from '../queries/describe';
import { filtersFor } from '../queries/filters';
import type { Selection } from '../state/selection';

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

/**
 * Characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list): a text
 * cell that starts with one gets a leading `'`, so Excel, LibreOffice and Sheets show it as text
 * instead of running it. Numbers are never changed; JSON and Parquet are not read as formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written to CSV: text that could run as a formula neutralised, numbers as they are. */
export function csvCell(v: unknown, type: ExportColumn['type']): string {
	if (v === null || v === undefined) return '';
	const text = String(v);
	return type === 'VARCHAR' && FORMULA_START.test(text) ? `'${text}` : text;
}

const csvLines = (columns: ExportColumn[], rows: AnyRow[]) =>
	// One record per line ending in CRLF (RFC 4180); a line break inside a field stays as it is.
	rows
		.map((r) => csvFormatRows([columns.map((c) => csvCell(r[c.name], c.type))]) + '\r\n')
		.join('');

const jsonItems = (columns: ExportColumn[], rows: AnyRow[]) =>
	rows
		.map(
			(r) =>
				' ' +
				JSON.stringify(
					Object.fromEntries(columns.map(({ name }) => [name, r[name] ?? null])),
					null,
					1
				).replaceAll('\n', '\n ')
		)
		.join(',\n');

export function rowsToCsv(columns: ExportColumn[], rows: AnyRow[]): string {
	return csvFormatRows([columns.map((c) => c.name)]) + '\r\n' + csvLines(columns, rows);
}

export function rowsToJson(columns: ExportColumn[], rows: AnyRow[]): string {
	return rows.length ? `[\n${jsonItems(columns, rows)}\n]` : '[]';
}

const PARQUET_TYPES = {
	VARCHAR: 'STRING',
	INTEGER: 'INT32',
	DOUBLE: 'DOUBLE',
	BOOLEAN: 'BOOLEAN'
} as const;

const parquetColumns = (columns: ExportColumn[], rows: AnyRow[]) =>
	columns.map(({ name, type }) => ({
		name,
		data: rows.map((r) => {
			const v = r[name] ?? null;
			return v === null || type !== 'VARCHAR' ? v : String(v);
		}),
		type: PARQUET_TYPES[type]
	}));

/** What is exported, in order, a chunk of rows at a time. */
export type RowChunks = Iterable<AnyRow[]> | AsyncIterable<AnyRow[]>;

export interface ExportProgress {
	/** Rows written so far. */
	rows: number;
	/** 0 to 1. */
	fraction: number;
}

export interface WriteOptions {
	/** Stops between chunks: the promise then rejects with an `AbortError`. */
	signal?: AbortSignal;
	onProgress?: (p: ExportProgress) => void;
}

/** Rows per chunk of rows already in memory. */
export const CHUNK_ROWS = 2_000;
/** The longest the writer works before letting the page handle input and paint. */
const SLICE_MS = 25;

/** Rows already in memory, a chunk at a time. */
export function* inChunks<T>(rows: T[], size = CHUNK_ROWS): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Lets the browser handle input and paint. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes `total` rows as one file, a chunk at a time, handing the page back every few
 * milliseconds: a million rows never make one long task, and the export reports its progress
 * and can be cancelled between chunks.
 */
export async function writeExport(
	columns: ExportColumn[],
	total: number,
	chunks: RowChunks,
	format: ExportFormat,
	{ signal, onProgress }: WriteOptions = {}
): Promise<Blob> {
	// Text is encoded chunk by chunk: a Blob made of strings encodes them all at once, at the end.
	const encoder = new TextEncoder();
	const parts: BlobPart[] = [];
	const text = (s: string) => parts.push(encoder.encode(s));
	let parquet: { writer: ByteWriterLike; pq: ParquetWriterLike } | null = null;
	if (format === 'csv') text(csvFormatRows([columns.map((c) => c.name)]) + '\r\n');
	if (format === 'parquet') {
		// Loaded only when asked for: most readers never export Parquet.
		const { ByteWriter, ParquetWriter, schemaFromColumnData } = await import('hyparquet-writer');
		const writer = new ByteWriter();
		const schema = schemaFromColumnData({ columnData: parquetColumns(columns, []) });
		parquet = { writer, pq: new ParquetWriter({ writer, schema }) };
	}
	// Parquet row groups of a useful size, whatever the chunks' size.
	let pending: AnyRow[] = [];
	const flushParquet = () => {
		if (!pending.length) return;
		parquet!.pq.write({
			columnData: parquetColumns(columns, pending).map(({ name, data }) => ({ name, data }))
		});
		pending = [];
	};
	let done = 0;
	let slice = performance.now();
	for await (const rows of chunks) {
		if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
		if (format === 'csv') text(csvLines(columns, rows));
		else if (format === 'json') {
			if (rows.length) text(`${done ? ',\n' : '[\n'}${jsonItems(columns, rows)}`);
		} else {
			pending.push(...rows);
			if (pending.length >= 10 * CHUNK_ROWS) flushParquet();
		}
		done += rows.length;
		if (performance.now() - slice > SLICE_MS) {
			onProgress?.({ rows: done, fraction: total ? Math.min(1, done / total) : 1 });
			await breathe();
			slice = performance.now();
		}
	}
	if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
	onProgress?.({ rows: done, fraction: 1 });
	if (format === 'json') text(done ? '\n]' : '[]');
	if (parquet) {
		flushParquet();
		parquet.pq.finish();
		parts.push(parquet.writer.getBuffer());
	}
	return new Blob(parts, { type: EXPORT_TYPES[format] });
}

interface ByteWriterLike {
	getBuffer(): ArrayBuffer;
}
interface ParquetWriterLike {
	write(options: { columnData: { name: string; data: unknown[] }[] }): void;
	finish(): void;
}

export function rowsBlob(
	columns: ExportColumn[],
	rows: AnyRow[],
	format: ExportFormat,
	options?: WriteOptions
): Promise<Blob> {
	return writeExport(columns, rows.length, inChunks(rows), format, options);
}

const asRows = (rows: SiteFigure[]) => rows as unknown as AnyRow[];

export const toCsv = (rows: SiteFigure[]) => rowsToCsv(SITE_EXPORT, asRows(rows));
export const toJson = (rows: SiteFigure[]) => rowsToJson(SITE_EXPORT, asRows(rows));
/** @param extra columns after the served table's, e.g. `user_source` when the view holds the user's rows */
export const exportBlob = (
	rows: SiteFigure[],
	format: ExportFormat,
	extra: ExportColumn[] = [],
	options?: WriteOptions
) => rowsBlob([...SITE_EXPORT, ...extra], asRows(rows), format, options);
