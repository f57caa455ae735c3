/** Which indicators get a comparison card, with which panels, in which order, with which badge. */
import { describe, expect, it } from 'vitest';
import {
	compareSummary,
	disagreementText,
	groupComparable
} from '../../src/lib/charts/compare-groups';
import { validateDataDir } from '../../src/lib/data/node-files';
import type { CompareFigure } from '../../src/lib/data/site-table';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { InstantEngine } from '../../src/lib/db/instant';
import { runExplorerSync } from '../../src/lib/explorer/run';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';

let n = 0;
const figure = (patch: Partial<CompareFigure>): CompareFigure =>
	({
		figure_id: `f${++n}`,
		doc_id: 'doc-a',
		value: 1,
		low: null,
		high: null,
		qualifier: 'exact',
		unit: 'persons',
		indicator: 'I',
		...patch
	}) as CompareFigure;

describe('comparison groups', () => {
	it('make one card per indicator with one panel per unit, never mixing units', () => {
		const groups = groupComparable([
			figure({ indicator: 'Detention', unit: 'months', value: 17 }),
			figure({ indicator: 'Detention', unit: 'years', value: 1, qualifier: 'more_than' }),
			figure({ indicator: 'Alone', value: 5 })
		]);
		expect(groups).toHaveLength(1);
		expect(groups[0]!.indicator).toBe('Detention');
		expect(groups[0]!.panels.map((p) => [p.unit, p.figures.map((f) => f.value)])).toEqual([
			['months', [17]],
			['years', [1]]
		]);
		// 17 months and a year are not compared: no unit has two different numbers.
		expect(groups[0]!.disagreement).toBeNull();
	});

	it('say "Sources differ" when documents disagree in a unit, "Values differ" when one document does', () => {
		const [sources, values, agree, crossUnit] = [
			[figure({ value: 7 }), figure({ value: 15, doc_id: 'doc-b' })],
			[figure({ value: 7 }), figure({ value: 15 }), figure({ value: 7, unit: 'years' })],
			[figure({ value: 60 }), figure({ value: 60, doc_id: 'doc-b' })],
			// Two documents, two numbers, but in different units: nothing to contradict.
			[figure({ value: 17, unit: 'months' }), figure({ value: 1, unit: 'years', doc_id: 'doc-b' })]
		].map((figures) => groupComparable(figures)[0]!);
		expect(disagreementText(sources!.disagreement)).toBe('Sources differ');
		expect(disagreementText(values!.disagreement)).toBe('Values differ');
		expect(disagreementText(agree!.disagreement)).toBe('');
		expect(disagreementText(crossUnit!.disagreement)).toBe('');
		// A range differs from a value, and from another range.
		const ranges = groupComparable([
			figure({ value: null, low: 1, high: 2, qualifier: 'range' }),
			figure({ value: null, low: 1, high: 3, qualifier: 'range' })
		]);
		expect(ranges[0]!.disagreement).toBe('values');
	});

	it('put the selected indicators first, then sources that differ, values that differ, the rest', () => {
		const rows = [
			...['a', 'b', 'c'].map(() => figure({ indicator: 'Agree (most figures)', value: 3 })),
			figure({ indicator: 'Values', value: 1 }),
			figure({ indicator: 'Values', value: 2 }),
			figure({ indicator: 'Sources', value: 1 }),
			figure({ indicator: 'Sources', value: 2, doc_id: 'doc-b' }),
			figure({ indicator: 'Sources too', value: 1 }),
			figure({ indicator: 'Sources too', value: 1 }),
			figure({ indicator: 'Sources too', value: 2, doc_id: 'doc-b' })
		];
		expect(groupComparable(rows).map((g) => g.indicator)).toEqual([
			'Sources too',
			'Sources',
			'Values',
			'Agree (most figures)'
		]);
		const chosen = groupComparable(rows, new Map(), ['Agree (most figures)', 'Values']);
		expect(chosen.map((g) => [g.indicator, g.selected])).toEqual([
			['Values', true],
			['Agree (most figures)', true],
			['Sources too', false],
			['Sources', false]
		]);
		expect(compareSummary(chosen)).toEqual({ indicators: 4, sources: 2, values: 1 });
	});

	it('count the figures a capped chart leaves out', () => {
		const [g] = groupComparable(
			[figure({ indicator: 'X' }), figure({ indicator: 'X', unit: 'percent' })],
			new Map([['X', 40]])
		);
		expect(g!.indicatorTotal).toBe(40);
		expect(groupComparable([figure({}), figure({})])[0]!.indicatorTotal).toBe(2);
	});

	it('on the real data, give every indicator stated twice a card, detention in two units', () => {
		const r = validateDataDir();
		const figures = toSiteFigures(r.figures, r.documents);
		const groups = groupComparable(
			runExplorerSync(new InstantEngine(figures), EMPTY_SELECTION).comparable
		);
		const perIndicator = new Map<string, number>();
		for (const f of figures)
			perIndicator.set(f.indicator, (perIndicator.get(f.indicator) ?? 0) + 1);
		expect(groups.map((g) => g.indicator).sort()).toEqual(
			[...perIndicator]
				.filter(([, k]) => k >= 2)
				.map(([i]) => i)
				.sort()
		);
		const detention = groups.find((g) => g.indicator === 'Duration of detention of asylum seekers');
		expect(detention?.panels.map((p) => p.unit)).toEqual(['months', 'years']);
		// Contradictions first: no card that agrees comes before one that does not.
		const ranks = groups.map((g) => ['sources', 'values', null].indexOf(g.disagreement));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(groups[0]!.disagreement).toBe('sources');
	});
});
