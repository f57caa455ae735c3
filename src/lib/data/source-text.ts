/** Locating a quote in a source document the way a reader would: line by line, whitespace collapsed. */

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export type QuoteCheck =
	| { ok: true }
	| { ok: false; reason: 'no-line' | 'not-found' | 'elsewhere'; foundAtLine?: number };

/** Whether `quote` is in `source` starting on 1-based `line` (it may run on to later lines). */
export function findQuote(source: string, line: number, quote: string): QuoteCheck {
	const lines = source.split(/\r?\n/);
	if (line < 1 || line > lines.length) return { ok: false, reason: 'no-line' };
	const first = collapse(lines[line - 1]!);
	const rest = collapse(lines.slice(line - 1).join('\n'));
	const at = rest.indexOf(quote);
	if (at !== -1 && at < Math.max(first.length, 1)) return { ok: true };
	const whole = collapse(source);
	const pos = whole.indexOf(quote);
	if (pos === -1) return { ok: false, reason: 'not-found' };
	return { ok: false, reason: 'elsewhere', foundAtLine: lineOf(lines, quote) };
}

function lineOf(lines: string[], quote: string): number | undefined {
	for (let i = 0; i < lines.length; i++) {
		const first = collapse(lines[i]!);
		const rest = collapse(lines.slice(i, i + 40).join('\n'));
		const at = rest.indexOf(quote);
		if (at !== -1 && at < Math.max(first.length, 1)) return i + 1;
	}
	return undefined;
}

/** Offsets at which each line starts: `starts[n - 1]` is where 1-based line n begins. */
export function lineStarts(source: string): number[] {
	const starts = [0];
	for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}

/** The 1-based line on which offset `at` stands. */
export function lineAt(starts: number[], at: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

/**
 * Where `part` of `quote` stands in the source, as raw offsets: the quote is found as
 * `findQuote` finds it (whitespace collapsed, starting on `line`), then the part that starts
 * `partAt` characters into the quote. Null when the quote is not there.
 */
export function locateInSource(
	source: string,
	starts: number[],
	line: number,
	quote: string,
	partAt: number,
	partLength: number
): { start: number; end: number } | null {
	if (line < 1 || line > starts.length || partAt < 0) return null;
	// The collapsed text from the start of `line`, with each character's raw offset. Quotes are
	// short; 60 lines is far more than any of them needs.
	const from = starts[line - 1]!;
	const stop = starts[line + 59] ?? source.length;
	let text = '';
	const raw: number[] = [];
	let space = false;
	for (let i = from; i < stop; i++) {
		if (/\s/.test(source[i]!)) {
			space = text.length > 0;
			continue;
		}
		if (space) {
			text += ' ';
			raw.push(i - 1);
			space = false;
		}
		text += source[i];
		raw.push(i);
	}
	const firstLineEnd = starts[line] ?? source.length;
	const firstLength = raw.findIndex((r) => r >= firstLineEnd);
	const at = text.indexOf(quote);
	if (at === -1 || at >= Math.max(firstLength === -1 ? text.length : firstLength, 1)) return null;
	const s = at + partAt;
	const e = s + partLength - 1;
	if (e >= raw.length) return null;
	return { start: raw[s]!, end: raw[e]! + 1 };
}
