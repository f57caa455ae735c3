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
