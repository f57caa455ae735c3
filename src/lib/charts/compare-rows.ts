/**
 * Where each figure of a comparison chart sits: one row per figure, its label written in full
 * above its mark across the chart's width and wrapped over as many lines as it needs, so no
 * label is ever cut and two figures with the same label never share a row. Rows are placed in
 * pixels, which is also how the chart knows its height before it is drawn.
 */
import { flagsOf, refTimeText, whoSaysText } from '../data/figure-words';
import { m } from '$lib/paraglide/messages';
import type { CompareFigure } from '../data/site-table';
import { wrapText } from './text-width';

/** Label text size and line height, px. */
export const LABEL_SIZE = 12;
export const LINE = 16;
/** The band a mark is drawn in (a dot of radius 6 with its stroke), and the space around it. */
export const MARK_BAND = 16;
const LABEL_TO_MARK = 3;
const ROW_GAP = 12;

export interface CompareRow<F extends CompareFigure = CompareFigure> {
	f: F;
	/** The place and period, in bold: the first part of the label. */
	head: string[];
	/** The document and line (or a caller's whole label), after the head. */
	source: string[];
	/** The label's top edge, px from the chart's top. */
	top: number;
	/** The mark's centre line, px from the chart's top. */
	y: number;
}

/**
 * The label's parts in words: a warning sign if the figure has one, the place and the time it
 * speaks of; then the document and line and who says so, or, for a number the text implies,
 * its arithmetic.
 */
export function labelParts(f: CompareFigure & { derived?: boolean }): {
	head: string;
	source: string;
} {
	const who = whoSaysText(f);
	return {
		head: `${flagsOf(f).length ? '⚠ ' : ''}${f.geography} · ${refTimeText(f) || f.period || m.charts_no_time()}`,
		source: f.derived
			? m.charts_implied_label({ formula: f.value_text, doc: f.doc_short_title })
			: `${m.charts_doc_line({ doc: f.doc_short_title, line: f.line })}${who ? ` · ${who}` : ''}`
	};
}

/**
 * @param width room for a label's lines, px
 * @param start where the first row's label begins, px from the chart's top
 * @param label a caller's own label, written as one part in place of `labelParts`
 * @returns the rows and where the last one ends
 */
export function layoutRows<F extends CompareFigure>(
	figures: readonly F[],
	width: number,
	start: number,
	label?: (f: F) => string
): { rows: CompareRow<F>[]; bottom: number } {
	let top = start;
	const rows = figures.map((f) => {
		const parts = label ? { head: '', source: label(f) } : labelParts(f);
		const head = parts.head ? wrapText(parts.head, width, LABEL_SIZE, true) : [];
		const source = wrapText(parts.source, width, LABEL_SIZE);
		const y = top + (head.length + source.length) * LINE + LABEL_TO_MARK + MARK_BAND / 2;
		const row = { f, head, source, top, y };
		top = y + MARK_BAND / 2 + ROW_GAP;
		return row;
	});
	return { rows, bottom: top - ROW_GAP };
}
