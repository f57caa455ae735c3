/**
 * A user's file becomes a table in the workbench's DuckDB: CSV and TSV in slices (each checked,
 * then read by DuckDB's CSV reader with the dialect and types it detected on the first slice),
 * Parquet a row group at a time through hyparquet and Arrow, JSON whole, typed here. Nothing
 * leaves the browser. Progress is reported per slice; an abort stops between slices and drops
 * the table. Everything the file holds is data: no statement is built from its text but as
 * quoted names and literals, and each runs alone (`runOne`).
 */
import { LoadProblem, detectKind, type FileKind } from '../sql/file-kind';
import { TextScanner, detectDelimiter } from '../sql/text-scan';
import { quoteIdent } from '../sql/statements';
import { readCsvSql, sniffSql, type SniffedCsv } from '../sql/csv-reader';
import { jsonColumns } from '../sql/json-rows';
import type { SqlConnection } from './duckdb';
import { UPLOAD_DIR } from './sandbox';

export interface LoadProgress {
	/** 0 to 1. */
	fraction: number;
	/** Rows in the table so far. */
	rows: number;
}

export interface LoadedTable {
	table: string;
	kind: FileKind;
	rows: number;
	ms: number;
	/** What the reader should know about how the file was read (columns typed as text…). */
	notes: string[];
}

export interface LoadOptions {
	signal: AbortSignal;
	onProgress: (p: LoadProgress) => void;
}

/** Bytes per CSV slice: big enough that DuckDB's per-statement cost does not matter. */
export const SLICE_BYTES = 16 * 1024 * 1024;
/** JSON is read in one piece, so it is capped well below what a tab can hold. */
export const JSON_MAX_BYTES = 512 * 1024 * 1024;

let uploads = 0;

export async function loadUserFile(
	conn: SqlConnection,
	file: File,
	table: string,
	options: LoadOptions
): Promise<LoadedTable> {
	const t0 = performance.now();
	const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
	const tail = new Uint8Array(await file.slice(Math.max(0, file.size - 4)).arrayBuffer());
	const kind = detectKind(file.name, file.size, head, tail);
	const prefix = `${UPLOAD_DIR}upload-${++uploads}`;
	try {
		const { rows, notes } =
			kind === 'parquet'
				? { rows: await loadParquet(conn, file, table, options), notes: [] }
				: kind === 'json'
					? await loadJson(conn, file, table, options)
					: { rows: await loadText(conn, file, table, prefix, kind, head, options), notes: [] };
		return { table, kind, rows, notes, ms: Math.round(performance.now() - t0) };
	} catch (e) {
		// The table exists only if this load made it: drop what a failed or cancelled load left.
		await conn.runOne(`DROP TABLE IF EXISTS ${quoteIdent(table)}`).catch(() => undefined);
		throw e;
	}
}

function checkAbort(signal: AbortSignal) {
	if (signal.aborted) throw new DOMException('The load was cancelled.', 'AbortError');
}

