/**
 * One indicator's figures on one scale: dots for values, intervals for ranges, arrows for
 * open-ended bounds ("more than", "up to"); each mark labelled with its source and period and
 * linked to its figure page. Callers group by indicator and unit, so units never mix on an axis.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { format } from 'd3-format';
import type { CompareFigure } from '../data/site-table';
import { formatFigure, formatFigureShort } from '../data/format';
import { COLORS } from './palette';

export interface CompareOptions<F extends CompareFigure = CompareFigure> {
	width: number;
	/** A figure's page; null for a row with no page (the user's own figures). */
	figureHref: (id: string) => string | null;
	/** Each row's label (unique per figure); by default place · period · document. */
	label?: (f: F) => string;
	/** Room right of the axis for the values' text (default 70 px). */
	marginRight?: number;
}

const ROW = 34;

export function compareLabel(f: CompareFigure): string {
	return `${f.geography} · ${f.period || 'no period'} · ${f.doc_short_title}`;
}

export function compareHeight(n: number): number {
	return n * ROW + 40;
}

const OPEN_UP = new Set(['more_than', 'at_least']);
const OPEN_DOWN = new Set(['less_than', 'up_to']);

// Each tick on its own: a format shared by all ticks writes zero as "0M" or "0k".
const siTick = format('~s');
export const axisTick = (v: number) => (v === 0 ? '0' : siTick(v));

/** About how wide an 11 px label is: wide enough never to be cut at the chart's edge. */
const textWidth = (text: string) => text.length * 6.4;

/**
 * The axis's upper end: `least`, or further where a value's text would run past the chart's
 * right edge (a long "at least 7 million persons" written past the largest value's arrow).
 */
export function axisTop<F extends CompareFigure>(
	rows: F[],
	reach: number,
	least: number,
	inner: number,
	marginRight: number,
	text: (f: F) => string
): number {
	let top = least;
	for (const f of rows) {
		const x = valueTextX(f, reach);
		const room = inner + marginRight - 10 - textWidth(text(f));
		// A text too long for any scale keeps the plain axis rather than squashing every mark.
		if (x !== null && x > 0 && room > inner * 0.4) top = Math.max(top, (x * inner) / room);
	}
	return top;
}

/** Where a figure's value is written: past the head of a "more than" arrow, else at the value. */
export function valueTextX(f: CompareFigure, reach: number): number | null {
	if (f.value !== null && OPEN_UP.has(f.qualifier)) return f.value + reach;
	return f.value ?? f.high;
}

export function compareSpec<F extends CompareFigure>(rows: F[], o: CompareOptions<F>): PlotOptions {
	const data = rows.map((f) => ({
		f,
		label: o.label ? o.label(f) : compareLabel(f),
		point: f.value ?? null,
		text: formatFigure(f)
	}));
	const max = Math.max(...rows.map((f) => f.value ?? f.high ?? 0), 1);
	const reach = max * 0.12;
	const points = data.filter((d) => d.point !== null);
	const tip = (d: (typeof data)[number]) =>
		`${d.text}\n${d.f.indicator}\n${d.f.geography}${d.f.period ? `, ${d.f.period}` : ''}\n“${d.f.quote}”\n${d.f.doc_short_title}, line ${d.f.line}${d.f.attributed_to ? `\nAttributed to: ${d.f.attributed_to}` : ''}`;
	const labelWidth = Math.min(260, Math.max(120, o.width * 0.45));
	const marginRight = o.marginRight ?? 70;
	// The chart's title names the unit, so narrow charts use the short form.
	const valueText = (f: F) => (o.width < 520 ? formatFigureShort(f) : formatFigure(f));
	const top = axisTop(
		rows,
		reach,
		max * 1.15,
		o.width - labelWidth - marginRight,
		marginRight,
		valueText
	);
	return {
		width: o.width,
		height: compareHeight(data.length),
		marginLeft: labelWidth,
		marginRight,
		marginBottom: 30,
		x: {
			domain: [0, top],
			grid: true,
			label: null,
			ticks: Math.max(2, Math.floor((o.width - labelWidth) / 90)),
			tickFormat: axisTick
		},
		y: {
			domain: data.map((d) => d.label),
			label: null,
			tickFormat: (t: string) =>
				t.length > labelWidth / 6.5 ? `${t.slice(0, Math.floor(labelWidth / 6.5) - 1)}…` : t
		},
		marks: [
			Plot.ruleX([0], { ariaHidden: 'true' }),
			Plot.link(
				data.filter((d) => d.f.qualifier === 'range'),
				{
					x1: (d) => d.f.low,
					x2: (d) => d.f.high,
					y1: 'label',
					y2: 'label',
					stroke: COLORS.range,
					strokeWidth: 6,
					strokeLinecap: 'round',
					href: (d) => o.figureHref(d.f.figure_id),
					title: tip,
					ariaLabel: (d) => `${d.label}: ${d.text}`
				}
			),
			Plot.arrow(
				points.filter((d) => OPEN_UP.has(d.f.qualifier) || OPEN_DOWN.has(d.f.qualifier)),
				{
					x1: 'point',
					x2: (d) =>
						OPEN_UP.has(d.f.qualifier) ? d.point! + reach : Math.max(0, d.point! - reach),
					y1: 'label',
					y2: 'label',
					stroke: COLORS.open,
					strokeWidth: 2,
					headLength: 7,
					ariaHidden: 'true'
				}
			),
			Plot.dot(points, {
				x: 'point',
				y: 'label',
				r: 6,
				fill: (d) => (d.f.qualifier === 'exact' ? COLORS.base : 'none'),
				stroke: COLORS.base,
				strokeWidth: 2,
				href: (d) => o.figureHref(d.f.figure_id),
				title: tip,
				ariaLabel: (d) => `${d.label}: ${d.text}`
			}),
			Plot.text(data, {
				x: (d) => valueTextX(d.f, reach),
				y: 'label',
				text: (d) => valueText(d.f),
				dx: 10,
				textAnchor: 'start',
				fill: 'currentColor',
				fontSize: 11,
				ariaHidden: 'true'
			})
		]
	};
}
