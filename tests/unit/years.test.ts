import { describe, expect, it } from 'vitest';
import { brushYears, yearsLayout } from '../../src/lib/charts/years';

describe('yearsLayout', () => {
	const o = { width: 640, domain: [2000, 2005] as [number, number], selected: null };

	it('draws a bar for every year of the domain, zero high where no figure covers it', () => {
		const { bars, plot } = yearsLayout(
			[
				{ year: 2001, n: 4, stated: 4 },
				{ year: 2003, n: 2, stated: 2 }
			],
			o
		);
		expect(bars.map((b) => [b.year, b.n])).toEqual([
			[2000, 0],
			[2001, 4],
			[2002, 0],
			[2003, 2],
			[2004, 0],
			[2005, 0]
		]);
		expect(bars[0]!.h).toBe(0);
		expect(bars[0]!.y).toBe(plot.bottom);
		expect(bars[1]!.h).toBeCloseTo(plot.bottom - plot.top);
		expect(bars[3]!.h).toBeCloseTo((plot.bottom - plot.top) / 2);
	});

	it('keeps the same bars whatever the counts, so an update only moves them', () => {
		const a = yearsLayout([{ year: 2002, n: 1, stated: 1 }], o).bars.map((b) => b.year);
		const b = yearsLayout([{ year: 2004, n: 9, stated: 9 }], o).bars.map((b) => b.year);
		expect(b).toEqual(a);
	});

	it('marks the bars inside a chosen range', () => {
		const { bars } = yearsLayout([{ year: 2002, n: 1, stated: 1 }], {
			...o,
			selected: [2001, 2002]
		});
		expect(bars.filter((b) => b.inside).map((b) => b.year)).toEqual([2001, 2002]);
	});
});

describe('brushYears', () => {
	const { x, yearAt } = yearsLayout([], { width: 640, domain: [1850, 2006], selected: null });
	const domain: [number, number] = [1850, 2006];

	it('takes every year whose bar the brush touches', () => {
		expect(brushYears(x(1990.4), x(2000.2), yearAt, domain)).toEqual([1990, 2000]);
	});

	it('gives the one year a drag inside a bar covers, never a reversed range', () => {
		expect(brushYears(x(2000.3), x(2000.45), yearAt, domain)).toEqual([2000, 2000]);
		expect(brushYears(x(2000.6), x(2000.9), yearAt, domain)).toEqual([2000, 2000]);
	});

	it('reads a brush put on a selection back as that selection', () => {
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
