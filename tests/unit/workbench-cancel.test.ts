/**
 * Cancel on /sql, from the workbench's state down to DuckDB-wasm's connection (`send`,
 * `cancelSent`), with a fake connection whose steps the test settles: a Cancel pressed at any
 * moment after Run stops the query, says so, and leaves the connection answering.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Table, tableFromArrays } from 'apache-arrow';
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { WorkbenchDb } from '../../src/lib/db/duckdb';
import { WorkbenchState } from '../../src/lib/workbench/workbench-state.svelte';

// The real `openSqlConnection` over the fake connection; only the worker's start is replaced.
const opened = vi.hoisted(() => ({ db: null as WorkbenchDb | null }));
vi.mock('../../src/lib/db/duckdb', async (importOriginal) => ({
	...(await importOriginal<typeof import('../../src/lib/db/duckdb')>()),
	openWorkbenchDb: async () => opened.db
}));

const LONG = 'SELECT sum(i) AS n FROM range(20000000000) t(i)';
const SMALL = 'SELECT 42 AS n';

interface Deferred<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (reason: unknown) => void;
}

function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

/** What the worker answers to the workbench's own statements about a result of one column `n`. */
function answer(text: string): Table {
	if (text.startsWith('DESCRIBE'))
		return tableFromArrays({ column_name: ['n'], column_type: ['INTEGER'] });
	if (text.includes('count(*)')) return tableFromArrays({ n: Float64Array.of(1) });
	if (text.includes('FROM temp.main.cifras_result'))
		return tableFromArrays({ n: Int32Array.of(42) });
	return new Table();
}

/**
 * DuckDB-wasm's connection as its worker behaves: a sent query is pending until it finishes or
 * `cancelSent` stops it, and `cancelSent` with nothing pending does nothing (DuckDB-wasm's
 * `WebDB::Connection::CancelPendingQuery`). The long query's check waits for `releaseCheck`
 * (DuckDB-wasm still taking it in), and it finishes only at `finishLong`.
 */
class FakeConnection {
	/** Every statement sent, in order. */
	readonly sent: string[] = [];
	/** The statements that ran to the end. */
	readonly finished: string[] = [];
	private checking = deferred<void>();
	private checked = deferred<void>();
	private sending = deferred<void>();
	private pending: { text: string; done: Deferred<Table> } | null = null;

	/** Settles when the long query's check reaches the worker. */
	readonly checkStarted = this.checking.promise;
	/** Settles when the long query is sent. */
	readonly longSent = this.sending.promise;

	releaseCheck(): void {
		this.checked.resolve();
	}

	/** The worker finishes the long query, if it has it pending. */
	finishLong(): void {
		const p = this.pending;
		this.pending = null;
		p?.done.resolve(answer(p.text));
	}

	async query(): Promise<Table> {
		return new Table();
	}

	async prepare(text: string) {
		if (text === LONG) {
			this.checking.resolve();
			await this.checked.promise;
		}
		return { close: async () => undefined };
	}

	async send(text: string) {
		this.sent.push(text);
		let table: Table;
		if (text.includes(LONG)) {
			this.pending = { text, done: deferred<Table>() };
			this.sending.resolve();
			table = await this.pending.done.promise;
		} else table = answer(text);
		this.finished.push(text);
		return {
			schema: table.schema,
			async *[Symbol.asyncIterator]() {
				yield* table.batches;
			}
		};
	}

	async cancelSent(): Promise<boolean> {
		const p = this.pending;
		if (!p) return false;
		this.pending = null;
		p.done.reject(new Error('query was canceled'));
		return true;
	}
}

let conn: FakeConnection;
let state: WorkbenchState;

beforeEach(async () => {
	// The state asks for Web Workers before it starts DuckDB-wasm, which the fake replaces.
	vi.stubGlobal('Worker', class {});
	conn = new FakeConnection();
	const db = { connect: async () => conn } as unknown as AsyncDuckDB;
	opened.db = {
		handle: {
			db,
			conn: conn as unknown as AsyncDuckDBConnection,
			version: 'fake',
			query: async () => []
		},
		curatedPrint: 'print',
		readCuratedPrint: async () => 'print'
	};
	state = new WorkbenchState('/data/cifras.duckdb');
	await state.start();
	expect(state.engine.state).toBe('ready');
});

afterEach(() => {
	vi.unstubAllGlobals();
});

/** The next query after a cancelled one runs and shows its rows. */
async function expectAnswering() {
	await state.run(SMALL);
	expect(state.error).toBeNull();
	expect(state.notice).toMatch(/^1 row in /);
	expect(state.pageRows).toEqual([{ n: 42 }]);
}

describe('Cancel on /sql', () => {
	it('stops a query that DuckDB-wasm is still taking in: it is never run', async () => {
		const run = state.run(LONG);
		await conn.checkStarted;
		expect(state.running).toBe(true);
		state.cancel();
		conn.releaseCheck();
		// Had the query been sent all the same, the worker would run it to the end.
		await Promise.race([run, conn.longSent]);
		conn.finishLong();
		await run;
		expect(conn.finished.filter((s) => s.includes(LONG))).toEqual([]);
		expect(state.running).toBe(false);
		expect(state.error).toBeNull();
		expect(state.result).toBeNull();
		expect(state.notice).toMatch(/^Query cancelled after [\d.]+ s\.$/);
		await expectAnswering();
	});

	it('stops a query pending in the worker', async () => {
		const run = state.run(LONG);
		await conn.checkStarted;
		conn.releaseCheck();
		await conn.longSent;
		state.cancel();
		await run;
		expect(conn.finished.filter((s) => s.includes(LONG))).toEqual([]);
		expect(state.running).toBe(false);
		expect(state.error).toBeNull();
		expect(state.notice).toMatch(/^Query cancelled after [\d.]+ s\.$/);
		await expectAnswering();
	});

	it('comes too late once the worker has finished the query: its result is shown', async () => {
		const run = state.run(LONG);
		await conn.checkStarted;
		conn.releaseCheck();
		await conn.longSent;
		conn.finishLong();
		state.cancel();
		await run;
		expect(conn.finished.filter((s) => s.includes(LONG))).toHaveLength(1);
		expect(state.notice).toMatch(/^1 row in /);
		expect(state.pageRows).toEqual([{ n: 42 }]);
	});

	it('with nothing running, changes nothing for the next query', async () => {
		state.cancel();
		await expectAnswering();
		expect(conn.sent.some((s) => s.includes(SMALL))).toBe(true);
	});
});
