/**
 * Every number in a source text, accounted for: each is inside a curated figure's printed value
 * (`value_text`, where the quote stands in the text) or listed in `data/uncurated.csv` with a
 * reason. Shared by `verify:data` (which fails on a number that is neither) and the reader
 * (which marks figures and shows the rest lightly with their reason).
 */
import { wordOccurrences } from './format';
import { numberSpans } from './numbers';
import { lineAt, lineStarts, locateInSource } from './source-text';
import type { UncuratedReason, UncuratedRow } from './uncurated';

/** Where a curated figure's printed value stands in its source text. */
export interface FigureMark {
	figure_id: string;
	/** The line the figure cites (its quote starts there) and the line its value stands on. */
	line: number;
	valueLine: number;
	start: number;
	end: number;
}

export type AccountedNumber = {
	/** 1-based line the number starts on, and its offsets in the source text. */
	line: number;
	start: number;
	end: number;
	/** As printed, whitespace collapsed. */
	text: string;
} & (
	| { status: 'figure'; figureIds: string[] }
	| { status: 'uncurated'; reason: UncuratedReason; note: string }
	| { status: 'unaccounted' }
);

export interface DocumentCoverage {
	numbers: AccountedNumber[];
	marks: FigureMark[];
	/** Figures whose value could not be placed in the text (their quote or value_text is wrong). */
	unplaced: string[];
	/** Rows of uncurated.csv that match no unaccounted number on their line. */
	stale: UncuratedRow[];
}

interface PlaceableFigure {
	figure_id: string;
	line: number;
	quote: string;
	value_text: string;
}

/** Accounts for every number of one document's text. `figures` and `rows` are that document's. */
export function accountDocument(
	source: string,
	figures: PlaceableFigure[],
	rows: UncuratedRow[]
): DocumentCoverage {
	const starts = lineStarts(source);
	const marks: FigureMark[] = [];
	const unplaced: string[] = [];
	for (const f of figures) {
		const at = wordOccurrences(f.quote, f.value_text)[0] ?? -1;
		const placed = locateInSource(source, starts, f.line, f.quote, at, f.value_text.length);
		if (!placed) unplaced.push(f.figure_id);
		else marks.push({ figure_id: f.figure_id, line: f.line, valueLine: lineAt(starts, placed.start), ...placed });
	}
	// The rows of each line, in the order they stand there, matched to its numbers in turn.
	const queues = new Map<string, UncuratedRow[]>();
	for (const r of rows) {
		const key = `${r.line}\u0000${r.number}`;
		queues.set(key, [...(queues.get(key) ?? []), r]);
	}
	const numbers: AccountedNumber[] = numberSpans(source).map((n) => {
		const line = lineAt(starts, n.start);
		const base = { line, start: n.start, end: n.end, text: n.text };
		const figureIds = marks.filter((m) => m.start < n.end && n.start < m.end).map((m) => m.figure_id);
		if (figureIds.length) return { ...base, status: 'figure', figureIds };
		const row = queues.get(`${line}\u0000${n.text}`)?.shift();
		if (row) return { ...base, status: 'uncurated', reason: row.reason, note: row.note };
		return { ...base, status: 'unaccounted' };
	});
	return { numbers, marks, unplaced, stale: [...queues.values()].flat() };
}

/** Counts for a document's coverage line: numbers, those in figures, and the rest by reason. */
export function coverageCounts(c: DocumentCoverage) {
	const byReason = new Map<UncuratedReason, number>();
	let inFigures = 0;
	let unaccounted = 0;
	for (const n of c.numbers) {
		if (n.status === 'figure') inFigures++;
		else if (n.status === 'uncurated') byReason.set(n.reason, (byReason.get(n.reason) ?? 0) + 1);
		else unaccounted++;
	}
	return {
		total: c.numbers.length,
		inFigures,
		figures: new Set(c.marks.map((m) => m.figure_id)).size,
		byReason,
		unaccounted
	};
}
