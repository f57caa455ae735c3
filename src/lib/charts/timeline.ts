/**
 * The timeline of figures: each figure a dot at its year or a bar over its period, filled where
 * the text states the time and hollow where it is implied or the document's date, stacked in
 * lanes from the axis up so no mark hides another. Marks are laid out in pixels (lanes are a
 * question of what overlaps on screen), on the year axis of `years.ts`.
 */
import { printedValue, refTimeText } from '../data/figure-words';
import { formatFigureShort } from '../data/format';
import type { SiteFigure } from '../data/site-table';
import type { PeriodCount } from '../queries/describe';
import { href } from '../i18n/locale';
import { brushYears, tapYears, yearScale, type YearScale } from './years';

/** What a mark needs of its figure: its page (null when it has none) and its words. */
export interface TimelineFigure {
	id: string;
	href: string | null;
	/** The value as printed (with its "over" or "about"), what it counts, the place and the time, in one line. */
	label: string;
}

/**
 * The marks' figures, found by position among `figures`: each with its page, in the page's
 * language, when `hasPage` says it has one (a reader's own rows and synthetic rows have none).
 */
export function timelineFigures(
	figures: readonly SiteFigure[],
	hasPage: (id: string) => boolean = () => true
): (order: number) => TimelineFigure | null {
	// Built at the first look-up: with many rows the marks are groups, which need none.
	let byOrder: Map<number, SiteFigure> | null = null;
	return (order) => {
		byOrder ??= new Map(figures.map((f) => [f.source_order, f]));
		const f = byOrder.get(order);
		if (!f) return null;
		const place = f.geography ? ` · ${f.geography}` : '';
		return {
			id: f.figure_id,
			href: hasPage(f.figure_id) ? href(`/figure/${encodeURIComponent(f.figure_id)}`) : null,
			label: `${f.value_text ? printedValue(f) : formatFigureShort(f)} — ${f.indicator}${place} · ${refTimeText(f)}`
		};
	};
}

/** More figures than this and each group of figures sharing a time is drawn as one mark. */
export const TIMELINE_MAX_MARKS = 400;
/** Dot radii tried, largest first: 4.5 px is the size of a stated year's dot with room. */
const RADII = [4.5, 3.75, 3, 2.5];
const GAP = 1.5;

export interface TimelineMark {
	/** Stable from one update to the next: the figure's position, or its group's time. */
	key: string;
	start: number;
	end: number;
	stated: boolean;
	/** How many figures the mark stands for: 1, or a whole group's when they are too many. */
	n: number;
	figure: TimelineFigure | null;
	/** A dot (one year) or a bar (a period). */
	shape: 'dot' | 'bar';
	x0: number;
	x1: number;
	/** The lane's centre. */
	y: number;
	r: number;
	/** Within the chosen years (every mark when none are chosen). */
	inside: boolean;
}

export interface TimelineLayout {
	scale: YearScale;
	marks: TimelineMark[];
	/** The lanes' height in pixels. */
	pitch: number;
	/** Marks standing for a group of more than one figure (only when they are too many to draw). */
	grouped: number;
}

interface Item {
	key: string;
	g: PeriodCount;
	n: number;
	figure: TimelineFigure | null;
	order: number;
}

/** A tenth of a pixel is finer than a screen shows: shorter numbers in the prerendered page. */
const round = (v: number) => Math.round(v * 10) / 10;

const BASIS_ORDER: Record<string, number> = { stated: 0, implied: 1, document_date: 2 };

/** One item a figure, or one a group when there are too many figures or their positions are not all known. */
function items(
	groups: PeriodCount[],
	figureAt: (order: number) => TimelineFigure | null
): { list: Item[]; grouped: number } {
	const total = groups.reduce((s, g) => s + g.n, 0);
	const list: Item[] = [];
	let grouped = 0;
	for (const g of groups) {
		if (total <= TIMELINE_MAX_MARKS && g.first.length >= g.n)
			for (const o of g.first)
				list.push({ key: String(o), g, n: 1, figure: figureAt(o), order: o });
		else {
			if (g.n > 1) grouped++;
			list.push({
				key: `${g.ref_start}-${g.ref_end}-${g.period_basis}`,
				g,
				n: g.n,
				figure: g.n === 1 && g.first[0] !== undefined ? figureAt(g.first[0]) : null,
				order: g.first[0] ?? 0
			});
		}
	}
	// From the axis up: earlier first, a longer period before a shorter one, stated first.
	list.sort(
		(a, b) =>
			a.g.ref_start - b.g.ref_start ||
			b.g.ref_end - a.g.ref_end ||
			(BASIS_ORDER[a.g.period_basis] ?? 3) - (BASIS_ORDER[b.g.period_basis] ?? 3) ||
			a.order - b.order
	);
	return { list, grouped };
}

/**
 * Pixel extents of each item at a dot radius. The dots of one year share its column in slots,
 * and when they are more than `maxLanes` high they spread over its neighbours as a swarm
 * centred on it (a narrow screen gives a year a few pixels): the lanes keep them off other marks.
 */
