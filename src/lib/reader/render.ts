/**
 * A source text as the reader's HTML, one section per heading of the document's outline. Each
 * source line is a `<span id="L324">` (blank lines an empty one), so every line has an anchor and
 * the markup stays lean; lines join into paragraphs as the text was wrapped. Curated figures are
 * links to their pages; the other numbers are marked lightly with their reason. All text is
 * escaped: the HTML is built here, from the source and the curated tables only.
 */
import type { AccountedNumber, FigureMark } from '../data/coverage';
import { markupIn, visibleText, type MarkupKind } from '../data/markup';
import { headingLines, type OutlineRow } from '../data/outline';
import { lineAt, lineStarts } from '../data/source-text';

export interface RenderInput {
	source: string;
	/** This document's headings. */
	outline: Pick<OutlineRow, 'line' | 'level' | 'title'>[];
	numbers: AccountedNumber[];
	marks: FigureMark[];
	/** The accessible name of each figure's mark ("20 million persons — figure: …"), by figure_id. */
	markLabel: (figureId: string, printed: string) => string;
	/** The figure page's address. */
	figureHref: (figureId: string) => string;
	/** What a number that is not a figure says on hover ("Not a figure: date"). */
	numberTitle: (n: Extract<AccountedNumber, { status: 'uncurated' }>) => string;
	/** The accessible name of the extra mark for a figure stated by the same words as another. */
	extraLabel: (figureId: string) => string;
}

export interface RenderedSection {
	/** `s-<first line>`. */
	id: string;
	heading: { level: number; title: string; line: number } | null;
	firstLine: number;
	lastLine: number;
	html: string;
	/** Characters of text and blocks in it, for the size it reserves before it is laid out. */
	chars: number;
	blocks: number;
}

/** The text's lines; a final line break ends the last line rather than starting an empty one. */
export function textLines(source: string): string[] {
	const lines = source.split('\n');
	if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

const LIST_ITEM = /^\s*(?:[-•−–]\s|\(?[ivx]+\)\s|\(?[a-z]\)\s|\d+\.\s)/;
/** Lines shorter than this are not a wrapped paragraph's lines: an address, a title, a programme. */
const FULL_LINE = 45;

interface Span {
	start: number;
	end: number;
}

/** Every item that starts or ends inside lines, filed under each line it touches. */
function byLine<T extends Span>(items: T[], lineOf: (at: number) => number): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const item of items) {
		const last = lineOf(Math.max(item.start, item.end - 1));
		for (let l = lineOf(item.start); l <= last; l++) out.set(l, [...(out.get(l) ?? []), item]);
	}
	return out;
}

