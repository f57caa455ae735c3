/**
 * The values a printed figure allows, for the comparability rule: "about 140" is 126 to 154,
 * "more than 100" is everything above 100, "between 700,000 and 2 million" its bounds.
 */
import type { Qualifier } from './schema';

/** "About" allows 10% either side: "about 140" holds anywhere from 126 to 154. */
export const ABOUT_TOLERANCE = 0.1;

/** The values a figure allows; an open end excludes its bound ("more than 100" excludes 100). */
export interface Interval {
	lo: number;
	hi: number;
	loIn: boolean;
	hiIn: boolean;
}

export function interval(f: {
	qualifier: Qualifier;
	value: number | null;
	low: number | null;
	high: number | null;
}): Interval {
	const v = f.value ?? 0;
	switch (f.qualifier) {
		case 'range':
			return { lo: f.low ?? 0, hi: f.high ?? 0, loIn: true, hiIn: true };
		case 'about':
			return { lo: v * (1 - ABOUT_TOLERANCE), hi: v * (1 + ABOUT_TOLERANCE), loIn: true, hiIn: true };
		case 'more_than':
			return { lo: v, hi: Infinity, loIn: false, hiIn: false };
		case 'at_least':
			return { lo: v, hi: Infinity, loIn: true, hiIn: false };
		case 'less_than':
			return { lo: 0, hi: v, loIn: true, hiIn: false };
		case 'up_to':
			return { lo: 0, hi: v, loIn: true, hiIn: true };
		default:
			return { lo: v, hi: v, loIn: true, hiIn: true };
	}
}

/** Whether some value satisfies both. */
export function intervalsMeet(a: Interval, b: Interval): boolean {
	const lo = Math.max(a.lo, b.lo);
	const hi = Math.min(a.hi, b.hi);
	if (lo !== hi) return lo < hi;
	// They touch at one value: both must include it.
	const holds = (x: Interval) => (x.lo !== lo || x.loIn) && (x.hi !== hi || x.hiIn);
	return holds(a) && holds(b);
}

/** Whether the part can be no larger than the whole: its smallest value against the whole's largest. */
export function partFits(part: Interval, whole: Interval): boolean {
	if (part.lo < whole.hi) return true;
	return part.lo === whole.hi && part.loIn && whole.hiIn;
}
