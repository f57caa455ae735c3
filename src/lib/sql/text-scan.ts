/**
 * Reading a user's CSV or TSV a slice at a time without trusting it: each slice is cut after its
 * last complete record (a line break outside quotes), checked to be UTF-8, and every record is
 * checked to have as many fields as the header, so a problem is named with its line. Record
 * ends are written as LF whatever the file used (CRLF, CR alone, or a mix, as files joined from
 * several sources have), so DuckDB reads one kind; line breaks inside quoted fields are kept.
 */
import { formatCount } from '../data/format';
import { m } from '$lib/paraglide/messages';
import { LoadProblem } from './file-kind';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The delimiter a header line uses: the most frequent of `,` `;` tab `|` outside quotes. */
export function detectDelimiter(header: string, preferred: string): string {
	const counts = new Map<string, number>();
	let quoted = false;
	for (const ch of header) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|'))
			counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	let best = preferred;
	let bestN = counts.get(preferred) ?? 0;
	for (const [ch, n] of counts) if (n > bestN) [best, bestN] = [ch, n];
	return best;
}

/** Offset of the first byte that breaks UTF-8, or -1 when every sequence is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		const n =
			b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (n < 0 || i + n >= bytes.length) return i;
		for (let k = 1; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
		// Overlong or surrogate forms of three- and four-byte sequences.
		const b1 = bytes[i + 1]!;
		if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return i;
		if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
		i += n + 1;
	}
	return -1;
}

/** A slice made ready for DuckDB: record ends as LF, and how much of the file it used. */
export interface ScannedSlice {
	/** The complete records of the slice, with LF record ends. */
	body: Uint8Array;
	/** Bytes of the file the body came from (the next slice starts there). */
	consumed: number;
}

/**
 * `bytes` with CRLF and lone CR record ends outside quotes written as LF, and where each
 * removed byte was (so an offset in the result maps back to the file). A CR at the very end of
 * a slice that is not the file's last is left alone: its LF may start the next slice.
 */
export function normaliseLineEnds(
	bytes: Uint8Array,
	last: boolean
): { bytes: Uint8Array; removed: number[] } {
	if (bytes.indexOf(CR) < 0) return { bytes, removed: [] };
	const out = new Uint8Array(bytes.length);
	const removed: number[] = [];
	let quoted = false;
	let o = 0;
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes[i]!;
		if (c === QUOTE) quoted = !quoted;
		if (c === CR && !quoted) {
			if (bytes[i + 1] === LF) {
				removed.push(o);
				continue;
			}
			if (i + 1 < bytes.length || last) {
				out[o++] = LF;
				continue;
			}
		}
		out[o++] = c;
	}
	return { bytes: out.subarray(0, o), removed };
}

export class TextScanner {
	/** Physical lines read so far (the next record starts on line `lines + 1`). */
	lines = 0;
	/** Records after the header. */
	records = 0;
	/** Fields in the header; 0 until it has been read. */
	headerFields = 0;
	/** The header line's bytes, written before every later slice so each reads alone. */
	header: Uint8Array | null = null;
	/** Bytes in the longest record so far, so DuckDB can be told to read lines that long. */
	longest = 0;
	private quoted = false;
	private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

	constructor(
		private readonly fileName: string,
		private readonly delimiter: number
	) {}

	/**
	 * Scans the next slice of the file (which starts where the last one's `consumed` ended) and
	 * returns its complete records: up to its last record end, or all of it when it is the last.
	 */
	scan(raw: Uint8Array, last: boolean): ScannedSlice {
		const { bytes, removed } = normaliseLineEnds(raw, last);
		const cut = this.scanNormalised(bytes, last);
		// Each byte removed before the cut was a byte of the file.
		let consumed = cut;
		for (const at of removed) if (at < cut) consumed++;
		if (last) consumed = raw.length;
		return { body: bytes.subarray(0, cut), consumed };
	}

	private scanNormalised(bytes: Uint8Array, last: boolean): number {
		const startLine = this.lines;
		// Slices are cut at line breaks, so a whole slice up to its last one is whole characters.
		const whole = last ? bytes : bytes.subarray(0, bytes.lastIndexOf(LF) + 1);
		try {
			this.utf8.decode(whole);
		} catch {
			const at = firstInvalidUtf8(whole);
			let line = startLine + 1;
			for (let i = 0; i < at; i++) if (bytes[i] === LF) line++;
			const byte =
				at >= 0 ? ` (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')})` : '';
			throw new LoadProblem(m.sql_file_not_utf8({ name: this.fileName, line, byte }), line);
		}
		let fields = 1;
		let content = false;
		let recordLine = this.lines + 1;
		let cut = 0;
		const d = this.delimiter;
		for (let i = 0; i < bytes.length; i++) {
			const c = bytes[i]!;
			if (c === QUOTE) {
				this.quoted = !this.quoted;
				content = true;
			} else if (c === LF) {
				this.lines++;
				if (this.quoted) continue;
				if (content) this.endRecord(fields, recordLine, bytes.subarray(cut, i + 1));
				fields = 1;
				content = false;
				recordLine = this.lines + 1;
				cut = i + 1;
			} else if (!this.quoted) {
				if (c === d) fields++;
				if (c !== CR) content = true;
			} else content = true;
		}
		if (!last) {
			// The partial record is read again at the start of the next slice, which starts
			// outside quotes as every cut does.
			this.lines = recordLine - 1;
			this.quoted = false;
			return cut;
		}
		if (this.quoted)
			throw new LoadProblem(
				m.sql_file_open_quote({ name: this.fileName, line: recordLine }),
				recordLine
			);
		if (content) {
			this.endRecord(fields, recordLine, bytes.subarray(cut));
			this.lines++;
		}
		return bytes.length;
	}

	/** After the last slice: a file needs a header and at least one record. */
	finish(): void {
		if (this.headerFields === 0)
			throw new LoadProblem(m.sql_file_no_lines({ name: this.fileName }));
		if (this.records === 0)
			throw new LoadProblem(
				m.sql_file_header_only({
					name: this.fileName,
					count: this.headerFields,
					shown: formatCount(this.headerFields)
				}),
				2
			);
	}

	private endRecord(fields: number, line: number, bytes: Uint8Array) {
		this.longest = Math.max(this.longest, bytes.length);
		if (this.headerFields === 0) {
			this.headerFields = fields;
			// Copied, never spread into arguments: a header can be megabytes long.
			const header = new Uint8Array(bytes.length + (bytes[bytes.length - 1] === LF ? 0 : 1));
			header.set(bytes);
			if (header.length > bytes.length) header[bytes.length] = LF;
			this.header = header;
			return;
		}
		if (fields !== this.headerFields)
			throw new LoadProblem(
				m.sql_file_ragged({
					name: this.fileName,
					line,
					count: fields,
					shown: formatCount(fields),
					header: this.headerFields
				}),
				line
			);
		this.records++;
	}
}
