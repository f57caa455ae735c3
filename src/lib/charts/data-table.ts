/**
 * Each chart's numbers as a plain table: the text alternative a screen reader (or anyone who
 * prefers numbers to shapes) reads instead of the marks.
 */
import { m } from '$lib/paraglide/messages';
import type { CompareMark } from './compare-groups';
import { markHref } from './compare-marks';
import { formatFigure } from '../data/format';
import type { KeyCount, YearCount } from '../queries/describe';

export interface DataTable {
	columns: string[];
	rows: (string | number)[][];
	/** Where each row's first cell leads (a figure's page with its quote), when it has a page. */
	links?: (string | null)[];
}

/** Counts by category in the chart's own order, with the labels the chart shows. */
export function countTable(
	heading: string,
	rows: KeyCount[],
	order: readonly string[],
	labels: Record<string, string>
): DataTable {
	const n = new Map(rows.map((r) => [r.key, r.n]));
	const keys = [...order, ...rows.map((r) => r.key).filter((k) => !order.includes(k))];
	return {
		columns: [heading, m.charts_table_figures()],
		rows: keys.filter((k) => (n.get(k) ?? 0) > 0).map((k) => [labels[k] ?? k, n.get(k) ?? 0])
	};
}

export function yearTable(rows: YearCount[]): DataTable {
	return {
		columns: [m.charts_table_year(), m.charts_table_figures(), m.charts_table_stated()],
		rows: rows.filter((r) => r.n > 0).map((r) => [r.year, r.n, r.stated])
	};
}

export function compareTable(
	figures: CompareMark[],
	figureHref: (id: string) => string | null,
	lineHref?: (doc: string, line: number) => string
): DataTable {
	return {
		links: figures.map((f) => markHref(f, figureHref, lineHref)),
		columns: [m.charts_table_figure(), m.charts_table_place_period(), m.charts_table_source()],
		rows: figures.map((f) => [
			f.derived
				? m.charts_side_implied({ figure: formatFigure(f), formula: f.value_text })
				: formatFigure(f),
			[f.geography, f.period].filter(Boolean).join(', '),
			[
				m.charts_doc_line({ doc: f.doc_short_title, line: f.line }),
				f.attributed_to ? m.charts_attributed({ who: f.attributed_to }) : ''
			]
				.filter(Boolean)
				.join(' ')
		])
	};
}
