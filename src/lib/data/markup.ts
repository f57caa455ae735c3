/**
 * The few markup signs some source texts carry from their conversion to text (`**bold**`,
 * `*italic*`, `<sup>1</sup>`, `<i>Page</i>`, `\*`, `## ` before a heading, a `---` rule). The
 * reader shows what they mean instead of the signs; the text files keep them, byte for byte.
 */

export type MarkupKind = 'bold' | 'italic' | 'sup' | 'em' | 'literal' | 'hide';

export interface MarkupToken {
	start: number;
	end: number;
	kind: MarkupKind;
	/** For `literal`: the character to show ("*" for `\*`). */
	text?: string;
}

const SIGNS = /\*\*|\\\*|\*|<\/?sup>|<\/?i>/g;

/** The markup signs of one line, as offsets within it. */
export function markupIn(line: string): MarkupToken[] {
	const out: MarkupToken[] = [];
	const heading = /^(\s*)(#{1,6}\s+)/.exec(line);
	if (heading) out.push({ start: heading[1]!.length, end: heading[0].length, kind: 'hide' });
	if (/^\s*---\s*$/.test(line)) return [{ start: 0, end: line.length, kind: 'hide' }];
	const signs = [...line.matchAll(SIGNS)];
	// A single "*" marks italics only where the line pairs them ("*fora*"); a lone one is text.
	const singles = signs.filter((m) => m[0] === '*').length;
	for (const m of signs) {
		const sign = m[0];
		const start = m.index;
		const end = start + sign.length;
		if (sign === '**') out.push({ start, end, kind: 'bold' });
		else if (sign === '\\*') out.push({ start, end, kind: 'literal', text: '*' });
		else if (sign === '*') {
			if (singles % 2 === 0) out.push({ start, end, kind: 'italic' });
		} else out.push({ start, end, kind: sign.includes('sup') ? 'sup' : 'em' });
	}
	return out;
}

/** A line as a reader sees it: its markup signs taken out. */
export function visibleText(line: string): string {
	let out = '';
	let at = 0;
	for (const t of markupIn(line)) {
		out += line.slice(at, t.start) + (t.text ?? '');
		at = t.end;
	}
	return out + line.slice(at);
}
