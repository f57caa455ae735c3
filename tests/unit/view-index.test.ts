/**
 * A view's index answers every choice of that view's values exactly as asking the engine would:
 * the combined counts, table and comparison figures equal `runExplorer`'s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/lib/data/node-files';
import type { SiteFigure } from '../../src/lib/data/site-table';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { InstantEngine } from '../../src/lib/db/instant';
import { runExplorer } from '../../src/lib/explorer/run';
import {
	CHOSEN,
	INDEXED_VIEWS,
	answerFromIndex,
	buildIndex,
	indexKey,
	type IndexedView
} from '../../src/lib/explorer/view-index';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';

let figures: SiteFigure[];
beforeAll(() => {
	const r = validateDataDir();
	figures = toSiteFigures(r.figures, r.documents);
});

/** What a reader can choose in a view: values of its field, or a year range (ends included). */
function choicesIn(view: IndexedView): (string[] | [number, number] | null)[] {
	if (view === 'year')
		return [null, [1990, 2001], [1850, 1900], [2005, 2005], [2000, 2000], [0, 3000], [3000, 3001]];
	const field = { topic: 'topic', doc: 'doc_id', geo: 'geo_code', indicator: 'indicator' }[view];
	return choices([...new Set(figures.map((f) => String(f[field as keyof SiteFigure])))].sort());
}

/** Choices a reader makes in a view: none, each value alone, two values, every value. */
function choices(values: string[]): string[][] {
	return [[], ...values.map((v) => [v]), values.slice(0, 2), values].map((c) => [...c].sort());
}

const BASES: [string, Partial<Selection>][] = [
	['nothing else selected', {}],
	['a topic and a year range', { topics: ['migrant_stock'], years: [1990, 2005] }],
	['a search, sorted by value descending', { q: 'migrants', sort: 'value', desc: true }],
	[
		'a document and a place, sorted by period',
		{ docs: ['hemispheric-2002'], geos: ['USA'], sort: 'period' }
	],
	['nothing matches', { q: 'zzzz-no-such-text' }]
];

describe('view index', () => {
	for (const [name, patch] of BASES)
		for (const view of INDEXED_VIEWS)
			it(`answers every choice in the ${view} view like the engine: ${name}`, async () => {
				const engine = new InstantEngine(figures);
				const base = { ...EMPTY_SELECTION, ...patch };
				for (const limit of [50, 7]) {
					const index = await buildIndex(engine, base, view, limit);
					for (const chosen of choicesIn(view)) {
						const sel = { ...base, [CHOSEN[view]]: chosen };
						expect(indexKey(sel, view, limit)).toBe(indexKey(base, view, limit));
						expect(answerFromIndex(index, sel), `${view} = ${JSON.stringify(chosen)}`).toEqual(
							await runExplorer(engine, sel, limit)
						);
					}
				}
			});

	it('keeps each comparison to its first figures when an indicator has many (synthetic rows)', async () => {
		const { syntheticFigures } = await import('../../src/lib/data/synthetic');
		const engine = new InstantEngine(syntheticFigures(figures, 3000));
		const picks = {
			topic: [[], ['remittances'], ['migrant_stock', 'remittances']],
			geo: [[], ['CAN'], ['CAN', 'WLD']]
		};
		for (const view of ['topic', 'geo'] as const) {
			const base = { ...EMPTY_SELECTION, years: [1985, 2010] as [number, number] };
			const index = await buildIndex(engine, base, view, 50);
			for (const chosen of picks[view]) {
				const sel = { ...base, [CHOSEN[view]]: chosen };
				const want = await runExplorer(engine, sel, 50);
				expect(want.comparable.length).toBeGreaterThan(0);
				expect(answerFromIndex(index, sel), `${view} = ${chosen.join(', ')}`).toEqual(want);
			}
		}
	});

	it('is keyed by everything but the view’s own values', () => {
		const base = { ...EMPTY_SELECTION, topics: ['remittances'] };
		const key = (s: Selection, v: IndexedView) => indexKey(s, v, 50);
		expect(key({ ...base, topics: ['labour'] }, 'topic')).toBe(key(base, 'topic'));
		expect(key({ ...base, docs: ['hemispheric-2002'] }, 'topic')).not.toBe(key(base, 'topic'));
		expect(key(base, 'doc')).not.toBe(key(EMPTY_SELECTION, 'doc'));
		expect(key({ ...base, sort: 'value' }, 'topic')).not.toBe(key(base, 'topic'));
		expect(indexKey(base, 'topic', 100)).not.toBe(key(base, 'topic'));
	});
});
