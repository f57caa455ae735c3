/**
 * A user's file becomes a table in the browser's DuckDB: CSV and TSV in slices (each checked,
 * then read by DuckDB's CSV reader with the dialect and types it detected on the first slice),
 * Parquet a row group at a time through hyparquet and Arrow, JSON whole. Nothing leaves the
 * browser. Progress is reported per slice; an abort stops between slices and drops the table.
 */
import { LoadProblem, detectKind, type FileKind } from '../sql/file-kind';
import { TextScanner, detectDelimiter } from '../sql/text-scan';
import { quoteIdent } from '../sql/statements';
import { sqlLiteral } from '../queries/sql';
import type { SqlConnection } from './duckdb';

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
	const prefix = `upload-${++uploads}`;
	try {
		const rows =
			kind === 'parquet'
				? await loadParquet(conn, file, table, options)
				: kind === 'json'
					? await loadJson(conn, file, table, prefix, options)
					: await loadText(conn, file, table, prefix, kind, head, options);
		return { table, kind, rows, ms: Math.round(performance.now() - t0) };
	} catch (e) {
		// The table exists only if this load made it: drop what a failed or cancelled load left.
		await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`).catch(() => undefined);
		throw e;
	}
}

function checkAbort(signal: AbortSignal) {
	if (signal.aborted) throw new DOMException('The load was cancelled.', 'AbortError');
}

async function countRows(conn: SqlConnection, table: string): Promise<number> {
	const t = await conn.run(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(table)}`);
	return Number(t.getChild('n')?.get(0) ?? 0);
}

/** "CSV Error on Line: 12" in DuckDB's message, as the file's line, with the reason. */
function csvProblem(e: unknown, fileName: string, firstLine: number, headerAdded: boolean): never {
	const message = e instanceof Error ? e.message : String(e);
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
	const firstLine = new TextDecoder().decode(head.subarray(bom)).split('\n')[0] ?? '';
	const delimiter = detectDelimiter(firstLine, kind === 'tsv' ? '\t' : ',');
	const scanner = new TextScanner(file.name, delimiter.charCodeAt(0));
	let reader = '';
	let pos = bom;
	for (let n = 0; pos < file.size; n++) {
		checkAbort(signal);
		let end = Math.min(file.size, pos + SLICE_BYTES);
		const startLine = scanner.lines + 1;
		let bytes: Uint8Array;
		let cut: number;
		for (;;) {
			bytes = new Uint8Array(await file.slice(pos, end).arrayBuffer());
			cut = scanner.scan(bytes, end === file.size);
			if (cut > 0 || end === file.size) break;
			// One record longer than a slice: read a longer one.
			end = Math.min(file.size, pos + 2 * (end - pos));
		}
		if (end === file.size) scanner.finish();
		const body = n === 0 ? bytes.subarray(0, cut) : concat(scanner.header!, bytes.subarray(0, cut));
		const name = `${prefix}-${n}.csv`;
		await conn.registerBuffer(name, body.slice());
		try {
			if (n === 0) {
				const sniffed = await conn
					.run(
						`SELECT Prompt FROM sniff_csv(${sqlLiteral(name)}, delim=${sqlLiteral(delimiter)}, quote='"', escape='"', header=true, sample_size=-1)`
					)
					.catch((e: unknown) => csvProblem(e, file.name, startLine, false));
				reader = String(sniffed.getChild('Prompt')?.get(0) ?? '').replace(/;\s*$/, '');
				if (!reader.includes(`read_csv(${sqlLiteral(name)}`))
					throw new LoadProblem(
						`“${file.name}” could not be read: DuckDB did not detect its columns.`
					);
				await conn
					.run(`CREATE TABLE ${quoteIdent(table)} AS ${reader}`)
					.catch((e: unknown) => csvProblem(e, file.name, startLine, false));
			} else {
				const slice = reader.replace(
					`read_csv(${sqlLiteral(`${prefix}-0.csv`)}`,
					`read_csv(${sqlLiteral(name)}`
				);
				await conn
					.run(`INSERT INTO ${quoteIdent(table)} ${slice}`)
					.catch((e: unknown) => csvProblem(e, file.name, startLine, true));
			}
		} finally {
			await conn.dropFile(name);
		}
		pos += cut;
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

/** A JSON array of objects, or one object per line (NDJSON), read in one piece. */
async function loadJson(
	conn: SqlConnection,
	file: File,
	table: string,
	prefix: string,
	{ signal, onProgress }: LoadOptions
): Promise<number> {
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
		throw new LoadProblem(
			`“${file.name}” is not valid JSON: ${e instanceof Error ? e.message : e}`
		);
	}
	if (rows.length === 0)
		throw new LoadProblem(`“${file.name}” holds an empty JSON array: no rows.`);
	const bad = rows.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
	if (bad >= 0)
		throw new LoadProblem(
			`“${file.name}” must hold objects (one per row); item ${bad + 1} is ${JSON.stringify(rows[bad])?.slice(0, 40)}.`
		);
	onProgress({ fraction: 0.5, rows: 0 });
	const name = `${prefix}.json`;
	await conn.registerBuffer(name, new TextEncoder().encode(JSON.stringify(rows)));
	try {
		await conn.insertJson(name, table, true);
	} finally {
		await conn.dropFile(name);
	}
	const n = await countRows(conn, table);
	onProgress({ fraction: 1, rows: n });
	return n;
}
