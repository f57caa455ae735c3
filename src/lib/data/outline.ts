/**
 * `data/outline.csv`: each document's own headings, with their level, so the reader can show
 * them as headings and as a table of contents. A title is the heading as printed (whitespace
 * collapsed, markup signs taken out) and covers whole lines from `line` on.
 */
import { readCsv } from './csv';
import { parseTable, type Problem } from './parse-table';
import type { ColumnSpec, DocumentRow } from './schema';
import { visibleText } from './markup';

export const OUTLINE_COLUMNS: ColumnSpec[] = [
	{ name: 'doc_id', type: 'slug', required: true },
	{ name: 'line', type: 'int', required: true },
	{ name: 'level', type: 'int', required: true },
	{ name: 'title', type: 'text', required: true }
];

export interface OutlineRow {
	doc_id: string;
	line: number;
	/** 1 (a part or annex), 2 (a section or unit) or 3 (a presentation, a subsection). */
	level: number;
	title: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How many lines from `line` the title covers, or null when it is not what those lines say. */
export function headingLines(lines: string[], row: Pick<OutlineRow, 'line' | 'title'>): number | null {
	let text = '';
	for (let n = 1; row.line - 1 + n - 1 < lines.length && n <= 6; n++) {
		text = collapse(`${text} ${visibleText(lines[row.line - 2 + n]!)}`);
		if (text === row.title) return n;
		if (!row.title.startsWith(text)) return null;
	}
	return null;
}

export function readOutline(csv: string, file = 'data/outline.csv') {
	return parseTable<OutlineRow>(file, readCsv(csv), OUTLINE_COLUMNS);
}

/** Problems with the outline: unknown documents, levels outside 1–3, titles not found on their lines, headings out of order. */
export function checkOutline(
	csv: string,
	documents: DocumentRow[],
	sources: Map<string, string>,
	file = 'data/outline.csv'
): Problem[] {
	const { rows, problems } = readOutline(csv, file);
	const docs = new Map(documents.map((d) => [d.doc_id, d]));
	const last = new Map<string, number>();
	for (const r of rows) {
		const at = (column: string, message: string) => problems.push({ file, row: r._row, column, message });
		const doc = docs.get(r.doc_id);
		if (!doc) {
			at('doc_id', `"${r.doc_id}" is not in documents.csv`);
			continue;
		}
		if (r.level < 1 || r.level > 3) at('level', `${r.level} is not a level; expected 1, 2 or 3`);
		if ((last.get(r.doc_id) ?? 0) >= r.line) at('line', `${r.line} is not after the previous heading of ${r.doc_id}`);
		last.set(r.doc_id, r.line);
		const source = sources.get(doc.source_file);
		if (source && headingLines(source.split('\n'), r) === null)
			at('title', `is not what line ${r.line} of ${doc.source_file} says (whole lines, whitespace collapsed, markup signs taken out)`);
	}
	return problems;
}
