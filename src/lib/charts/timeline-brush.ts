/**
 * The timeline's brush: d3-brush over the plot and the ruler under it, which is always free to
 * drag on. What a gesture means when it ends is `brushOutcome`'s: a drag the years it covers, a
 * click or a tap a year (or the range to a year chosen before), a touch that did not move, on
 * or near a mark, that mark's figure. A touch the brush took is not also a tap on the mark
 * under it, and a vertical swipe over the chart still scrolls the page.
 */
import { brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { brushOutcome, type TimelineLayout } from './timeline';
import { TIMELINE_HEIGHT, type YearScale } from './years';

/** The chart as it is when a gesture ends. */
export interface BrushChart {
	/** The chart's width in its own pixels. */
	width: number;
	layout: TimelineLayout;
	domain: [number, number];
	selected: [number, number] | null;
}

export interface TimelineBrush {
	/** Puts the band on the chosen years (none: no band) without a gesture of its own. */
	move: (selected: [number, number] | null) => void;
	/** Lets go of the brush's events. */
	destroy: () => void;
}

// Not `instanceof TouchEvent`: a desktop Firefox has no such class.
const touchOf = (e: unknown): Touch | undefined =>
	e && typeof e === 'object' && 'changedTouches' in e
		? (e as TouchEvent).changedTouches[0]
		: undefined;

/** Puts a brush on `layer` (emptied first) for the axis `scale`. */
export function timelineBrush(
	layer: SVGGElement,
	scale: YearScale,
	o: {
		/** The chart when a gesture ends. */
		now: () => BrushChart;
		/** A touch on or near a mark: its key. */
		onmark: (key: string) => void;
		/** Years chosen by a drag, a click or a tap. */
		onyears: (years: [number, number]) => void;
	}
): TimelineBrush {
	const { plot, x, rulerBottom } = scale;
	/** Where the last touch began, to tell a tap from a drag. */
	let touchStart: { x: number; y: number } | null = null;
	const b = brushX<unknown>()
		.extent([
			[plot.left, plot.top],
			[plot.right, rulerBottom]
		])
		.on('start', (event: D3BrushEvent<unknown>) => {
			const t = touchOf(event.sourceEvent);
			touchStart = t ? { x: t.clientX, y: t.clientY } : null;
		})
		.on('end', (event: D3BrushEvent<unknown>) => {
			if (!event.sourceEvent) return;
			// A touch the brush took is not also a tap: the browser would otherwise send a click
			// after it, which it may move onto the nearest mark (a link) under a finger.
			const end = event.sourceEvent as Event;
			if (end.type === 'touchend' && end.cancelable) end.preventDefault();
			const touch = touchOf(event.sourceEvent);
			const point = touch ?? (end instanceof MouseEvent ? end : undefined);
			const rect = layer.ownerSVGElement!.getBoundingClientRect();
			const chart = o.now();
			const outcome = brushOutcome(
				{
					selection: event.selection as [number, number] | null,
					end: point
						? {
								px: ((point.clientX - rect.left) * chart.width) / rect.width,
								py: ((point.clientY - rect.top) * TIMELINE_HEIGHT) / rect.height
							}
						: null,
					touchMoved:
						touch && touchStart
							? Math.hypot(touch.clientX - touchStart.x, touch.clientY - touchStart.y)
							: null
				},
				chart.layout,
				chart.domain,
				chart.selected
			);
			if (outcome && 'mark' in outcome) {
				o.onmark(outcome.mark);
				// The band back where the chosen years are, should the finger have nudged it.
				move(chart.selected);
			} else if (outcome) o.onyears(outcome.years);
		});
	const g = select(layer);
	g.selectAll('*').remove();
	g.call(b);
	// d3-brush takes every touch; a vertical swipe over the chart should scroll the page.
	g.style('touch-action', 'pan-y');
	function move(selected: [number, number] | null) {
		g.call(b.move, selected ? [x(selected[0]), x(selected[1] + 1)] : null);
	}
	return {
		move,
		destroy: () => void b.on('start', null).on('end', null)
	};
}
