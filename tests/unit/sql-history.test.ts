import { describe, expect, it } from 'vitest';
import {
	HISTORY_KEY,
	HISTORY_MAX,
	HISTORY_MAX_CHARS,
	addToHistory,
	readHistory
} from '../../src/lib/sql/history';

function memoryStore(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		data
	};
}

describe('query history', () => {
	it('keeps the latest first, each query once, bounded', () => {
		const store = memoryStore();
		addToHistory(store, 'SELECT 1', 1000);
		addToHistory(store, 'SELECT 2', 2000);
		const h = addToHistory(store, '  SELECT 1  ', 3000);
		expect(h.map((e) => e.sql)).toEqual(['SELECT 1', 'SELECT 2']);
		expect(h[0]!.at).toBe(new Date(3000).toISOString());
		for (let i = 0; i < HISTORY_MAX + 10; i++) addToHistory(store, `SELECT ${i}`, i);
		expect(readHistory(store)).toHaveLength(HISTORY_MAX);
		expect(readHistory(store)[0]!.sql).toBe(`SELECT ${HISTORY_MAX + 9}`);
	});

	it('skips blank and very long queries, and survives damaged or refused storage', () => {
		const store = memoryStore();
		expect(addToHistory(store, '   ', 1)).toEqual([]);
		expect(addToHistory(store, 'x'.repeat(HISTORY_MAX_CHARS + 1), 1)).toEqual([]);
		expect(readHistory(memoryStore({ [HISTORY_KEY]: '{not json' }))).toEqual([]);
		expect(
			readHistory(memoryStore({ [HISTORY_KEY]: '[{"sql":1},{"sql":"ok","at":"x"}]' }))
		).toEqual([{ sql: 'ok', at: 'x' }]);
		const full = {
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(addToHistory(full, 'SELECT 1', 1)).toHaveLength(1);
		expect(readHistory(undefined)).toEqual([]);
	});
});
