/**
 * The filtered table as files: CSV (RFC 4180, UTF-8, numbers without separators), the same CSV
 * for Excel (with a byte-order mark, without which Excel on Windows reads UTF-8 as its own code
 * page), JSON and Parquet, every citation column included, in the served table's column order.
 * JSON and Parquet keep each column's type: integers stay integers (BIGINT as INT64), dates
 * stay dates, decimals keep their digits. The explorer's files also name the data's version.
 */
import { csvFormatRows } from 'd3-dsv';
import { SITE_COLUMNS, type SiteFigure } from '../data/site-table';
import { DATA_VERSION } from '../data/version';
import type { RowsQuery } from '../queries/describe';
import { filtersFor } from '../queries/filters';
import type { Selection } from '../state/selection';
import { m } from '$lib/paraglide/messages';

export type ExportFormat = 'csv' | 'excel' | 'json' | 'parquet';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	excel: 'text/csv;charset=utf-8',
	json: 'application/json;charset=utf-8',
	parquet: 'application/vnd.apache.parquet'
};

/** The button's words for each format, in the page's language ("CSV for Excel", "CSV para Excel"). */
export function formatLabel(format: ExportFormat): string {
	return format === 'excel' ? m.explorer_format_excel() : format.toUpperCase();
}

/** The file's ending: CSV for Excel is a `.csv` too, named apart (`…-excel.csv`). */
export const fileEnding = (format: ExportFormat) =>
	format === 'excel' ? '-excel.csv' : `.${format}`;

/** The byte-order mark Excel needs to read a CSV as UTF-8 (Datawrapper's "Get the data" adds it too). */
export const BOM = '\uFEFF';

/** The whole filtered table in the table's order: the query an export runs. */
export function exportQuery(sel: Selection): RowsQuery {
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
	return `${parts.filter(Boolean).join('-').slice(0, 150)}${fileEnding(format)}`;
}

/**
 * A column of any table to export: its name, the kind of values it holds, and the DuckDB type it
 * came from when there is one (`SMALLINT`, `DECIMAL(18,3)`), which Parquet then keeps exactly.
 */
export interface ExportColumn {
	name: string;
	type: 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'DECIMAL';
	duckdb?: string;
	/** The same value in every row (the data's version), instead of the row's own. */
	value?: string;
}

type AnyRow = Record<string, unknown>;

/**
 * How a column of a DuckDB type is written. BIGINT stays a 64-bit integer (pandas and R read
 * `8`, not `8.0`); DATE and TIMESTAMP stay dates; DECIMAL keeps its digits. HUGEINT, UHUGEINT
 * and UBIGINT, which may not fit 64 signed bits, are written as DOUBLE, as DuckDB's own Parquet
 * writer does for HUGEINT; other types (TIME, INTERVAL, lists, structs…) as their text.
 */
export function exportType(duckdbType: string): ExportColumn['type'] {
	if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(duckdbType)) return 'INTEGER';
	if (/^(BIGINT|UINTEGER)$/.test(duckdbType)) return 'BIGINT';
	if (/^DECIMAL\(\d+,\d+\)$/.test(duckdbType)) return 'DECIMAL';
	if (/^(UBIGINT|HUGEINT|UHUGEINT|FLOAT|DOUBLE)$/.test(duckdbType)) return 'DOUBLE';
	if (duckdbType === 'BOOLEAN') return 'BOOLEAN';
	if (duckdbType === 'DATE') return 'DATE';
	if (duckdbType === 'TIMESTAMP') return 'TIMESTAMP';
	return 'VARCHAR';
}

/** An export column for a column of a DuckDB result. */
export const exportColumn = (name: string, duckdbType: string): ExportColumn => ({
	name,
	type: exportType(duckdbType),
	duckdb: duckdbType
});

/** A cell's value: the column's constant, or the row's own (null when missing). */
const cellOf = (r: AnyRow, c: ExportColumn): unknown =>
	c.value !== undefined ? c.value : (r[c.name] ?? null);

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
		.map((r) => csvFormatRows([columns.map((c) => csvCell(cellOf(r, c), c.type))]) + '\r\n')
		.join('');

const DIGITS = /^-?\d+(\.\d+)?$/;

/** A value in JSON: a BIGINT or DECIMAL written with all its digits (JSON numbers have no limit). */
function jsonValue(v: unknown, type: ExportColumn['type']): string {
	if (v === null || v === undefined) return 'null';
	if ((type === 'BIGINT' || type === 'DECIMAL') && DIGITS.test(String(v))) return String(v);
	if (typeof v === 'bigint') return JSON.stringify(v.toString());
	return JSON.stringify(v) ?? 'null';
}

