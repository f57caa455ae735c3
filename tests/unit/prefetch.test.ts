/**
 * Prefetched explorer answers: a press starts a view's query, the update that follows takes the
 * same answer instead of asking again, and nothing is kept beyond that (it is not a cache).
 */
import { describe, expect, it } from 'vitest';
import type { Engine, ResultsOf } from '../../src/lib/db/engine';
import type { Query } from '../../src/lib/queries/describe';
import { ExplorerAnswers } from '../../src/lib/queries/prefetch';
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
});
