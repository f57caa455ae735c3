/**
 * What a user's file is, from its name and its first and last bytes, before anything reads it:
 * the format to read it as, or the problem that stops it (empty, not Parquet, not UTF-8 text).
 */
import { m } from '$lib/paraglide/messages';

export type FileKind = 'csv' | 'tsv' | 'json' | 'parquet';

/** A file that cannot be loaded, said so a reader can act on it; `line` when one is to blame. */
export class LoadProblem extends Error {
	constructor(
		message: string,
		readonly line?: number
	) {
		super(message);
		this.name = 'LoadProblem';
	}
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const endsWith = (bytes: Uint8Array, sig: number[]) =>
	bytes.length >= sig.length && sig.every((b, i) => bytes[bytes.length - sig.length + i] === b);

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The first printable characters, to show what a file holds instead of what it claims to. */
export function preview(head: Uint8Array, max = 24): string {
	const text = new TextDecoder('utf-8').decode(head.subarray(0, max * 4));
	const clean = text.replace(/[^\x20-\x7e\u00a0-\uffff]+/g, ' ').trim();
	return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * @param head the file's first bytes (a few kilobytes)
 * @param tail the file's last bytes (at least four)
 */
export function detectKind(
	name: string,
	size: number,
	head: Uint8Array,
	tail: Uint8Array
): FileKind {
	const ext = extension(name);
	if (size === 0) throw new LoadProblem(m.sql_file_empty({ name }));
	const parquetMagic = startsWith(head, PAR1) && endsWith(tail, PAR1);
	if (parquetMagic) return 'parquet';
	if (ext === 'parquet' || ext === 'parq' || startsWith(head, PAR1)) {
		throw new LoadProblem(
			startsWith(head, PAR1)
				? m.sql_file_not_parquet_end({ name })
				: m.sql_file_not_parquet_start({ name, shown: preview(head) })
		);
	}
	if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]))
		throw new LoadProblem(m.sql_file_utf16({ name }), 1);
	const nul = head.indexOf(0);
	if (nul >= 0) {
		const line = lineAt(head, nul);
		throw new LoadProblem(m.sql_file_zero_byte({ name, line }), line);
	}
	const text = new TextDecoder('utf-8').decode(head).replace(/^\ufeff/, '');
	if (head.length === size && !text.trim()) throw new LoadProblem(m.sql_file_blank({ name }));
	if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl' || /^\s*[[{]/.test(text)) return 'json';
	if (ext === 'tsv' || ext === 'tab') return 'tsv';
	return 'csv';
}

/** The 1-based line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
	return line;
}

/**
 * A table name for a file: its name in lower-case letters, digits and `_`, neither used so far
 * nor one of `reserved` (names the app uses itself), with a number added when it would be.
 */
export function tableNameFor(
	fileName: string,
	taken: Iterable<string>,
	reserved: ReadonlySet<string> = new Set()
): string {
	const used = new Set([...taken].map((t) => t.toLowerCase()));
	let stem = fileName
		.replace(/\.[a-z0-9]+$/i, '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40);
	if (!stem) stem = 'my_table';
	if (/^[0-9]/.test(stem)) stem = `t_${stem}`;
	if (stem.startsWith('_')) stem = `t${stem}`;
	let name = stem;
	for (let i = 2; reserved.has(name) || used.has(name); i++) name = `${stem}_${i}`;
	return name;
}
