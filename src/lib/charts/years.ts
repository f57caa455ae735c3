/**
 * Figures by the years their reference time covers: bars per year over the data's whole span,
 * each with the part whose time the text states drawn apart from the part whose time is implied
 * or taken from the document's date.
 */
import { range, ticks } from 'd3-array';
import type { YearCount } from '../queries/describe';

export const YEARS_HEIGHT = 170;
export const YEARS_MARGIN = { left: 36, right: 16, top: 10, bottom: 28 };

export interface YearsLayout {
	/** Pixel x of a year's left edge (a year spans [year, year + 1)). */
	x: (year: number) => number;
	/** The year under a pixel x, not clamped. */
	yearAt: (px: number) => number;
	bars: {
		year: number;
		n: number;
		/** Of `n`, the figures whose time the text states: the bar's solid part, from the axis up. */
		stated: number;
		x: number;
		y: number;
		w: number;
		h: number;
		/** The top and height of the solid part. */
		sy: number;
		sh: number;
		inside: boolean;
	}[];
	xTicks: { year: number; x: number }[];
	yTicks: { n: number; y: number }[];
	plot: { left: number; right: number; top: number; bottom: number };
}

/**
 * @param domain the full span of years in the data, fixed so the axis never moves
 * @returns a bar for every year of the domain, zero high where no figure covers it: the chart's
 *   elements stay the same from one selection to the next, and an update only moves them
 */
export function yearsLayout(
	rows: YearCount[],
	o: { width: number; domain: [number, number]; selected: [number, number] | null }
): YearsLayout {
	const m = YEARS_MARGIN;
	const plot = {
		left: m.left,
		right: o.width - m.right,
		top: m.top,
		bottom: YEARS_HEIGHT - m.bottom
	};
	const [y0, y1] = [o.domain[0], o.domain[1] + 1];
	const span = Math.max(1, y1 - y0);
	const x = (year: number) => plot.left + ((year - y0) / span) * (plot.right - plot.left);
	const yearAt = (px: number) => y0 + ((px - plot.left) / (plot.right - plot.left)) * span;
	const yMax = Math.max(1, ...rows.map((r) => r.n));
	const yTickValues = ticks(0, yMax, 3).filter(Number.isInteger);
	const top = Math.max(yMax, ...yTickValues);
	const y = (n: number) => plot.bottom - (n / top) * (plot.bottom - plot.top);
	const gap = o.width > 600 ? 0.5 : 0;
	const counts = new Map(rows.map((r) => [r.year, r]));
	return {
		x,
		yearAt,
		plot,
		bars: range(o.domain[0], o.domain[1] + 1).map((year) => {
			const n = counts.get(year)?.n ?? 0;
			const stated = Math.min(n, counts.get(year)?.stated ?? 0);
			return {
				year,
				n,
				stated,
				sy: y(stated),
				sh: plot.bottom - y(stated),
				x: x(year) + gap,
				y: y(n),
				w: Math.max(0.5, x(year + 1) - x(year) - gap),
				h: plot.bottom - y(n),
				inside: !o.selected || (year >= o.selected[0] && year <= o.selected[1])
			};
		}),
		xTicks: ticks(y0, y1, Math.max(3, Math.floor(o.width / 80)))
			.filter(Number.isInteger)
			.map((year) => ({ year, x: x(year) })),
		yTicks: yTickValues.map((n) => ({ n, y: y(n) }))
	};
}

/**
 * The years a brush from pixel x0 to x1 covers: every year whose bar it touches, within the
 * domain. A drag inside one bar chooses that year (rounding to the nearest edges would give
 * an empty or reversed range there).
 */
export function brushYears(
	x0: number,
	x1: number,
	yearAt: (px: number) => number,
	domain: [number, number]
): [number, number] {
	const clamp = (y: number) => Math.max(domain[0], Math.min(domain[1], y));
	// A brush edge on a bar's edge (where the brush is put for a selection) is that edge, not
	// a pixel's rounding error beyond it; one ending on a bar's left edge does not take that year.
	const eps = 1e-6;
	const from = clamp(Math.floor(yearAt(Math.min(x0, x1)) + eps));
	const to = clamp(Math.ceil(yearAt(Math.max(x0, x1)) - eps) - 1);
	return [from, Math.max(from, to)];
}
