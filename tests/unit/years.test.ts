import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PeriodCount } from '../../src/lib/queries/describe';
import {
	TIMELINE_MAX_MARKS,
	brushOutcome,
	markAt,
	timelineLayout,
	type TimelineMark
} from '../../src/lib/charts/timeline';
import {
	brushYears,
	chosenBand,
	cutYear,
	keyedYears,
	tapYears,
	yearScale,
	yearTicks,
	yearsText
} from '../../src/lib/charts/years';

describe('yearScale', () => {
	it('draws a short span to scale', () => {
		const s = yearScale([1990, 2013], 640);
		expect(s.cut).toBeNull();
		const w = s.x(1991) - s.x(1990);
		expect(s.x(2010) - s.x(2009)).toBeCloseTo(w);
		expect(s.x(2014)).toBeCloseTo(s.plot.right);
	});

	it('squeezes a long past into a sixth of the width, so recent decades get the rest', () => {
		expect(cutYear([1850, 2013])).toBe(1970);
		const s = yearScale([1850, 2013], 640);
		expect(s.cut).toBe(1970);
		const width = s.plot.right - s.plot.left;
		expect(s.x(1970) - s.plot.left).toBeCloseTo(width * 0.16);
		// A recent year is many times wider than one of the squeezed past.
		expect((s.x(2003) - s.x(2002)) / (s.x(1901) - s.x(1900))).toBeGreaterThan(10);
	});

	it('reads a pixel back as its year, on both sides of the cut', () => {
		const s = yearScale([1850, 2013], 777);
		for (const year of [1850, 1851.5, 1900, 1969.99, 1970, 1985.25, 2013, 2014])
			expect(s.yearAt(s.x(year))).toBeCloseTo(year, 6);
	});

	it('labels years no closer than a label is wide, within the chart', () => {
		for (const width of [280, 375, 640, 1200]) {
			const s = yearScale([1850, 2013], width);
			const t = yearTicks(s, [1850, 2013]);
			expect(t.length).toBeGreaterThan(1);
			for (let i = 1; i < t.length; i++) expect(t[i]!.x - t[i - 1]!.x).toBeGreaterThanOrEqual(38);
			for (const { x } of t) expect(x).toBeLessThanOrEqual(s.plot.right);
		}
	});
});

describe('chosenBand and yearsText', () => {
	it('draws the chosen years as a band over their columns, never under 6 px wide', () => {
		const s = yearScale([1850, 2013], 375);
		const band = chosenBand(s, [1990, 2000]);
		expect(band.x).toBeCloseTo(s.x(1990));
		expect(band.x + band.w).toBeCloseTo(s.x(2001));
		// A year of the squeezed past is under a pixel: a band a finger can see, centred on it.
		const one = chosenBand(s, [1900, 1900]);
		expect(one.w).toBe(6);
		expect(one.x + 3).toBeCloseTo((s.x(1900) + s.x(1901)) / 2);
	});

	it('says a span of years as one year or a range', () => {
		expect(yearsText(2005, 2005)).toBe('2005');
		expect(yearsText(1990, 2000)).toBe('1990–2000');
	});
});

describe('brushYears', () => {
	const domain: [number, number] = [1850, 2006];
	const { x, yearAt } = yearScale(domain, 640);

	it('takes every year whose column the brush touches', () => {
		expect(brushYears(x(1990.4), x(2000.2), yearAt, domain)).toEqual([1990, 2000]);
	});

	it('gives the one year a drag inside a column covers, never a reversed range', () => {
		expect(brushYears(x(2000.3), x(2000.45), yearAt, domain)).toEqual([2000, 2000]);
		expect(brushYears(x(2000.6), x(2000.9), yearAt, domain)).toEqual([2000, 2000]);
	});

	it('reads a brush put on a selection back as that selection, across the cut too', () => {
		for (const [a, b] of [
			[1850, 2006],
			[1901, 1901],
			[1990, 2001],
			[1933, 1977]
		] as const)
			expect(brushYears(x(a), x(b + 1), yearAt, domain)).toEqual([a, b]);
	});

	it('stays within the data and takes either drag direction', () => {
		expect(brushYears(x(1700), x(1860.5), yearAt, domain)).toEqual([1850, 1860]);
		expect(brushYears(x(2010), x(1999.5), yearAt, domain)).toEqual([1999, 2006]);
	});
});