export function renderDocument(input: RenderInput): RenderedSection[] {
	const { source } = input;
	const starts = lineStarts(source);
	const lines = textLines(source);
	const lineOf = (at: number) => lineAt(starts, at);
	const uncurated = input.numbers.filter(
		(n): n is Extract<AccountedNumber, { status: 'uncurated' }> => n.status === 'uncurated'
	);
	const numbersAt = byLine(uncurated, lineOf);
	const marksAt = byLine(input.marks, lineOf);
	const length = (m: FigureMark) => m.end - m.start;
	// Where figures overlap, the shortest one holds the words ("11 million" inside "half of the
	// 11 million"); a figure left without words of its own gets an extra mark after them.
	const innermost = (set: FigureMark[]) =>
		set.reduce((best, m) => (length(m) < length(best) ? m : best));
	const holds = new Set<string>();
	for (const m of input.marks) {
		for (let at = m.start; at < m.end; at++) {
			const set = input.marks.filter((o) => o.start <= at && at < o.end);
			holds.add(innermost(set).figure_id);
		}
	}
	const extras = input.marks.filter((m) => !holds.has(m.figure_id));
	const opened = new Set<string>();

	// Formatting carried from line to line within a block (a bold heading over three lines).
	let style = { bold: false, italic: false, sup: false };
	const toggle = (kind: MarkupKind) => {
		if (kind === 'bold') style = { ...style, bold: !style.bold };
		else if (kind === 'italic' || kind === 'em') style = { ...style, italic: !style.italic };
		else if (kind === 'sup') style = { ...style, sup: !style.sup };
	};
	const styled = (text: string) => {
		let html = escapeHtml(text);
		if (style.sup) html = `<sup>${html}</sup>`;
		if (style.italic) html = `<em>${html}</em>`;
		if (style.bold) html = `<strong>${html}</strong>`;
		return html;
	};

	function renderLine(n: number): string {
		const ls = starts[n - 1]!;
		const le = ls + lines[n - 1]!.length;
		const markup = markupIn(lines[n - 1]!).map((t) => ({
			...t,
			start: t.start + ls,
			end: t.end + ls
		}));
		const marks = marksAt.get(n) ?? [];
		const nums = numbersAt.get(n) ?? [];
		const cuts = new Set([ls, le]);
		for (const s of [...marks, ...nums, ...markup]) {
			if (s.start > ls && s.start < le) cuts.add(s.start);
			if (s.end > ls && s.end < le) cuts.add(s.end);
		}
		const points = [...cuts].sort((a, b) => a - b);
		let html = '';
		// The link or number being written; `closeGroup` ends it (a cast, so the closure's writes count).
		let group = null as {
			key: string;
			open: string;
			close: string;
			mark: FigureMark | null;
		} | null;
		const closeGroup = () => {
			if (!group) return;
			html += group.close;
			const mark = group.mark;
			if (mark)
				for (const x of extras)
					if (x.start >= mark.start && x.end <= mark.end && !opened.has(x.figure_id)) {
						opened.add(x.figure_id);
						html += `<a class="fig extra" id="fig-${escapeHtml(x.figure_id)}" href="${escapeHtml(input.figureHref(x.figure_id))}" data-f="${escapeHtml(x.figure_id)}" aria-label="${escapeHtml(input.extraLabel(x.figure_id))}">+1</a>`;
					}
			group = null;
		};
		for (let k = 0; k < points.length - 1; k++) {
			const a = points[k]!;
			const b = points[k + 1]!;
			const sign = markup.find((t) => t.start <= a && a < t.end);
			const set = marks.filter((m) => m.start <= a && a < m.end);
			const mark = set.length ? innermost(set) : null;
			const num = mark ? null : nums.find((x) => x.start <= a && a < x.end);
			const key = mark ? `f:${mark.figure_id}` : num ? `n:${num.start}` : '';
			if (group?.key !== key) {
				closeGroup();
				if (mark) {
					const first = !opened.has(mark.figure_id);
					opened.add(mark.figure_id);
					const id = escapeHtml(mark.figure_id);
					const href = escapeHtml(input.figureHref(mark.figure_id));
					const printed = visibleText(source.slice(mark.start, mark.end)).replace(/\s+/g, ' ');
					group = {
						key,
						mark,
						open: first
							? `<a class="fig" id="fig-${id}" href="${href}" data-f="${id}" aria-label="${escapeHtml(input.markLabel(mark.figure_id, printed))}">`
							: `<a class="fig" href="${href}" data-f="${id}" tabindex="-1" aria-hidden="true">`,
						close: '</a>'
					};
				} else if (num) {
					group = {
						key,
						mark: null,
						// A number that should be a figure stands out until it is one.
						open: `<span class="nf${num.reason === 'to_curate' ? ' todo' : ''}" title="${escapeHtml(input.numberTitle(num))}">`,
						close: '</span>'
					};
				}
				if (group) html += group.open;
			}
			if (sign) {
				if (sign.kind === 'literal') html += styled(sign.text ?? '');
				else if (sign.kind !== 'hide' && sign.start === a) toggle(sign.kind);
			} else html += styled(source.slice(a, b));
		}
		closeGroup();
		return html;
	}

	// Blocks: a heading of the outline, or a paragraph (lines up to a blank line or a heading).
	const headings = new Map<number, { level: number; title: string; count: number }>();
	for (const h of input.outline) {
		const count = headingLines(lines, h);
		if (count) headings.set(h.line, { level: h.level, title: h.title, count });
	}
	const sections: RenderedSection[] = [];
	let blanks = '';
	const lineSpan = (n: number) => `<span id="L${n}">${renderLine(n)}</span>`;
	for (let n = 1; n <= lines.length;) {
		const heading = headings.get(n);
		if (!heading && !lines[n - 1]!.trim()) {
			blanks += `<span id="L${n}"></span>`;
			n++;
			continue;
		}
		let last = n;
		if (heading) last = n + heading.count - 1;
		else while (last < lines.length && lines[last]!.trim() && !headings.has(last + 1)) last++;
		if (heading || !sections.length)
			sections.push({
				id: `s-${n}`,
				heading: heading ? { level: heading.level, title: heading.title, line: n } : null,
				firstLine: n,
				lastLine: n,
				html: '',
				chars: 0,
				blocks: 0
			});
		const section = sections[sections.length - 1]!;
		style = { bold: false, italic: false, sup: false };
		let body = '';
		for (let k = n; k <= last; k++) {
			body += lineSpan(k);
			if (k === last) break;
			const here = visibleText(lines[k - 1]!).trimEnd();
			const next = lines[k]!;
			if (!heading && /[a-zà-ÿ]-$/.test(here) && /^\s*[a-zà-ÿ]/.test(next)) continue;
			body +=
				heading || (here.trim().length >= FULL_LINE && !LIST_ITEM.test(next)) ? '\n' : '<br>\n';
		}
		const tag = heading ? `h${Math.min(heading.level + 1, 4)}` : 'p';
		const gutter = heading
			? ''
			: `<a class="ln" href="#L${n}" tabindex="-1" aria-hidden="true">${n}</a>`;
		section.html += `${blanks}<${tag}>${gutter}${body}</${tag}>\n`;
		blanks = '';
		section.lastLine = last;
		section.blocks++;
		for (let k = n; k <= last; k++) section.chars += visibleText(lines[k - 1]!).trim().length + 1;
		n = last + 1;
	}
	if (blanks && sections.length) {
		const lastSection = sections[sections.length - 1]!;
		lastSection.html += blanks;
		lastSection.lastLine = lines.length;
	}
	return sections;
}
