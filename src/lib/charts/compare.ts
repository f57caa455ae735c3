/**
 * One indicator's figures in one unit on one scale: dots for values, intervals for ranges,
 * arrows for open-ended bounds ("more than", "up to"); each figure on its own row under its
 * label (place and period, then document and line), each mark linked to its figure page (a
 * number the text implies, which has none, to its line in the document). Callers
 * give one unit per chart, so units never mix on an axis.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions, RenderFunction } from '@observablehq/plot';
import { ticks } from 'd3-array';
import { format } from 'd3-format';
import { m } from '$lib/paraglide/messages';
import type { CompareFigure } from '../data/site-table';
import { formatFigure, formatFigureShort } from '../data/format';
import { flagText, refTimeText, whoSaysText } from '../data/figure-words';
import { MARK_IMPLIED, MARK_PRINTED, markHref } from './compare-marks';
import type { SizedPlot } from './plot-types';
import { LABEL_SIZE, LINE, MARK_BAND, layoutRows, type CompareRow } from './compare-rows';
import { textWidth } from './text-width';

export interface CompareOptions<F extends CompareFigure = CompareFigure> {
	width: number;
	/** A figure's page; null for a row with no page (the user's own figures). */
	figureHref: (id: string) => string | null;
	/**
	 * A line of a document in the reader: where a number the text implies is implied (it has no
	 * page of its own). Without it, an implied number's mark links nowhere.
	 */
	lineHref?: (doc: string, line: number) => string;
	/** Each row's whole label, in place of place · period and document, line (slides). */
	label?: (f: F) => string;
	/** Room right of the axis's end for the values' text (default 24 px). */
	marginRight?: number;
	/** A title drawn inside the chart above the rows (so an exported image keeps it): the unit. */
	heading?: string;
}

const MARGIN_LEFT = 8;
const MARGIN_BOTTOM = 26;
const HEADING_SIZE = 13;
const HEADING = 24;
const VALUE_SIZE = 12;
/** Between a mark's end and its value's text. */
const VALUE_GAP = 10;

const OPEN_UP = new Set(['more_than', 'at_least']);
const OPEN_DOWN = new Set(['less_than', 'up_to']);

// Each tick on its own: a format shared by all ticks writes zero as "0M" or "0k". Below a
// thousand, plain numbers: SI would write half a year as "500m".
const siTick = format('~s');
const plainTick = format('~g');
export const axisTick = (v: number) => (Math.abs(v) < 1000 ? plainTick(v) : siTick(v));

/**
 * The axis's upper end: `least`, or further where a value's text would run past the chart's
 * right edge (a long "at least 7 million persons" written past the largest value's arrow).
 * @param widthOf a figure's value text's width, px
 */
export function axisTop<F extends CompareFigure>(
	rows: readonly F[],
	reach: number,
	least: number,
	inner: number,
	marginRight: number,
	widthOf: (f: F) => number
): number {
	let top = least;
	for (const f of rows) {
		const x = valueTextX(f, reach);
		const room = inner + marginRight - VALUE_GAP - widthOf(f);
		// A text too long for any scale keeps the plain axis rather than squashing every mark
		// (it is then written left of its mark).
		if (x !== null && x > 0 && room > inner * 0.4) top = Math.max(top, (x * inner) / room);
	}
	return top;
}

/** Where a figure's value is written: past the head of a "more than" arrow, else at the value. */
export function valueTextX(f: CompareFigure, reach: number): number | null {
	if (f.value !== null && OPEN_UP.has(f.qualifier)) return f.value + reach;
	return f.value ?? f.high;
}

/** The left end of a figure's mark: a range's low end, the head of an "up to" arrow, the dot. */
function markStart(f: CompareFigure, reach: number): number {
	if (f.value !== null && OPEN_DOWN.has(f.qualifier)) return Math.max(0, f.value - reach);
	return f.value ?? f.low ?? 0;
}

/** A mark's links stay clickable but out of the Tab order: the figure's dot or range has one. */
const untabbable: RenderFunction = function (index, scales, values, dimensions, context, next) {
	const g = next!(index, scales, values, dimensions, context);
	g?.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
	return g;
};