async function countRows(conn: SqlConnection, table: string): Promise<number> {
	const t = await conn.runOne(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(table)}`);
	return Number(t.getChild('n')?.get(0) ?? 0);
}

/** "CSV Error on Line: 12" in DuckDB's message, as the file's line, with the reason. */
function csvProblem(e: unknown, fileName: string, firstLine: number, headerAdded: boolean): never {
	// The slice's buffer name means nothing to the reader: their file's name instead.
	const message = (e instanceof Error ? e.message : String(e)).replace(
		/["']?\/cifras\/uploads\/upload-\d+-\d+\.csv["']?/g,
		`“${fileName}”`
	);
	const at = /CSV Error on Line: (\d+)/.exec(message);
	const reason =
		message
			.split('\n')
			.map((l) => l.trim())
			.find(
				(l) => l && !/CSV Error on Line|^Original Line|^Possible Solution|^LINE \d+:/.test(l)
			) ?? message;
	// Types are detected on the first slice; a later value that does not fit is named as such.
	const hint = /convert/i.test(reason)
		? ` (DuckDB chose the column's type from the first ${SLICE_BYTES / 2 ** 20} MB of the file)`
		: '';
	if (!at) throw new LoadProblem(`“${fileName}” could not be read: ${reason}${hint}`);
	const line = firstLine + Number(at[1]) - (headerAdded ? 2 : 1);
	throw new LoadProblem(`“${fileName}” could not be read at line ${line}: ${reason}${hint}`, line);
}

async function loadText(
	conn: SqlConnection,
	file: File,
	table: string,
	prefix: string,
	kind: 'csv' | 'tsv',
	head: Uint8Array,
	{ signal, onProgress }: LoadOptions
): Promise<number> {
	const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
	const firstLine = new TextDecoder().decode(head.subarray(bom)).split(/\r\n|\n|\r/)[0] ?? '';
	const dialect = { delimiter: detectDelimiter(firstLine, kind === 'tsv' ? '\t' : ',') };
	const scanner = new TextScanner(file.name, dialect.delimiter.charCodeAt(0));
	let sniffed: SniffedCsv | null = null;
	let pos = bom;
	for (let n = 0; pos < file.size; n++) {
		checkAbort(signal);
		let end = Math.min(file.size, pos + SLICE_BYTES);
		const startLine = scanner.lines + 1;
		let slice: { body: Uint8Array; consumed: number };
		for (;;) {
			const bytes = new Uint8Array(await file.slice(pos, end).arrayBuffer());
			slice = scanner.scan(bytes, end === file.size);
			if (slice.consumed > 0 || end === file.size) break;
			// One record longer than a slice: read a longer one.
			end = Math.min(file.size, pos + 2 * (end - pos));
		}
		if (end === file.size) scanner.finish();
		const body = n === 0 ? slice.body : concat(scanner.header!, slice.body);
		const name = `${prefix}-${n}.csv`;
		await conn.registerBuffer(name, body.slice());
		try {
			if (!sniffed) {
				const answer = await conn
					.runOne(sniffSql(name, dialect, scanner.longest))
					.catch((e: unknown) => csvProblem(e, file.name, startLine, false));
				sniffed = (answer.get(0)?.toJSON() ?? null) as SniffedCsv | null;
				if (!sniffed?.Columns?.length)
					throw new LoadProblem(
						`“${file.name}” could not be read: DuckDB did not detect its columns.`
					);
				sniffed = { ...sniffed, Columns: [...sniffed.Columns].map((c) => ({ ...c })) };
				await conn
					.runOne(
						`CREATE TABLE ${quoteIdent(table)} AS ${readCsvSql(name, dialect, sniffed, scanner.longest)}`
					)
					.catch((e: unknown) => csvProblem(e, file.name, startLine, false));
			} else {
				await conn
					.runOne(
						`INSERT INTO ${quoteIdent(table)} ${readCsvSql(name, dialect, sniffed, scanner.longest)}`
					)
					.catch((e: unknown) => csvProblem(e, file.name, startLine, true));
			}
		} finally {
			await conn.dropFile(name).catch(() => undefined);
		}
		pos += slice.consumed;
		onProgress({ fraction: (pos - bom) / (file.size - bom || 1), rows: scanner.records });
	}
	return countRows(conn, table);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

async function loadParquet(
	conn: SqlConnection,
	file: File,
	table: string,
	{ signal, onProgress }: LoadOptions
): Promise<number> {
	const { parquetBatches } = await import('../sql/parquet-arrow');
	const buffer = {
		byteLength: file.size,
		slice: (s: number, e?: number) => file.slice(s, e).arrayBuffer()
	};
	let first = true;
	for await (const batch of parquetBatches(buffer, file.name)) {
		checkAbort(signal);
		await conn.insertArrow(batch.table, table, first);
		first = false;
		onProgress({ fraction: batch.rowsDone / (batch.rowsTotal || 1), rows: batch.rowsDone });
	}
	if (first) throw new LoadProblem(`“${file.name}” is a Parquet file with no rows.`);
	const rows = await countRows(conn, table);
	if (rows === 0) throw new LoadProblem(`“${file.name}” is a Parquet file with no rows.`);
	return rows;
}

/**
 * A JSON array of objects, or one object per line (NDJSON), read in one piece and typed here
 * (see `jsonColumns`): what the file says about a column's kind is noted in `notes`.
 */
async function loadJson(
	conn: SqlConnection,
	file: File,
	table: string,
	{ signal, onProgress }: LoadOptions
): Promise<{ rows: number; notes: string[] }> {
	if (file.size > JSON_MAX_BYTES)
		throw new LoadProblem(
			`“${file.name}” is larger than ${JSON_MAX_BYTES / 2 ** 20} MB, which is as much JSON as this page reads; save it as CSV or Parquet instead.`
		);
	const text = new TextDecoder('utf-8', { fatal: true });
	const bytes = new Uint8Array(await file.arrayBuffer());
	let body: string;
	try {
		body = text.decode(bytes).replace(/^\ufeff/, '');
	} catch {
		throw new LoadProblem(`“${file.name}” is not UTF-8 text. Save it as UTF-8 and load it again.`);
	}
	checkAbort(signal);
	const trimmed = body.trim();
	let rows: unknown[];
	try {
		const parsed: unknown = trimmed.startsWith('[')
			? JSON.parse(trimmed)
			: trimmed
					.split('\n')
					.filter((l) => l.trim())
					.map((l, i) => {
						try {
							return JSON.parse(l) as unknown;
						} catch (e) {
							throw new LoadProblem(
								`“${file.name}” is not valid JSON at line ${i + 1}: ${e instanceof Error ? e.message : e}`,
								i + 1
							);
						}
					});
		rows = Array.isArray(parsed) ? parsed : [parsed];
	} catch (e) {
		if (e instanceof LoadProblem) throw e;
		const deep = e instanceof RangeError;
		throw new LoadProblem(
			deep
				? `“${file.name}” nests values too deeply for this browser to read.`
				: `“${file.name}” is not valid JSON: ${e instanceof Error ? e.message : e}`
		);
	}
	if (rows.length === 0)
		throw new LoadProblem(`“${file.name}” holds an empty JSON array: no rows.`);
	const bad = rows.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
	if (bad >= 0)
		throw new LoadProblem(
			`“${file.name}” must hold objects (one per row); item ${bad + 1} is ${String(JSON.stringify(rows[bad])).slice(0, 40)}.`
		);
	onProgress({ fraction: 0.5, rows: 0 });
	const typed = jsonColumns(rows as Record<string, unknown>[], file.name);
	if (!typed.table.numCols)
		throw new LoadProblem(`“${file.name}” holds objects with no keys: no columns.`);
	await conn.insertArrow(typed.table, table, true);
	const n = await countRows(conn, table);
	onProgress({ fraction: 1, rows: n });
	const list = (names: string[]) => names.map((c) => `“${c}”`).join(', ');
	const notes = [
		...typed.mixed.map(
			(m) => `Column “${m.name}” holds ${m.kinds.join(' and ')}, so it was loaded as text.`
		),
		...(typed.nested.length
			? [
					`${typed.nested.length === 1 ? 'Column' : 'Columns'} ${list(typed.nested)} ${typed.nested.length === 1 ? 'holds' : 'hold'} objects or lists, kept as their JSON text.`
				]
			: [])
	];
	return { rows: n, notes };
}
