/**
 * The one module that owns DuckDB-wasm: loaded lazily in a Web Worker from files the site
 * serves (no CDN), once, with concurrent callers sharing one promise. Browser-only.
 *
 * DuckDB-wasm 1.32 downloads its parquet/json extensions from the internet at run time, which
 * many users (and CI) cannot reach, so data goes in as Arrow IPC built by `npm run build:data`.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { TABLE, cubeSql, inlineParams, searchCubeSql, toSql } from '../queries/sql';
import type { Query } from '../queries/describe';
import type { Engine, ResultOf, ResultsOf } from './engine';
import {
	countBatchSql,
	isCount,
	splitBatch,
	type BatchRow,
	type CountQuery
} from '../queries/batch';

export interface DuckDbHandle {
	db: AsyncDuckDB;
	conn: AsyncDuckDBConnection;
	version: string;
	/** Runs SQL with bound parameters and returns plain rows. */
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface LoadOptions {
	/** URLs of Arrow IPC streams to load, by table name. */
	tables: Record<string, string>;
}

let loading: Promise<DuckDbHandle> | null = null;

const START_TIMEOUT_MS = 60_000;

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	return Promise.race([
		p,
		new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))
	]).finally(() => clearTimeout(timer));
}

/** Plain JS values: DuckDB returns BigInt for some integer types even with castBigIntToDouble. */
function plain(v: unknown): unknown {
	return typeof v === 'bigint' ? Number(v) : v;
}