describe('tapYears', () => {
	it('chooses a year, then makes a range to the next year tapped', () => {
		expect(tapYears(2002, null)).toEqual([2002, 2002]);
		expect(tapYears(1990, [2002, 2002])).toEqual([1990, 2002]);
		expect(tapYears(2006, [2002, 2002])).toEqual([2002, 2006]);
		// A range already made: a tap starts again.
		expect(tapYears(1995, [1990, 2002])).toEqual([1995, 1995]);
		expect(tapYears(2002, [2002, 2002])).toEqual([2002, 2002]);
	});
});

describe('keyedYears', () => {
	const domain: [number, number] = [1850, 2013];
	const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

	it('moves either end by a year, by ten with Shift or Page Up/Down, never past the other end', () => {
		expect(keyedYears(key('ArrowRight'), 'from', [1990, 2000], domain)).toEqual([1991, 2000]);
		expect(keyedYears(key('ArrowDown'), 'from', [1990, 2000], domain)).toEqual([1989, 2000]);
		expect(keyedYears(key('ArrowLeft', true), 'to', [1990, 2000], domain)).toEqual([1990, 1990]);
		expect(keyedYears(key('PageUp'), 'to', [1990, 2000], domain)).toEqual([1990, 2010]);
		// The first year goes no further than the last: the range stays in order.
		expect(keyedYears(key('ArrowRight', true), 'from', [1995, 2000], domain)).toEqual([2000, 2000]);
		expect(keyedYears(key('PageUp'), 'to', [1990, 2008], domain)).toEqual([1990, 2013]);
	});

	it('takes an end to the data’s first or last year with Home and End', () => {
		expect(keyedYears(key('Home'), 'from', [1990, 2000], domain)).toEqual([1850, 2000]);
		expect(keyedYears(key('End'), 'to', [1990, 2000], domain)).toEqual([1990, 2013]);
		// An end's far key stops at the other end.
		expect(keyedYears(key('End'), 'from', [1990, 2000], domain)).toEqual([2000, 2000]);
		expect(keyedYears(key('Home'), 'to', [1990, 2000], domain)).toEqual([1990, 1990]);
	});

	it('moves the whole range, its length kept, within the data', () => {
		expect(keyedYears(key('ArrowLeft'), 'range', [1990, 2000], domain)).toEqual([1989, 1999]);
		expect(keyedYears(key('ArrowRight', true), 'range', [1990, 2000], domain)).toEqual([
			2000, 2010
		]);
		expect(keyedYears(key('PageUp'), 'range', [2000, 2010], domain)).toEqual([2003, 2013]);
		expect(keyedYears(key('Home'), 'range', [1990, 2000], domain)).toEqual([1850, 1860]);
		expect(keyedYears(key('End'), 'range', [1990, 2000], domain)).toEqual([2003, 2013]);
	});

	it('starts from the data’s ends when no years are chosen, and leaves other keys alone', () => {
		expect(keyedYears(key('ArrowRight'), 'from', null, domain)).toEqual([1851, 2013]);
		expect(keyedYears(key('ArrowLeft'), 'to', null, domain)).toEqual([1850, 2012]);
		for (const k of ['Enter', 'Tab', 'a', ' '])
			expect(keyedYears(key(k), 'from', [1990, 2000], domain)).toBeNull();
	});
});

const group = (
	ref_start: number,
	ref_end: number,
	period_basis: string,
	first: number[],
	n = first.length
): PeriodCount => ({ ref_start, ref_end, period_basis, n, first });