const jsonItems = (columns: ExportColumn[], rows: AnyRow[]) =>
	rows
		.map(
			(r) =>
				` {\n${columns.map((c) => `  ${JSON.stringify(c.name)}: ${jsonValue(cellOf(r, c), c.type)}`).join(',\n')}\n }`
		)
		.join(',\n');

export function rowsToCsv(columns: ExportColumn[], rows: AnyRow[]): string {
	return csvFormatRows([columns.map((c) => c.name)]) + '\r\n' + csvLines(columns, rows);
}

export function rowsToJson(columns: ExportColumn[], rows: AnyRow[]): string {
	return rows.length ? `[\n${jsonItems(columns, rows)}\n]` : '[]';
}

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
	/** Key-value metadata of a Parquet file (the data's version). */
	metadata?: Record<string, string>;
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
	{ signal, onProgress, metadata }: WriteOptions = {}
): Promise<Blob> {
	// Text is encoded chunk by chunk: a Blob made of strings encodes them all at once, at the end.
	const encoder = new TextEncoder();
	const parts: BlobPart[] = [];
	const text = (s: string) => parts.push(encoder.encode(s));
	let parquet: {
		writer: ByteWriterLike;
		pq: ParquetWriterLike;
		columnData: (rows: AnyRow[]) => { name: string; data: unknown[] }[];
	} | null = null;
	if (format === 'excel') text(BOM);
	if (format === 'csv' || format === 'excel')
		text(csvFormatRows([columns.map((c) => c.name)]) + '\r\n');
	if (format === 'parquet') {
		// Loaded only when asked for: most readers never export Parquet.
		const [{ ByteWriter, ParquetWriter }, { parquetElement, parquetValues }] = await Promise.all([
			import('hyparquet-writer'),
			import('./parquet-types')
		]);
		const writer = new ByteWriter();
		// The schema is written out, not guessed from values: a column of whole numbers in a
		// chunk would otherwise become INT32, and a BIGINT column DOUBLE.
		const elements = columns.map(parquetElement);
		const schema = [{ name: 'root', num_children: columns.length }, ...elements];
		const kvMetadata = Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value }));
		parquet = {
			writer,
			pq: new ParquetWriter({ writer, schema, kvMetadata }),
			columnData: (rows) =>
				columns.map((c, i) => ({
					name: c.name,
					data: parquetValues(
						elements[i]!,
						rows.map((r) => cellOf(r, c))
					)
				}))
		};
	}
	// Parquet row groups of a useful size, whatever the chunks' size.
	let pending: AnyRow[] = [];
	const flushParquet = () => {
		if (!pending.length) return;
		parquet!.pq.write({ columnData: parquet!.columnData(pending) });
		pending = [];
	};
	let done = 0;
	let slice = performance.now();
	for await (const rows of chunks) {
		if (signal?.aborted) throw new DOMException(m.explorer_export_cancelled_error(), 'AbortError');
		if (format === 'csv' || format === 'excel') text(csvLines(columns, rows));
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
	if (signal?.aborted) throw new DOMException(m.explorer_export_cancelled_error(), 'AbortError');
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

/** The last column of the explorer's files: the data's version, in every row, so a file names it even when copied. */
export const versionColumn = (version = DATA_VERSION.version): ExportColumn => ({
	name: 'data_version',
	type: 'VARCHAR',
	value: version
});

/** The explorer's columns: the served table's, any `extra`, then the data's version. */
export const viewColumns = (extra: ExportColumn[] = [], version?: string): ExportColumn[] => [
	...SITE_EXPORT,
	...extra,
	versionColumn(version)
];

/** The data's version as Parquet metadata, for the explorer's and the workbench's files. */
export const versionMetadata = (version = DATA_VERSION.version) => ({
	'cifras.data_version': version
});

export const toCsv = (rows: SiteFigure[]) => rowsToCsv(SITE_EXPORT, asRows(rows));
export const toJson = (rows: SiteFigure[]) => rowsToJson(SITE_EXPORT, asRows(rows));
/** @param extra columns after the served table's, e.g. `user_source` when the view holds the user's rows */
export const exportBlob = (
	rows: SiteFigure[],
	format: ExportFormat,
	extra: ExportColumn[] = [],
	options?: WriteOptions
) =>
	rowsBlob(viewColumns(extra), asRows(rows), format, {
		...options,
		metadata: { ...versionMetadata(), ...options?.metadata }
	});
