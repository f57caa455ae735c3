/**
 * The explorer's answers: a query for each view, except that on DuckDB-wasm the views' indexes
 * built while idle answer clicks without a round trip.
 */
import { describe, expect, it } from 'vitest';
import type { Engine, ResultsOf } from '../../src/lib/db/engine';
import type { Query } from '../../src/lib/queries/describe';
import { AHEAD_AFTER_MS, ExplorerAnswers } from '../../src/lib/explorer/answers';
import { runExplorer } from '../../src/lib/explorer/run';
import { InstantEngine } from '../../src/lib/db/instant';
import { validateDataDir } from '../../src/lib/data/node-files';
import type { SiteFigure } from '../../src/lib/data/site-table';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';

/** An engine that counts how often it is asked and can be made to fail. */
function countingEngine(fail = false) {
	const engine = {
		name: 'instant' as const,
		asked: 0,
		async run() {
			throw new Error('not used');
		},
		async runAll<T extends Record<string, Query>>(queries: T): Promise<ResultsOf<T>> {
			engine.asked++;
			if (fail) throw new Error('engine failed');
			const out: Record<string, unknown> = {};
			for (const key of Object.keys(queries)) out[key] = [{ key: 'x', n: engine.asked }];
			return out as ResultsOf<T>;
		}
	};
	return engine satisfies Engine & { asked: number };
}

const remittances = { ...EMPTY_SELECTION, topics: ['remittances'] };
const labour = { ...EMPTY_SELECTION, topics: ['labour'] };

describe('ExplorerAnswers', () => {
	it('asks the engine for every view with no index, and reports a failed query', async () => {
		const engine = countingEngine();
		const answers = new ExplorerAnswers();
		await answers.take(engine, remittances, 50);
		await answers.take(engine, remittances, 50);
		await answers.take(engine, labour, 50);
		expect(engine.asked).toBe(3);
		await expect(answers.take(countingEngine(true), remittances, 50)).rejects.toThrow(
			'engine failed'
		);
	});

	it('answers a click from the index of its view once the page was idle, on DuckDB-wasm only', async () => {
		const data = validateDataDir();
		const figures = toSiteFigures(data.figures, data.documents);
		const instant = new InstantEngine(figures);
		let asked = 0;
		// The real figures behind an engine that says it is DuckDB-wasm and counts its round trips.
		const duck: Engine = {
			name: 'duckdb',
			run: (q) => instant.run(q),
			runAll: (qs) => (asked++, instant.runAll(qs))
		};
		const answers = new ExplorerAnswers();
		const rows = figures.length;
		await answers.ahead(duck, EMPTY_SELECTION, 50, rows);
		expect(asked).toBe(4); // the topic, document, place and year views' indexes
		asked = 0;
		for (const sel of [
			remittances,
			{ ...EMPTY_SELECTION, topics: ['labour', 'remittances'] },
			{ ...EMPTY_SELECTION, docs: ['hemispheric-2002'] },
			{ ...EMPTY_SELECTION, geos: ['CAN'] },
			{ ...EMPTY_SELECTION, years: [1990, 2000] as [number, number] }
		])
			expect(await answers.take(duck, sel, 50)).toEqual(await runExplorer(instant, sel, 50));
		expect(asked).toBe(0);
		// A clause of two views at once, a search or a longer table: no index holds it.
		await answers.take(duck, { ...remittances, docs: ['hemispheric-2002'] }, 50);
		await answers.take(duck, { ...EMPTY_SELECTION, q: 'deported' }, 50);
		await answers.take(duck, remittances, 100);
		expect(asked).toBe(3);
		// After a topic is chosen, the other views' indexes are built for it; the topic's is kept.
		asked = 0;
		await answers.ahead(duck, remittances, 50, rows);
		expect(asked).toBe(3);
		const both = { ...remittances, geos: ['CAN'] };
		expect(await answers.take(duck, both, 50)).toEqual(await runExplorer(instant, both, 50));
		expect(asked).toBe(3);
		// A large table gets no year index (one part per period would hold most of its rows).
		asked = 0;
		await answers.ahead(duck, labour, 50, 1_000_000);
		expect(asked).toBe(2);
		// A newer view on screen stops the building for the older one.
		asked = 0;
		const older = answers.ahead(duck, { ...EMPTY_SELECTION, q: 'migrants' }, 50, rows);
		void answers.ahead(duck, { ...EMPTY_SELECTION, q: 'deported' }, 50, rows);
		await older;
		expect(asked).toBe(0);
		// The instant engine builds none.
		const plain = countingEngine();
		await answers.ahead(plain, EMPTY_SELECTION, 50, 100);
		expect(plain.asked).toBe(0);
	});

	it('keeps no index an engine finished building after the page moved to another engine', async () => {
		const data = validateDataDir();
		const all = toSiteFigures(data.figures, data.documents);
		// The old engine holds rows the new one does not (the user's rows, since hidden).
		const extra = all.slice(0, 5).map((f, i): SiteFigure => ({
			...f,
			figure_id: `mine-${i}`,
			topic: 'remittances',
			period_start: 2000,
			period_end: 2001,
			source_order: 100_000 + i
		}));
		const before = new InstantEngine([...all, ...extra]);
		const after = new InstantEngine(all);
		const slowly = (engine: InstantEngine): Engine => ({
			name: 'duckdb',
			run: (q) => engine.run(q),
			runAll: async (qs) => {
				await new Promise((r) => setTimeout(r, 40));
				return engine.runAll(qs);
			}
		});
		const old = slowly(before);
		const now = slowly(after);
		const answers = new ExplorerAnswers();
		const building = answers.ahead(old, EMPTY_SELECTION, 50, 200);
		// The switch comes while the old engine's first index is being built.
		await new Promise((r) => setTimeout(r, AHEAD_AFTER_MS + 20));
		await answers.take(now, EMPTY_SELECTION, 50);
		// The page, updated by the new engine, starts that engine's indexes (after its own wait).
		void answers.ahead(now, EMPTY_SELECTION, 50, 200);
		await building;
		// Whichever view's index the old engine was building, none answers for the new one.
		for (const sel of [
			remittances,
			{ ...EMPTY_SELECTION, docs: [extra[0]!.doc_id] },
			{ ...EMPTY_SELECTION, geos: [extra[0]!.geo_code] },
			{ ...EMPTY_SELECTION, years: [1000, 3000] as [number, number] }
		])
			expect(await answers.take(now, sel, 50)).toEqual(await runExplorer(after, sel, 50));
	});
});