function extents(
	list: Item[],
	s: YearScale,
	domain: [number, number],
	r: number,
	maxLanes: number
): { x0: number; x1: number }[] {
	// A time beyond the axis (a reader's own rows, the bench's shifted years) is drawn at its edge.
	const clamp = (y: number) => Math.max(domain[0], Math.min(domain[1], y));
	const years = list.map((it) => [clamp(it.g.ref_start), clamp(it.g.ref_end)] as const);
	const inYear = new Map<number, number>();
	const perYear = new Map<number, number>();
	for (const [c0, c1] of years) if (c0 === c1) perYear.set(c0, (perYear.get(c0) ?? 0) + 1);
	const slot = 2 * r + GAP;
	return years.map(([c0, c1]) => {
		const a = s.x(c0);
		const b = s.x(c1 + 1);
		if (c0 !== c1) {
			const mid = (a + b) / 2;
			const w = Math.max(2 * r, b - a - 1);
			return { x0: mid - w / 2, x1: mid + w / 2 };
		}
		const k = perYear.get(c0)!;
		const slots = Math.min(
			k,
			Math.max(1, Math.floor((b - a) / slot), Math.ceil(k / Math.max(1, maxLanes)))
		);
		const j = inYear.get(c0) ?? 0;
		inYear.set(c0, j + 1);
		// Slots of a dot's width, centred on the year's column.
		const w = Math.max(b - a, slots * slot);
		const cx = (a + b) / 2 - w / 2 + ((j % slots) + 0.5) * (w / slots);
		return { x0: cx - r, x1: cx + r };
	});
}

/** First-fit lanes: each item in the lowest lane where it overlaps nothing. */
function lanes(ext: { x0: number; x1: number }[]): { lane: number[]; count: number } {
	const ends: number[] = [];
	const lane = ext.map(({ x0, x1 }) => {
		let i = ends.findIndex((e) => e + GAP <= x0);
		if (i < 0) i = ends.push(-Infinity) - 1;
		ends[i] = x1;
		return i;
	});
	return { lane, count: ends.length };
}

export function timelineLayout(
	groups: PeriodCount[],
	o: {
		width: number;
		domain: [number, number];
		selected: [number, number] | null;
		figureAt: (order: number) => TimelineFigure | null;
	}
): TimelineLayout {
	const scale = yearScale(o.domain, o.width);
	const { list, grouped } = items(groups, o.figureAt);
	const height = scale.plot.bottom - scale.plot.top;
	// Lanes depend on the dots' size and the size on how many lanes fit: try smaller dots until
	// the lanes fit the plot's fixed height, then squeeze the lanes if even the smallest do not.
	let r = 0;
	let pitch = 0;
	let ext: { x0: number; x1: number }[] = [];
	let packed = { lane: [] as number[], count: 0 };
	for (const radius of RADII) {
		r = radius;
		pitch = 2 * r + 3;
		const maxLanes = Math.floor(height / pitch);
		ext = extents(list, scale, o.domain, r, maxLanes);
		packed = lanes(ext);
		if (packed.count <= maxLanes) break;
	}
	pitch = Math.min(pitch, height / Math.max(1, packed.count));
	const sel = o.selected;
	return {
		scale,
		pitch: round(pitch),
		grouped,
		marks: list.map((it, i) => ({
			key: it.key,
			start: it.g.ref_start,
			end: it.g.ref_end,
			stated: it.g.period_basis === 'stated',
			n: it.n,
			figure: it.figure,
			shape: it.g.ref_start === it.g.ref_end ? 'dot' : 'bar',
			x0: round(ext[i]!.x0),
			x1: round(ext[i]!.x1),
			y: round(scale.plot.bottom - (packed.lane[i]! + 0.5) * pitch),
			r: round(Math.max(0.75, Math.min(r, pitch / 2 - 0.25))),
			inside: !sel || (it.g.ref_start <= sel[1] && it.g.ref_end >= sel[0])
		}))
	};
}

/** How far from a mark a finger may land and still mean it, in pixels. */
export const FINGER_SLOP = 10;

/**
 * The mark with a figure nearest a point, within `slop` pixels of its edge, or null: a finger
 * covers several of the small marks, so a tap means the nearest one it touched.
 */
export function markAt(
	marks: readonly TimelineMark[],
	px: number,
	py: number,
	slop = FINGER_SLOP
): TimelineMark | null {
	let best: TimelineMark | null = null;
	let bestDistance = slop;
	for (const mk of marks) {
		if (!mk.figure) continue;
		const dx = Math.max(mk.x0 - px, 0, px - mk.x1);
		const dy = Math.max(mk.y - mk.r - py, 0, py - (mk.y + mk.r));
		const d = Math.hypot(dx, dy);
		if (d <= bestDistance) {
			best = mk;
			bestDistance = d;
		}
	}
	return best;
}

/** What a gesture on the timeline's brush means: a mark's figure to show, years, or nothing. */
export type BrushOutcome = { mark: string } | { years: [number, number] } | null;

/**
 * What a gesture on the brush means when it ends. A touch that did not move, on or near a mark,
 * means that mark's figure (the marks let touches through to the brush, and inside the chosen
 * years' band a touch would otherwise move the band); a drag means the years it covers; a click
 * or a tap elsewhere means a year, or the range to a year chosen before (`tapYears`).
 * @param g.selection the brush's extent in pixels at the end, null when it was a click or tap
 * @param g.end where the gesture ended, in the chart's pixels (null: not known)
 * @param g.touchMoved how far a touch moved in CSS pixels; null for a mouse
 */
export function brushOutcome(
	g: {
		selection: [number, number] | null;
		end: { px: number; py: number } | null;
		touchMoved: number | null;
	},
	layout: TimelineLayout,
	domain: [number, number],
	selected: [number, number] | null
): BrushOutcome {
	if (g.end && g.touchMoved !== null && g.touchMoved < FINGER_SLOP) {
		const mk = markAt(layout.marks, g.end.px, g.end.py);
		if (mk) return { mark: mk.key };
	}
	const { yearAt } = layout.scale;
	if (g.selection) return { years: brushYears(g.selection[0], g.selection[1], yearAt, domain) };
	if (!g.end) return null;
	const year = Math.floor(yearAt(g.end.px));
	return year >= domain[0] && year <= domain[1] ? { years: tapYears(year, selected) } : null;
}
