/**
 * The workbench's side of DuckDB, on the browser's duckdb-wasm build (locked as in the page):
 * a single query kept whole and paged and sorted there, a script's first rows, the tables it
 * lists (the reader's and the read-only curated ones), and the memory limit it is given.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCRIPT_ROWS, Workbench } from '../../src/lib/db/workbench';
import { memoryLimitFor } from '../../src/lib/db/sandbox';
import { wasmDb, type WasmDb } from './wasm-duckdb';

let w: WasmDb;
let bench: Workbench;
beforeAll(async () => {
	w = await wasmDb();
	bench = new Workbench(w.connection());
}, 60_000);

describe('the workbench', { timeout: 60_000 }, () => {
	it('keeps a single query whole, and pages and sorts it with ties in the result’s order', async () => {
		const r = await bench.run('SELECT i % 3 AS g, i FROM range(250) t(i);');
		expect(r).toMatchObject({ kind: 'kept', total: 250 });
		if (r.kind !== 'kept') return;
		expect(r.columns).toEqual([
			{ name: 'g', type: 'BIGINT' },
			{ name: 'i', type: 'BIGINT' }
		]);
		const page = await bench.page(r.columns, { offset: 100, limit: 3 });
		expect(page).toEqual([
			{ g: 1, i: 100 },
			{ g: 2, i: 101 },
			{ g: 0, i: 102 }
		]);
		// Sorted by g, ties keep the result's order: consecutive pages never repeat a row.
		const rows = [];
		for await (const chunk of bench.pages(r.columns, { column: 'g', desc: true }))
			rows.push(...chunk);
		expect(rows.map((x) => x.g)).toEqual([
			...Array(83).fill(2),
			...Array(83).fill(1),
			...Array(84).fill(0)
		]);
		expect(rows.filter((x) => x.g === 2).map((x) => x.i)).toEqual(
			Array.from({ length: 83 }, (_, k) => 3 * k + 2)
		);
	});

	it('shows a script’s first rows and says there were more', async () => {
		const r = await bench.run('CREATE TABLE t AS SELECT 1 AS a; SELECT * FROM range(5000) t(i)');
		expect(r).toMatchObject({ kind: 'rows', more: true });
		if (r.kind === 'rows') expect(r.rows).toHaveLength(SCRIPT_ROWS);
	});

	it('lists the reader’s tables and the curated ones, marked', async () => {
		const tables = await bench.tables();
		expect(tables.find((t) => t.name === 'figures')).toMatchObject({ curated: true, rows: 3 });
		expect(tables.find((t) => t.name === 't')).toMatchObject({ curated: false, rows: 1 });
	});
});

describe('the memory limit', () => {
	it('follows the device: half a GiB per GB, at most 3 GiB, DuckDB’s own when unknown', () => {
		expect(memoryLimitFor(0.25)).toBe('128MiB');
		expect(memoryLimitFor(4)).toBe('2048MiB');
		expect(memoryLimitFor(8)).toBe('3072MiB');
		expect(memoryLimitFor(undefined)).toBeNull();
		expect(memoryLimitFor(Number.NaN)).toBeNull();
	});
});