async function open(options: LoadOptions): Promise<DuckDbHandle> {
	const duckdb = await import('@duckdb/duckdb-wasm');
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	// A blocked or missing download would leave the worker waiting for ever: check it first.
	const head = await fetch(bundle.mainModule, { method: 'HEAD' }).catch((e: unknown) => {
		throw new Error(`could not download its WebAssembly (${e instanceof Error ? e.message : e})`);
	});
	if (!head.ok) throw new Error(`could not download its WebAssembly (HTTP ${head.status})`);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		await withTimeout(
			Promise.race([
				db.instantiate(bundle.mainModule, bundle.pthreadWorker),
				new Promise<never>((_, reject) =>
					worker.addEventListener('error', (e) =>
						reject(new Error(`its worker failed (${e.message || 'no detail'})`))
					)
				)
			]),
			START_TIMEOUT_MS,
			`it did not start within ${START_TIMEOUT_MS / 1000} s`
		);
		await db.open({ query: { castBigIntToDouble: true } });
	} catch (e) {
		worker.terminate();
		throw e;
	}
	const conn = await db.connect();
	// Never reach for the internet for an extension: fail fast instead.
	await conn.query(`SET autoinstall_known_extensions = false`);
	await conn.query(`SET autoload_known_extensions = false`);
	await Promise.all(
		Object.entries(options.tables).map(async ([name, url]) => {
			const res = await fetch(url);
			if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}`);
			const bytes = new Uint8Array(await res.arrayBuffer());
			await conn.insertArrowFromIPCStream(bytes, { name, create: true });
		})
	);
	const query = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
		const result =
			params.length === 0
				? await conn.query(text)
				: await (async () => {
						const stmt = await conn.prepare(text);
						try {
							return await stmt.query(...params);
						} finally {
							await stmt.close();
						}
					})();
		// Column by column: reading Arrow's row proxies field by field is several times slower.
		const names = result.schema.fields.map((f) => f.name);
		const columns = names.map((_, i) => result.getChildAt(i));
		const rows: T[] = new Array(result.numRows);
		for (let r = 0; r < result.numRows; r++) {
			const out: Record<string, unknown> = {};
			for (let c = 0; c < names.length; c++) out[names[c]!] = plain(columns[c]?.get(r) ?? null);
			rows[r] = out as T;
		}
		return rows;
	};
	return { db, conn, version: await db.getVersion(), query };
}

/**
 * A connection of its own for the SQL workbench: statements run through DuckDB-wasm's pending
 * queries, which the worker executes in short steps, so `cancel` can stop a long one; user files
 * are handed to the worker as buffers (copied slice by slice, never whole).
 */
export interface SqlConnection {
	readonly version: string;
	/**
	 * Runs SQL (one statement or several) and returns the last result; with `maxRows`, reading
	 * stops once that many rows have come (a streamed result is not fetched further).
	 */
	run(text: string, maxRows?: number): Promise<Table>;
	/** Stops the statement `run` is waiting on; its promise then rejects. */
	cancel(): Promise<void>;
	/** Parses and binds one statement without running it: errors come with their positions. */
	check(text: string): Promise<void>;
	registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
	dropFile(name: string): Promise<void>;
	insertArrow(table: Table, name: string, create: boolean): Promise<void>;
	/** A JSON array of objects, read by DuckDB-wasm's own JSON reader (not the json extension). */
	insertJson(path: string, name: string, create: boolean): Promise<void>;
	/** Closes the connection once its statements are done. */
	close(): Promise<void>;
}

export async function openSqlConnection(handle: DuckDbHandle): Promise<SqlConnection> {
	const conn = await handle.db.connect();
	// A connection has one pending query at a time: its statements wait their turn.
	let turn: Promise<unknown> = Promise.resolve();
	const serial = <T>(work: () => Promise<T>): Promise<T> => {
		const next = turn.then(work, work);
		turn = next.catch(() => undefined);
		return next;
	};
	return {
		version: handle.version,
		run: (text, maxRows = Infinity) =>
			serial(async () => {
				const reader = await conn.send(text, true);
				const batches: RecordBatch[] = [];
				// Read by hand: leaving a for-await loop early would make Arrow's reader drain the rest.
				const batchesOf = reader[Symbol.asyncIterator]();
				let rows = 0;
				while (rows < maxRows) {
					const next = await batchesOf.next();
					if (next.done) break;
					batches.push(next.value);
					rows += next.value.numRows;
				}
				return batches.length ? new Table(batches) : new Table(reader.schema);
			}),
		async cancel() {
			await conn.cancelSent();
		},
		check: (text) =>
			serial(async () => {
				const stmt = await conn.prepare(text);
				await stmt.close();
			}),
		registerBuffer: (name, bytes) => handle.db.registerFileBuffer(name, bytes),
		dropFile: async (name) => void (await handle.db.dropFile(name)),
		insertArrow: (table, name, create) =>
			serial(() => conn.insertArrowTable(table, { name, create })),
		insertJson: (path, name, create) =>
			serial(() => conn.insertJSONFromPath(path, { name, create })),
		close: () => serial(() => conn.close())
	};
}

/** The shared DuckDB handle; the first call starts loading, later calls wait on the same load. */
export function loadDuckDb(options: LoadOptions): Promise<DuckDbHandle> {
	if (!loading) {
		loading = open(options);
		// A failed load may be retried by a later call.
		loading.catch(() => (loading = null));
	}
	return loading;
}

export class DuckDbEngine implements Engine {
	readonly name = 'duckdb' as const;
	private constructor(
		private readonly handle: DuckDbHandle,
		private readonly table: string
	) {}

	/**
	 * An engine over a table of the served table's columns (the loaded `figures`, or the
	 * explorer's table with the user's rows added), stored in source order, with its data cube
	 * and its search cube.
	 */
	static async create(handle: DuckDbHandle, table = TABLE): Promise<DuckDbEngine> {
		const [check] = await handle.query<{ ordered: boolean }>(
			`SELECT coalesce(bool_and(source_order = rowid + 1), true) AS ordered FROM ${table}`
		);
		// The first page in source order is read as the first matching rows (see `toSql`).
		if (!check?.ordered)
			await handle.query(`CREATE OR REPLACE TABLE ${table} AS FROM ${table} ORDER BY source_order`);
		await handle.query(cubeSql(table));
		await handle.query(searchCubeSql(table));
		return new DuckDbEngine(handle, table);
	}

	async runAll<T extends Record<string, Query>>(queries: T): Promise<ResultsOf<T>> {
		const entries = Object.entries(queries);
		const counts = entries.filter((e): e is [string, CountQuery] => isCount(e[1]));
		const others = entries.filter(([, q]) => !isCount(q));
		// All sent at once: the worker runs them one after another without waiting for the page
		// to take each answer (the page may be busy drawing when one arrives).
		const [batch, ...rest] = await Promise.all([
			counts.length
				? this.handle.query<BatchRow>(inlineParams(countBatchSql(counts, true, this.table)))
				: [],
			...others.map(([, q]) => this.run(q))
		]);
		return {
			...splitBatch(counts, batch as BatchRow[]),
			...Object.fromEntries(others.map(([name], i) => [name, rest[i]]))
		} as ResultsOf<T>;
	}

	async run<Q extends Query>(q: Q): Promise<ResultOf<Q>> {
		// Rows come back typed by the Arrow schema the build wrote, matching the JSON build.
		return (await this.handle.query(inlineParams(toSql(q, true, this.table)))) as ResultOf<Q>;
	}
}
