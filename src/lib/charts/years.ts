/**
 * The timeline's year axis: a scale that gives the recent decades, where most figures are, most
 * of the width and squeezes the long past before them into a marked strip (a period such as
 * 1850–1949 would otherwise take two thirds of the chart), its ticks, and how a drag or a tap on
 * it becomes a range of years.
 */
import { ticks } from 'd3-array';

/** The chart's fixed height, so the page never moves when the marks change. */
export const TIMELINE_HEIGHT = 196;
/** Marks are drawn above `plot.bottom`; the ruler (axis labels, a free place to drag) below. */
export const TIMELINE_MARGIN = { left: 10, right: 12, top: 6, bottom: 46 };
/** A span of years longer than this gets a squeezed past. */
const LINEAR_SPAN = 60;
/** The years kept at full scale at the end of a long span, before rounding down to a decade. */
const RECENT_YEARS = 44;
/** The share of the width the squeezed past takes. */
const PAST_SHARE = 0.16;

export interface YearScale {
	/** Pixel x of a year's left edge (a year spans [year, year + 1)). */
	x: (year: number) => number;
	/** The year under a pixel x, not clamped. */
	yearAt: (px: number) => number;
	/** The first year at full scale when the past is squeezed, else null. */
	cut: number | null;
	plot: { left: number; right: number; top: number; bottom: number };
	/** The bottom of the ruler under the plot. */
	rulerBottom: number;
}

/** Where the squeezed past ends for a span of years, or null when the span is drawn to scale. */
export function cutYear(domain: [number, number]): number | null {
	const end = domain[1] + 1;
	if (end - domain[0] <= LINEAR_SPAN) return null;
	return Math.floor((end - RECENT_YEARS) / 10) * 10;
}

export function yearScale(domain: [number, number], width: number): YearScale {
	const m = TIMELINE_MARGIN;
	const plot = {
		left: m.left,
		right: Math.max(m.left + 1, width - m.right),
		top: m.top,
		bottom: TIMELINE_HEIGHT - m.bottom
	};
	const [y0, y1] = [domain[0], domain[1] + 1];
	const w = plot.right - plot.left;
	const cut = cutYear(domain);
	// Piecewise linear: [y0, cut) over the past's share, [cut, y1) over the rest.
	const stops: [number, number][] =
		cut === null
			? [
					[y0, plot.left],
					[Math.max(y1, y0 + 1), plot.right]
				]
			: [
					[y0, plot.left],
					[cut, plot.left + w * PAST_SHARE],
					[y1, plot.right]
				];
	const piece = (v: number, from: 0 | 1) => {
		const to = from === 0 ? 1 : 0;
		let i = 0;
		while (i < stops.length - 2 && v >= stops[i + 1]![from]) i++;
		const [a, b] = [stops[i]!, stops[i + 1]!];
		return a[to] + ((v - a[from]) / (b[from] - a[from])) * (b[to] - a[to]);
	};
	return {
		x: (year) => piece(year, 0),
		yearAt: (px) => piece(px, 1),
		cut,
		plot,
		rulerBottom: TIMELINE_HEIGHT - 6
	};
}

/** A span of years in words: "1990", "1990–2000". */
export const yearsText = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

/**
 * The chosen years as a band, never thinner than a finger can see: a year of the squeezed past
 * is under a pixel wide.
 */
export function chosenBand(s: YearScale, selected: [number, number]): { x: number; w: number } {
	const a = s.x(selected[0]);
	const b = s.x(selected[1] + 1);
	const w = Math.max(6, b - a);
	return { x: (a + b) / 2 - w / 2, w };
}

/** Labelled years: at a readable spacing on the full-scale part, the ends of the squeezed one. */
export function yearTicks(s: YearScale, domain: [number, number]): { year: number; x: number }[] {
	const end = domain[1] + 1;
	const from = s.cut ?? domain[0];
	const room = s.plot.right - s.x(from);
	const wanted = ticks(from, end, Math.max(2, Math.floor(room / 90))).filter(Number.isInteger);
	const years = s.cut === null ? wanted : [domain[0], ...wanted.filter((y) => y !== s.cut), s.cut];
	const out: { year: number; x: number }[] = [];
	// Never two labels closer than a label's width; the squeezed past's ends come first.
	for (const year of [...new Set(years)].sort((a, b) => a - b)) {
		const x = s.x(year);
		if (x > s.plot.right - 12) continue;
		if (out.length && x - out[out.length - 1]!.x < 38) continue;
		out.push({ year, x });
	}
	return out;
}

/**
 * The years a brush from pixel x0 to x1 covers: every year whose column it touches, within the
 * domain. A drag inside one column chooses that year.
 */
export function brushYears(
	x0: number,
	x1: number,
	yearAt: (px: number) => number,
	domain: [number, number]
): [number, number] {
	const clamp = (y: number) => Math.max(domain[0], Math.min(domain[1], y));
	// A brush edge on a column's edge (where the brush is put for a selection) is that edge, not
	// a pixel's rounding error beyond it; one ending on a column's left edge does not take that year.
	const eps = 1e-6;
	const from = clamp(Math.floor(yearAt(Math.min(x0, x1)) + eps));
	const to = clamp(Math.ceil(yearAt(Math.max(x0, x1)) - eps) - 1);
	return [from, Math.max(from, to)];
}

/**
 * A tap (or a click without a drag) on a year: with one year chosen, a tap on another makes the
 * range between them (tap, tap: a range without dragging a finger); otherwise it chooses the year.
 */
export function tapYears(year: number, selected: [number, number] | null): [number, number] {
	if (selected && selected[0] === selected[1] && selected[0] !== year)
		return [Math.min(year, selected[0]), Math.max(year, selected[0])];
	return [year, year];
}

/** Which part of the chosen years a key moves: either end, or the whole range. */
export type YearHandle = 'from' | 'to' | 'range';

/** The keys a year handle answers, as a slider's (WAI-ARIA's slider pattern). */
export interface YearKey {
	key: string;
	shiftKey?: boolean;
}

/**
 * The chosen years after a key on one of the timeline's handles, or null when the key is not
 * one of its: arrows move by a year, with Shift or Page Up/Down by ten; Home and End go to the
 * data's first and last year (an end goes no further than the other end: the range stays in
 * order). With no years chosen the handles stand at the data's ends.
 */
export function keyedYears(
	e: YearKey,
	handle: YearHandle,
	current: [number, number] | null,
	domain: [number, number]
): [number, number] | null {
	const [lo, hi] = domain;
	const [from, to] = current ?? domain;
	const big = e.shiftKey ? 10 : 1;
	const step: Record<string, number> = {
		ArrowLeft: -big,
		ArrowDown: -big,
		ArrowRight: big,
		ArrowUp: big,
		PageDown: -10,
		PageUp: 10
	};
	const clamp = (y: number, a: number, b: number) => Math.max(a, Math.min(b, y));
	const by = step[e.key];
	if (handle === 'range') {
		const width = to - from;
		const start =
			e.key === 'Home' ? lo : e.key === 'End' ? hi - width : by === undefined ? null : from + by;
		if (start === null) return null;
		const s = clamp(start, lo, hi - width);
		return [s, s + width];
	}
	const own = handle === 'from' ? from : to;
	const [min, max] = handle === 'from' ? [lo, to] : [from, hi];
	const next = e.key === 'Home' ? lo : e.key === 'End' ? hi : by === undefined ? null : own + by;
	if (next === null) return null;
	const y = clamp(next, min, max);
	return handle === 'from' ? [y, to] : [from, y];
}