interface Row<F extends CompareFigure> extends CompareRow<F> {
	label: string;
	text: string;
	point: number | null;
	/** The value's text goes right of the mark, or left where the right has no room. */
	textRight: boolean;
}

/** The chart at `o.width`: its height, from the rows' labels, and its Plot options. */
export function compareChart<F extends CompareFigure>(
	figures: readonly F[],
	o: CompareOptions<F>
): SizedPlot {
	const start = o.heading ? HEADING : 2;
	const laid = layoutRows(figures, o.width - MARGIN_LEFT - 2, start, o.label);
	const height = laid.bottom + 8 + MARGIN_BOTTOM;
	return { height, options: () => compareOptions(figures, o, laid.rows, height) };
}

function compareOptions<F extends CompareFigure>(
	figures: readonly F[],
	o: CompareOptions<F>,
	laid: CompareRow<F>[],
	height: number
): PlotOptions {
	const marginRight = o.marginRight ?? 24;
	const inner = o.width - MARGIN_LEFT - marginRight;

	// The chart's title or heading names the unit, so narrow charts use the short form.
	const valueText = (f: F) => (o.width < 520 ? formatFigureShort(f) : formatFigure(f));
	const valueWidth = (f: F) => textWidth(valueText(f), VALUE_SIZE, true);
	const max = Math.max(...figures.map((f) => f.value ?? f.high ?? 0), 1);
	const reach = max * 0.12;
	const top = axisTop(figures, reach, max * 1.15, inner, marginRight, valueWidth);
	const px = (v: number) => MARGIN_LEFT + (v / top) * inner;

	const rows: Row<F>[] = laid.map((r) => {
		const x = valueTextX(r.f, reach) ?? 0;
		return {
			...r,
			label: [r.head.join(' '), r.source.join(' ')].filter(Boolean).join(' · '),
			text: valueText(r.f),
			point: r.f.value,
			textRight:
				px(x) + VALUE_GAP + valueWidth(r.f) <= o.width ||
				px(markStart(r.f, reach)) - VALUE_GAP - valueWidth(r.f) < 0
		};
	});
	const points = rows.filter((d) => d.point !== null);
	const derived = (d: Row<F>) => !!(d.f as { derived?: boolean }).derived;
	const tip = (d: Row<F>) =>
		[
			formatFigure(d.f),
			d.f.indicator,
			[d.f.geography, refTimeText(d.f) || d.f.period].filter(Boolean).join(', '),
			derived(d) ? m.charts_tip_implied({ formula: d.f.value_text }) : `“${d.f.quote}”`,
			m.charts_doc_line({ doc: d.f.doc_short_title, line: d.f.line }),
			whoSaysText(d.f) ? m.charts_tip_who({ who: whoSaysText(d.f) }) : '',
			flagText(d.f) ? `⚠ ${flagText(d.f)}` : ''
		]
			.filter(Boolean)
			.join('\n');
	const href = (d: Row<F>) => markHref(d.f, o.figureHref, o.lineHref);
	const ariaLabel = (d: Row<F>) => `${d.label}: ${formatFigure(d.f)}`;
	const tickValues = ticks(0, top, Math.max(2, Math.floor(inner / 80)));
	// Grid lines only across each row's mark, so they never run through the labels.
	const grid = rows.flatMap((d) => tickValues.map((t) => ({ t, y: d.y })));
	const band = MARK_BAND / 2 + 2;
	const gridLines = (data: typeof grid, opacity: number) =>
		Plot.ruleX(data, {
			x: 't',
			y1: (d) => d.y - band,
			y2: (d) => d.y + band,
			stroke: 'currentColor',
			strokeOpacity: opacity,
			ariaHidden: 'true'
		});
	const labelText = (lines: (d: Row<F>) => string[]) =>
		({
			frameAnchor: 'left',
			lineAnchor: 'top',
			lineHeight: LINE / LABEL_SIZE,
			fontSize: LABEL_SIZE,
			fill: 'currentColor',
			text: (d: Row<F>) => lines(d).join('\n'),
			ariaHidden: 'true'
		}) as const;
	const value = (right: boolean) =>
		Plot.text(
			rows.filter((d) => d.textRight === right),
			{
				x: (d) => (right ? valueTextX(d.f, reach) : markStart(d.f, reach)),
				y: 'y',
				text: 'text',
				dx: right ? VALUE_GAP : -VALUE_GAP,
				textAnchor: right ? 'start' : 'end',
				fill: 'currentColor',
				fontSize: VALUE_SIZE,
				fontWeight: 'bold',
				ariaHidden: 'true'
			}
		);

	return {
		width: o.width,
		height,
		marginLeft: MARGIN_LEFT,
		marginRight,
		marginTop: 0,
		marginBottom: MARGIN_BOTTOM,
		// The axis's numbers at the labels' size, never Plot's 10 px.
		style: { fontSize: `${LABEL_SIZE}px` },
		x: { domain: [0, top], label: null, ticks: tickValues, tickFormat: axisTick },
		y: { type: 'identity', axis: null },
		marks: [
			o.heading
				? Plot.text([o.heading], {
						frameAnchor: 'top-left',
						text: (d) => d,
						lineAnchor: 'top',
						dy: 2,
						fontSize: HEADING_SIZE,
						fontWeight: 'bold',
						fill: 'currentColor'
					})
				: null,
			// The whole row, label and mark, leads to the figure's page: a bigger target to tap.
			Plot.rect(rows, {
				x1: 0,
				x2: top,
				y1: (d) => Math.max(0, d.top - 3),
				y2: (d) => d.y + band,
				fill: 'transparent',
				href,
				title: tip,
				ariaHidden: 'true',
				render: untabbable
			}),
			gridLines(
				grid.filter((d) => d.t !== 0),
				0.14
			),
			gridLines(
				grid.filter((d) => d.t === 0),
				0.55
			),
			Plot.text(
				rows.filter((d) => d.head.length),
				{ ...labelText((d) => d.head), y: 'top', fontWeight: 'bold' }
			),
			Plot.text(rows, {
				...labelText((d) => d.source),
				y: (d) => d.top + d.head.length * LINE,
				// The document and line read after the place and period: quieter, still 4.5:1.
				fillOpacity: o.label ? 1 : 0.75
			}),
			Plot.link(
				rows.filter((d) => d.f.qualifier === 'range'),
				{
					x1: (d) => d.f.low,
					x2: (d) => d.f.high,
					y1: 'y',
					y2: 'y',
					stroke: MARK_PRINTED,
					strokeWidth: 6,
					strokeLinecap: 'round',
					href,
					title: tip,
					ariaLabel
				}
			),
			Plot.arrow(
				points.filter((d) => OPEN_UP.has(d.f.qualifier) || OPEN_DOWN.has(d.f.qualifier)),
				{
					x1: 'point',
					x2: (d) =>
						OPEN_UP.has(d.f.qualifier) ? d.point! + reach : Math.max(0, d.point! - reach),
					y1: 'y',
					y2: 'y',
					stroke: MARK_PRINTED,
					strokeWidth: 2,
					headLength: 7,
					// From the dot's edge: a line through an open circle would fill it in.
					insetStart: 7,
					href,
					title: tip,
					ariaHidden: 'true',
					render: untabbable
				}
			),
			Plot.dot(
				points.filter((d) => !derived(d)),
				{
					x: 'point',
					y: 'y',
					r: 6,
					// An approximate value's hollow dot, in the card's colour, hides the grid behind it.
					fill: (d) => (d.f.qualifier === 'exact' ? MARK_PRINTED : 'var(--surface)'),
					stroke: MARK_PRINTED,
					strokeWidth: 2,
					href,
					title: tip,
					ariaLabel
				}
			),
			// A number the text implies but does not print: a dashed ring, never a solid dot.
			Plot.dot(points.filter(derived), {
				x: 'point',
				y: 'y',
				r: 6,
				fill: 'var(--surface)',
				stroke: MARK_IMPLIED,
				strokeWidth: 2,
				strokeDasharray: '2.5,2',
				href,
				title: tip,
				ariaLabel: (d) => m.charts_aria_implied({ label: ariaLabel(d) })
			}),
			value(true),
			value(false)
		]
	};
}
