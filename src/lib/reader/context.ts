/**
 * The passage around a quote, for a figure's page: the sentence before and after it in its
 * paragraph, and the headings it sits under. Pure text; the page highlights the figure.
 */
import { visibleText } from '../data/markup';
import type { OutlineRow } from '../data/outline';

export interface Passage {
	before: string;
	quote: string;
	after: string;
	/** Whether the paragraph goes on before `before` or after `after`. */
	more: { before: boolean; after: boolean };
	/** The headings the passage sits under, outermost first. */
	headings: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

// A full stop ends a sentence unless it ends a title or an initial ("Mr.", "No.", "U.S.", "J.").
const NOT_AN_END = /(?:^|\s|\()(?:Mr|Ms|Mrs|Dr|No|Nº|St|Sr|etc|e\.g|i\.e|U\.S|[A-Z])\.$/;

/** The text cut into sentences, each with its trailing space, so that they join back to it. */
export function sentences(text: string): string[] {
	const out: string[] = [];
	let from = 0;
	for (const m of text.matchAll(/[.!?][”"’)]*\s+(?=[“"‘(]?[A-Z0-9¿¡•])/g)) {
		const end = m.index + m[0].length;
		if (NOT_AN_END.test(text.slice(from, m.index + 1))) continue;
		out.push(text.slice(from, end));
		from = end;
	}
	if (from < text.length) out.push(text.slice(from));
	return out;
}

/** The headings above `line`, outermost first: each level's latest heading before it. */
export function headingsAbove(
	outline: Pick<OutlineRow, 'line' | 'level' | 'title'>[],
	line: number
): string[] {
	const stack: { level: number; title: string }[] = [];
	for (const h of outline) {
		if (h.line > line) break;
		while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
		stack.push(h);
	}
	return stack.map((h) => h.title);
}

/**
 * The paragraph holding the quote that starts on `line` (lines up to a blank line or a heading),
 * cut to the sentence before and the sentence after the quote. Null when the quote is not there.
 */
export function passageAround(
	lines: string[],
	outline: Pick<OutlineRow, 'line' | 'level' | 'title'>[],
	line: number,
	quote: string
): Passage | null {
	const headingLines = new Set(outline.map((h) => h.line));
	let first = line;
	while (first > 1 && lines[first - 2]!.trim() && !headingLines.has(first)) first--;
	let last = line;
	while (last < lines.length && lines[last]!.trim() && !headingLines.has(last + 1)) last++;
	const text = collapse(
		lines
			.slice(first - 1, last)
			.map(visibleText)
			.join('\n')
	);
	const at = text.indexOf(quote);
	if (at < 0) return null;
	const parts = sentences(text);
	let offset = 0;
	const spans = parts.map((p) => {
		const span = { start: offset, end: offset + p.length };
		offset += p.length;
		return span;
	});
	const firstIdx = spans.findIndex((s) => s.end > at);
	const lastIdx = spans.findIndex((s) => s.end >= at + quote.length);
	const beforeIdx = Math.max(0, firstIdx - 1);
	const afterIdx = Math.min(parts.length - 1, lastIdx + 1);
	const from = firstIdx > 0 ? spans[beforeIdx]!.start : 0;
	const to = lastIdx < parts.length - 1 ? spans[afterIdx]!.end : text.length;
	return {
		before: text.slice(from, at),
		quote,
		after: text.slice(at + quote.length, to).trimEnd(),
		more: { before: from > 0, after: to < text.length },
		headings: headingsAbove(outline, line)
	};
}
