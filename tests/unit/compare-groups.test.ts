/**
 * Which indicators get a comparison card, with which panels, in which order, with which verdict,
 * and how a card names the two sides of a disagreement: on made-up rows for the mechanics, and
 * on the real figures for the cases issue 20 names.
 */
import { describe, expect, it } from 'vitest';
import {
	compareSummary,
	conflictText,
	groupComparable,
	unitSubtitle,
	verdictText,
	type CompareGroup
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
		doc_short_title: 'Doc A',
		line: n,
		value: 1,
		low: null,
		high: null,
		qualifier: 'exact',
		unit: 'persons',
		indicator: 'I',
		// No measure: the rule does not compare them (a reader's own rows have none either).
		measure: '',
		kind: 'count',
		geo_code: 'MEX',
		ref_period: '2000',
		period_basis: 'stated',
		speaker: '',
		attributed_to: '',
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
		// Figures with no measure are never called a conflict.
		expect(groups[0]!.verdict).toBe('not_comparable');
	});

	it('put the selected indicators first, then disagreements, changes over time, the rest', () => {
		const rows = [
			figure({ indicator: 'B', value: 1 }),
			figure({ indicator: 'B', value: 2 }),
			figure({ indicator: 'A', value: 3 }),
			figure({ indicator: 'A', value: 3 })
		];
		const chosen = groupComparable(rows, new Map(), ['B']);
		expect(chosen.map((g) => [g.indicator, g.selected])).toEqual([
			['B', true],
			['A', false]
		]);
		expect(compareSummary(chosen)).toMatchObject({ indicators: 2, not_comparable: 2 });
	});

	it('count the figures a capped chart leaves out', () => {
		const [g] = groupComparable(
			[figure({ indicator: 'X' }), figure({ indicator: 'X', unit: 'percent' })],
			new Map([['X', 40]])
		);
		expect(g!.indicatorTotal).toBe(40);
		expect(groupComparable([figure({}), figure({})])[0]!.indicatorTotal).toBe(2);
	});

	describe('on the real figures', () => {
		const r = validateDataDir();
		const figures = toSiteFigures(r.figures, r.documents);
		const groups = groupComparable(
			runExplorerSync(new InstantEngine(figures), EMPTY_SELECTION).comparable
		);
		const card = (id: string): CompareGroup => {
			const g = groups.find((g) => g.figures.some((f) => f.figure_id === id));
			expect(g, id).toBeDefined();
			return g!;
		};

		it('give every indicator stated twice a card, detention in two units, disagreements first', () => {
			const perIndicator = new Map<string, number>();
			for (const f of figures)
				perIndicator.set(f.indicator, (perIndicator.get(f.indicator) ?? 0) + 1);
			expect(groups.map((g) => g.indicator).sort()).toEqual(
				[...perIndicator]
					.filter(([, k]) => k >= 2)
					.map(([i]) => i)
					.sort()
			);
			const detention = groups.find(
				(g) => g.indicator === 'Duration of detention of asylum seekers'
			);
			expect(detention?.panels.map((p) => p.unit)).toEqual(['months', 'years']);
			const order = ['disagree', 'over_time', 'consistent', 'repeated', 'not_comparable'];
			const ranks = groups.map((g) => order.indexOf(g.verdict));
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		});

		it('call world migrants a disagreement between sources, naming both sides', () => {
			const g = card('hc02-wld-migrants-175m-un');
			expect(g.verdict).toBe('disagree');
			expect(verdictText(g)).toBe('Sources disagree');
			const text = g.conflicts.map(conflictText).join(' ');
			expect(text).toContain('150 million');
			expect(text).toContain('175 million');
			expect(text).toContain('citing');
		});

		it('put Argentina’s implied 5.5 million beside its 7 million, as a disagreement', () => {
			const g = card('hc02-arg-european-immigrants');
			const implied = g.figures.find((f) => 'derived' in f && f.derived);
			expect(implied?.value).toBe(5_500_000);
			expect(g.verdict).toBe('disagree');
			const text = g.conflicts.map(conflictText).join(' ');
			expect(text).toContain('implied by the text: half × 11 million');
			expect(text).toContain('7 million');
		});

		it('do not call the Puebla Process’s years, persons trained or Honduras’ returns conflicts', () => {
			const byIndicator = (re: RegExp) => groups.filter((g) => re.test(g.indicator));
			const puebla = byIndicator(/Puebla|Regional Conference on Migration/i);
			const trained = byIndicator(/trained|participants/i);
			const honduras = groups.filter((g) =>
				g.figures.some((f) => f.figure_id.startsWith('iom06-hnd-return'))
			);
			// 7 years said in 2002 and 15 said in 2013: a change over time.
			expect(puebla.map((g) => verdictText(g))).toEqual(['Changes over time']);
			// Different seminars in different places and years: not one quantity.
			expect(trained.length).toBeGreaterThan(0);
			for (const g of [...puebla, ...trained, ...honduras])
				expect(g.verdict, g.indicator).not.toBe('disagree');
		});
	});
});

describe('unitSubtitle', () => {
	it('says a card’s one unit in words, and a unit it does not know as it is', () => {
		expect(unitSubtitle('persons')).toBe('Number of persons');
		expect(unitSubtitle('percent')).toBe('Percent');
		expect(unitSubtitle('usd')).toBe('US dollars');
		expect(unitSubtitle('hectares')).toBe('In hectares');
	});
});
