/**
 * The check `verify:data` runs over `data/uncurated.csv`: every number in every source text is
 * in a curated figure or listed with a reason, no row is left over, and the rows that should
 * become figures (`to_curate`) are reported as warnings, so they stay visible until curated.
 */
import { readCsv } from './csv';
import { accountDocument, type DocumentCoverage } from './coverage';
import { parseTable, type Problem } from './parse-table';
import type { DocumentRow, FigureRow } from './schema';
import { lineStarts } from './source-text';
import { UNCURATED_COLUMNS, type UncuratedRow } from './uncurated';

export interface CoverageInput {
	documents: DocumentRow[];
	figures: FigureRow[];
	/** Source texts by file name. */
	sources: Map<string, string>;
	uncuratedCsv: string;
	file?: string;
}

export interface CoverageResult {
	problems: Problem[];
	/** Numbers marked `to_curate`, and such rows whose number has since become a figure. */
	warnings: string[];
	byDocument: Map<string, DocumentCoverage>;
}

/** A source line, whitespace collapsed, cut to about 100 characters. */
function context(source: string, starts: number[], line: number): string {
	if (line > starts.length) return `(past the last line, ${starts.length})`;
	const text = source.slice(starts[line - 1], starts[line] ?? source.length).replace(/\s+/g, ' ').trim();
	return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function checkCoverage(input: CoverageInput): CoverageResult {
	const file = input.file ?? 'data/uncurated.csv';
	const parsed = parseTable<UncuratedRow>(file, readCsv(input.uncuratedCsv), UNCURATED_COLUMNS);
	const problems: Problem[] = [...parsed.problems];
	const warnings: string[] = [];
	const byDocument = new Map<string, DocumentCoverage>();
	const figureIds = new Set(input.figures.map((f) => f.figure_id));
	const docIds = new Set(input.documents.map((d) => d.doc_id));

	for (const r of parsed.rows) {
		if (!docIds.has(r.doc_id))
			problems.push({ file, row: r._row, column: 'doc_id', message: `"${r.doc_id}" is not in documents.csv` });
		if (r.reason === 'part_of_figure' && !figureIds.has(r.note.split(':')[0]!.trim()))
			problems.push({
				file,
				row: r._row,
				column: 'note',
				message: `expected it to start with the figure_id this number is part of ("hc02-…: what it is"); "${r.note}" names none`
			});
	}

	for (const d of input.documents) {
		const source = input.sources.get(d.source_file);
		if (source === undefined) continue;
		const starts = lineStarts(source);
		const rows = parsed.rows.filter((r) => r.doc_id === d.doc_id);
		const coverage = accountDocument(
			source,
			input.figures.filter((f) => f.doc_id === d.doc_id),
			rows
		);
		byDocument.set(d.doc_id, coverage);
		for (const n of coverage.numbers) {
			if (n.status === 'unaccounted')
				problems.push({
					file,
					row: null,
					column: null,
					message: `${d.doc_id}, line ${n.line} of ${d.source_file}: "${n.text}" is neither in a curated figure's value_text nor listed here; add a row ${d.doc_id},${n.line},${csvCell(n.text)},<reason> (the line: "${context(source, starts, n.line)}")`
				});
			else if (n.status === 'uncurated' && n.reason === 'to_curate')
				warnings.push(
					`${d.doc_id}, line ${n.line}: "${n.text}" is marked to_curate: it should become a figure (the line: "${context(source, starts, n.line)}")`
				);
		}
		for (const r of coverage.stale as (UncuratedRow & { _row?: number })[]) {
			const message = `${d.doc_id}, line ${r.line}: no number "${r.number}" is left to account for on that line of ${d.source_file} (the line: "${context(source, starts, r.line)}")`;
			if (r.reason === 'to_curate') warnings.push(`${message}; it may have become a figure: remove the row`);
			else problems.push({ file, row: r._row ?? null, column: 'number', message });
		}
	}
	return { problems, warnings, byDocument };
}