/** Whether two marks' drawn boxes overlap (a dot's box is its square). */
const overlap = (a: TimelineMark, b: TimelineMark) =>
	a.x0 < b.x1 && b.x0 < a.x1 && Math.abs(a.y - b.y) < a.r + b.r;

const figureAt = (o: number) => ({ id: `f${o}`, href: `/figure/f${o}`, label: `figure ${o}` });

describe('timelineLayout', () => {
	const o = { width: 640, domain: [1850, 2013] as [number, number], selected: null, figureAt };

	it('draws every figure once: a dot for a year, a bar for a period, solid when stated', () => {
		const { marks, grouped } = timelineLayout(
			[group(1850, 1949, 'stated', [1, 2, 3]), group(2002, 2002, 'document_date', [4, 5])],
			o
		);
		expect(marks.map((m) => m.figure?.id).sort()).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
		expect(grouped).toBe(0);
		const f1 = marks.find((m) => m.key === '1')!;
		expect([f1.shape, f1.stated]).toEqual(['bar', true]);
		const f4 = marks.find((m) => m.key === '4')!;
		expect([f4.shape, f4.stated]).toEqual(['dot', false]);
	});

	it('stacks marks so none hides another, inside the plot, at any width', () => {
		const periods = fc.array(
			fc
				.tuple(
					fc.integer({ min: 1850, max: 2013 }),
					fc.nat(30),
					fc.constantFrom('stated', 'implied')
				)
				.map(([s, len, basis]) => ({ s, e: Math.min(2013, s + (len % 3 === 0 ? 0 : len)), basis })),
			{ minLength: 1, maxLength: 120 }
		);
		fc.assert(
			fc.property(periods, fc.integer({ min: 280, max: 1400 }), (ps, width) => {
				const groups = new Map<string, PeriodCount>();
				ps.forEach(({ s, e, basis }, i) => {
					const k = `${s}-${e}-${basis}`;
					const g = groups.get(k) ?? group(s, e, basis, []);
					g.first.push(i + 1);
					g.n++;
					groups.set(k, g);
				});
				const { marks, scale } = timelineLayout([...groups.values()], { ...o, width });
				expect(marks).toHaveLength(ps.length);
				for (const m of marks) {
					expect(m.y - m.r).toBeGreaterThanOrEqual(scale.plot.top - 1e-6);
					expect(m.y + m.r).toBeLessThanOrEqual(scale.plot.bottom + 1e-6);
				}
				for (let i = 0; i < marks.length; i++)
					for (let j = i + 1; j < marks.length; j++)
						expect(overlap(marks[i]!, marks[j]!), `${marks[i]!.key} and ${marks[j]!.key}`).toBe(
							false
						);
			}),
			{ numRuns: 60 }
		);
	});

	it('marks the figures whose time overlaps the chosen years', () => {
		const { marks } = timelineLayout(
			[
				group(1850, 1949, 'stated', [1]),
				group(1994, 1998, 'stated', [2]),
				group(2006, 2006, 'implied', [3])
			],
			{ ...o, selected: [1995, 2001] }
		);
		expect(marks.filter((m) => m.inside).map((m) => m.key)).toEqual(['2']);
	});

	it('draws a time beyond the axis at its edge, never outside the chart', () => {
		const { marks, scale } = timelineLayout(
			[
				group(1700, 1760, 'stated', [1]),
				group(1800, 1900, 'stated', [2]),
				group(2010, 2040, 'implied', [3]),
				group(2050, 2050, 'stated', [4, 5])
			],
			o
		);
		expect(marks).toHaveLength(5);
		for (const m of marks) {
			expect(m.x0).toBeGreaterThanOrEqual(scale.plot.left - 5);
			expect(m.x1).toBeLessThanOrEqual(scale.plot.right + 5);
		}
		for (let i = 0; i < marks.length; i++)
			for (let j = i + 1; j < marks.length; j++) expect(overlap(marks[i]!, marks[j]!)).toBe(false);
	});

	it('draws each group as one mark when the figures are too many, and says how many', () => {
		const many = group(
			2002,
			2002,
			'stated',
			Array.from({ length: 50 }, (_, i) => i + 1),
			TIMELINE_MAX_MARKS + 1
		);
		const { marks, grouped } = timelineLayout([many, group(1990, 1999, 'implied', [900])], o);
		expect(marks.map((m) => [m.key, m.n])).toEqual([
			['1990-1999-implied', 1],
			['2002-2002-stated', TIMELINE_MAX_MARKS + 1]
		]);
		expect(marks[0]!.figure?.id).toBe('f900');
		expect(marks[1]!.figure).toBeNull();
		expect(grouped).toBe(1);
	});
});

