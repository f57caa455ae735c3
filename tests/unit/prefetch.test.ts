/**
 * Prefetched explorer answers: a press starts a view's query, the update that follows takes the
 * same answer instead of asking again, and nothing is kept beyond that (it is not a cache); on
 * DuckDB-wasm, views' indexes built while idle answer clicks without a round trip.
 */
import { describe, expect, it } from 'vitest';
import type { Engine, ResultsOf } from '../../src/lib/db/engine';
import type { Query } from '../../src/lib/queries/describe';
import { ExplorerAnswers, type Waits } from '../../src/lib/queries/prefetch';
import { runExplorer } from '../../src/lib/queries/explorer';
import { InstantEngine } from '../../src/lib/db/instant';
import { validateDataDir } from '../../src/lib/data/node-files';
import { toSiteFigures, type SiteFigure } from '../../src/lib/data/site-table';
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

/** Waits that end at once: what is built, not when, is what these tests check. */
const NO_WAITS: Waits = { pause: async () => {}, idle: async () => {} };

/** Pauses that end when the test says so (idle moments come at once). */
function handWaits() {
	const waiting: (() => void)[] = [];
	return {
		pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
		idle: async () => {},
		/** Ends every pause begun so far. */
		end: () => waiting.splice(0).forEach((resolve) => resolve())
	};
}

const remittances = { ...EMPTY_SELECTION, topics: ['remittances'] };
const labour = { ...EMPTY_SELECTION, topics: ['labour'] };

describe('ExplorerAnswers', () => {
	it('hands a prefetched answer to the update for the same view, once', async () => {
		const engine = countingEngine();
		const answers = new ExplorerAnswers();
		answers.prefetch(engine, remittances, 50);
		answers.prefetch(engine, remittances, 50);
		expect(engine.asked).toBe(1);
		const first = await answers.take(engine, remittances, 50);
		expect(engine.asked).toBe(1);
		expect(first.topics[0]!.n).toBe(1);
		// Taken once: the same view later is asked again (the data may have changed engine).
		await answers.take(engine, remittances, 50);
		expect(engine.asked).toBe(2);
	});

	it('asks again for another view, another table length or another engine', async () => {
		const engine = countingEngine();
		const answers = new ExplorerAnswers();
		answers.prefetch(engine, remittances, 50);
		await answers.take(engine, labour, 50);
		await answers.take(engine, remittances, 100);
		expect(engine.asked).toBe(3);
		const other = countingEngine();
		await answers.take(other, remittances, 50);
		expect(other.asked).toBe(1);
	});

	it('keeps only the last few prefetches (a pointer sweeping over bars)', async () => {
		const engine = countingEngine();
		const answers = new ExplorerAnswers();
		const topics = ['a', 'b', 'c', 'd', 'e', 'f'];
		for (const t of topics) answers.prefetch(engine, { ...EMPTY_SELECTION, topics: [t] }, 50);
		expect(engine.asked).toBe(6);
		await answers.take(engine, { ...EMPTY_SELECTION, topics: ['f'] }, 50);
		expect(engine.asked).toBe(6);
		await answers.take(engine, { ...EMPTY_SELECTION, topics: ['a'] }, 50);
		expect(engine.asked).toBe(7);
	});

	it('reports a failed query to the update that takes it', async () => {
		const engine = countingEngine(true);
		const answers = new ExplorerAnswers();
		answers.prefetch(engine, remittances, 50);
		await expect(answers.take(engine, remittances, 50)).rejects.toThrow('engine failed');
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
		const answers = new ExplorerAnswers(NO_WAITS);
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
		// A press on a bar an index answers starts no query either.
		answers.prefetch(duck, labour, 50);
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
		// A newer view on screen (or a press) stops the building for the older one: only the
		// newer view's four indexes are built.
		asked = 0;
		const migrants = { ...EMPTY_SELECTION, q: 'migrants' };
		const deported = { ...EMPTY_SELECTION, q: 'deported' };
		await Promise.all([
			answers.ahead(duck, migrants, 50, rows),
			answers.ahead(duck, deported, 50, rows)
		]);
		expect(asked).toBe(4);
		asked = 0;
		await answers.take(duck, { ...deported, topics: ['labour'] }, 50);
		expect(asked).toBe(0);
		await answers.take(duck, { ...migrants, topics: ['labour'] }, 50);
		expect(asked).toBe(1);
		asked = 0;
		const pressed = answers.ahead(duck, { ...EMPTY_SELECTION, q: 'returned' }, 50, rows);
		answers.pause();
		await pressed;
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
		// The old engine's first index is held until the page has moved to the new engine.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let started = () => {};
		const building = new Promise<void>((resolve) => (started = resolve));
		const old: Engine = {
			name: 'duckdb',
			run: (q) => before.run(q),
			runAll: async (qs) => {
				started();
				await held;
				return before.runAll(qs);
			}
		};
		const now: Engine = {
			name: 'duckdb',
			run: (q) => after.run(q),
			runAll: (qs) => after.runAll(qs)
		};
		const waits = handWaits();
		const answers = new ExplorerAnswers(waits);
		const oldIndexes = answers.ahead(old, EMPTY_SELECTION, 50, 200);
		waits.end();
		await building;
		// The switch: the page, updated by the new engine, starts that engine's indexes (after
		// its own pause), and then the old engine finishes its index.
		await answers.take(now, EMPTY_SELECTION, 50);
		const newIndexes = answers.ahead(now, EMPTY_SELECTION, 50, 200);
		release();
		await oldIndexes;
		waits.end();
		await newIndexes;
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
