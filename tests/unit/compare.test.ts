/** The comparison charts' axis and value labels. */
import { describe, expect, it } from 'vitest';
import { axisTick, axisTop, valueTextX } from '../../src/lib/charts/compare';
import type { CompareFigure } from '../../src/lib/data/site-table';

const figure = (patch: Partial<CompareFigure>): CompareFigure =>
	({ value: null, low: null, high: null, qualifier: 'exact', ...patch }) as CompareFigure;

describe('comparison charts', () => {
	it('write zero on the axis as 0, not 0M or 0k, and other ticks with SI prefixes', () => {
		expect([0, 500_000, 1_000_000, 1_500_000, 2500].map(axisTick)).toEqual([
			'0',
			'500k',
			'1M',
			'1.5M',
			'2.5k'
		]);
	});

	it('write a "more than" value past its arrow, others at the value or the top of the range', () => {
		expect(valueTextX(figure({ value: 1000, qualifier: 'more_than' }), 120)).toBe(1120);
		expect(valueTextX(figure({ value: 1000, qualifier: 'at_least' }), 120)).toBe(1120);
		expect(valueTextX(figure({ value: 1000, qualifier: 'less_than' }), 120)).toBe(1000);
		expect(valueTextX(figure({ value: 1000 }), 120)).toBe(1000);
		expect(valueTextX(figure({ low: 700, high: 2000, qualifier: 'range' }), 120)).toBe(2000);
	});

	it("leaves room past the largest value for its text, so 'at least 7 million persons' is not cut", () => {
		const rows = [
			figure({ value: 7_000_000, qualifier: 'at_least' }),
			figure({ low: 700_000, high: 2_000_000, qualifier: 'range' })
		];
		const reach = 7_000_000 * 0.12;
		const inner = 300;
		const text = () => 'at least 7 million persons';
		const top = axisTop(rows, reach, 7_000_000 * 1.15, inner, 70, text);
		const textEnd = ((7_000_000 + reach) / top) * inner + 10 + text().length * 6.4;
		expect(textEnd).toBeLessThanOrEqual(inner + 70 + 1e-9);
		// Short texts keep the plain axis.
		expect(axisTop(rows, reach, 8_050_000, inner, 70, () => '1')).toBe(8_050_000);
	});
});