describe('markAt', () => {
	const layout = timelineLayout(
		[group(1990, 1990, 'stated', [1]), group(2000, 2005, 'stated', [2])],
		{ width: 640, domain: [1850, 2013], selected: null, figureAt }
	);
	const dot = layout.marks.find((m) => m.key === '1')!;
	const bar = layout.marks.find((m) => m.key === '2')!;

	it('finds the mark under a finger, or near enough to mean it', () => {
		const cx = (dot.x0 + dot.x1) / 2;
		expect(markAt(layout.marks, cx, dot.y)?.key).toBe('1');
		expect(markAt(layout.marks, cx + dot.r + 8, dot.y)?.key).toBe('1');
		expect(markAt(layout.marks, bar.x1 - 1, bar.y - bar.r - 5)?.key).toBe('2');
	});

	it('finds nothing far from every mark, nor a mark without a figure', () => {
		const cx = (dot.x0 + dot.x1) / 2;
		expect(markAt(layout.marks, cx, dot.y + dot.r + 20)).toBeNull();
		expect(markAt(layout.marks, (dot.x1 + bar.x0) / 2, layout.scale.plot.top)).toBeNull();
		const unlinked = layout.marks.map((m) => ({ ...m, figure: null }));
		expect(markAt(unlinked, cx, dot.y)).toBeNull();
	});
});

describe('brushOutcome', () => {
	const domain: [number, number] = [1850, 2013];
	const layout = timelineLayout([group(2005, 2005, 'stated', [7])], {
		width: 640,
		domain,
		selected: [2000, 2010],
		figureAt
	});
	const mk = layout.marks[0]!;
	const onMark = { px: (mk.x0 + mk.x1) / 2, py: mk.y };
	const band: [number, number] = [layout.scale.x(2000), layout.scale.x(2011)];

	it('shows the figure of a mark a finger tapped, inside the chosen years’ band too', () => {
		const tap = { selection: band, end: onMark, touchMoved: 2 };
		expect(brushOutcome(tap, layout, domain, [2000, 2010])).toEqual({ mark: '7' });
	});

	it('takes a finger that moved, or a mouse, over a mark as a choice of years', () => {
		const drag = { selection: band, end: onMark, touchMoved: 40 };
		expect(brushOutcome(drag, layout, domain, [2000, 2010])).toEqual({ years: [2000, 2010] });
		const click = { selection: null, end: onMark, touchMoved: null };
		expect(brushOutcome(click, layout, domain, null)).toEqual({ years: [2005, 2005] });
	});

	it('makes a tap away from the marks a year, or the range to a year chosen before', () => {
		const ruler = { px: layout.scale.x(1990) + 1, py: layout.scale.rulerBottom - 5 };
		const tap = { selection: null, end: ruler, touchMoved: 0 };
		expect(brushOutcome(tap, layout, domain, null)).toEqual({ years: [1990, 1990] });
		expect(brushOutcome(tap, layout, domain, [2000, 2000])).toEqual({ years: [1990, 2000] });
		expect(brushOutcome({ ...tap, end: null }, layout, domain, null)).toBeNull();
	});
});
