import { describe, expect, it } from 'vitest';
import { yearsLayout } from '../../src/lib/charts/years';

describe('yearsLayout', () => {
	const o = { width: 640, domain: [2000, 2005] as [number, number], selected: null };

	it('draws a bar for every year of the domain, zero high where no figure covers it', () => {
		const { bars, plot } = yearsLayout(
			[
				{ year: 2001, n: 4 },
				{ year: 2003, n: 2 }
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
		const a = yearsLayout([{ year: 2002, n: 1 }], o).bars.map((b) => b.year);
		const b = yearsLayout([{ year: 2004, n: 9 }], o).bars.map((b) => b.year);
		expect(b).toEqual(a);
	});

	it('marks the bars inside a chosen range', () => {
		const { bars } = yearsLayout([{ year: 2002, n: 1 }], { ...o, selected: [2001, 2002] });
		expect(bars.filter((b) => b.inside).map((b) => b.year)).toEqual([2001, 2002]);
	});
});
