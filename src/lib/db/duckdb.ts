/**
 * The one module that owns DuckDB-wasm: loaded lazily in Web Workers from files the site serves
 * (no CDN), each database once, with concurrent callers sharing one promise. Browser-only.
 *
 * Two databases, never one: the explorer's (curated tables from the served Arrow files, and what
 * the app derives from them) and the SQL workbench's (the curated tables attached read-only, and
 * the reader's own files and SQL). Both are locked before anything else runs in them: no file
 * outside the app's own buffers, no URL, no extension, no setting changed back.
 *
 * DuckDB-wasm 1.32 downloads its parquet/json extensions from the internet at run time, which
 * many users (and CI) cannot reach, so data goes in as Arrow IPC or DuckDB's own file format,
 * both written by `npm run build:data`.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, Vector, type RecordBatch } from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { TABLE, cubeSql, inlineParams, searchCubeSql, sqlLiteral, toSql } from '../queries/sql';
import type { Query } from '../queries/describe';
import type { Engine, ResultOf, ResultsOf } from './engine';
import { CURATED_DB, SEARCH_PATH_SQL, UPLOAD_DIR, lockDownSql, memoryLimitFor } from './sandbox';
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

export interface ExplorerDbOptions {
	/** URLs of Arrow IPC streams to load, by table name. */
	tables: Record<string, string>;
	/** SQL the app runs after loading, e.g. to swap in a synthetic table of the same schema. */
	afterLoad?: string[];
}

const START_TIMEOUT_MS = 60_000;

/** The curated tables' database file, attached read-only to the workbench as `CURATED_DB`. */
const CURATED_PATH = '/cifras/curated.duckdb';

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	return Promise.race([
		p,
		new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))
	]).finally(() => clearTimeout(timer));
}

/**
 * Plain JS values: DuckDB returns BigInt for some integer types even with castBigIntToDouble,
 * and a list (the timeline's first positions) as an Arrow vector.
 */
function plain(v: unknown): unknown {
	if (v instanceof Vector) return Array.from(v as Iterable<unknown>, plain);
	return typeof v === 'bigint' ? Number(v) : v;
}

/** A DuckDB-wasm instance in a worker of its own, started from the files the site serves. */
async function startInstance(): Promise<AsyncDuckDB> {
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
	return db;
}

/** Locks a database before anything else runs in it: see `lockDownSql`. */
async function lockDown(conn: AsyncDuckDBConnection, allowed: string[]): Promise<void> {
	const device = (navigator as { deviceMemory?: number }).deviceMemory;
	for (const sql of lockDownSql(allowed, memoryLimitFor(device))) await conn.query(sql);
}

function handleOf(db: AsyncDuckDB, conn: AsyncDuckDBConnection, version: string): DuckDbHandle {
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
	return { db, conn, version, query };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

/**
 * The explorer's database: the curated tables from the served Arrow files, plus what the app
 * derives from them (cubes, the user's rows beside the curated ones). It never runs SQL a reader
 * wrote: the workbench has a database of its own (`openWorkbenchDb`), so nothing typed or loaded
 * there can change what the explorer shows as curated.
 */
async function openExplorerDb(options: ExplorerDbOptions): Promise<DuckDbHandle> {
	const db = await startInstance();
	try {
		const conn = await db.connect();
		await Promise.all(
			Object.entries(options.tables).map(async ([name, url]) =>
				conn.insertArrowFromIPCStream(await fetchBytes(url), { name, create: true })
			)
		);
		for (const sql of options.afterLoad ?? []) await conn.query(sql);
		await lockDown(conn, []);
		return handleOf(db, conn, await db.getVersion());
	} catch (e) {
		await db.terminate();
		throw e;
	}
}

let explorer: { key: string; handle: Promise<DuckDbHandle> } | null = null;

/**
 * The explorer's database for these options: the first call starts it, later calls with the same
 * options share it, and other options (another synthetic size) replace it.
 */
export function explorerDb(options: ExplorerDbOptions): Promise<DuckDbHandle> {
	const key = JSON.stringify(options);
	if (explorer?.key !== key) {
		const previous = explorer?.handle;
		const handle = openExplorerDb(options);
		explorer = { key, handle };
		// A failed start may be retried by a later call.
		handle.catch(() => {
			if (explorer?.handle === handle) explorer = null;
		});
		void previous?.then((h) => h.db.terminate()).catch(() => undefined);
	}
	return explorer.handle;
}

/** Loads Arrow IPC bytes as a new table of the explorer's database (the user's rows). */
export async function insertArrowTable(
	handle: DuckDbHandle,
	name: string,
	ipc: Uint8Array
): Promise<void> {
	await handle.query(`DROP TABLE IF EXISTS ${name}`);
	await handle.conn.insertArrowFromIPCStream(ipc, { name, create: true });
}

export interface WorkbenchDb {
	handle: DuckDbHandle;
	/** A fingerprint of the curated tables as loaded, to notice if a script swapped them. */
	curatedPrint: string;
	/** Reads the curated tables' fingerprint now. */
	readCuratedPrint(): Promise<string>;
}

/** Every curated table's content in one string, hashed: equal exactly when nothing changed. */
const CURATED_PRINT = `SELECT md5(coalesce((SELECT string_agg(f::VARCHAR, chr(10) ORDER BY source_order) FROM ${CURATED_DB}.main.figures f), '')
	|| coalesce((SELECT string_agg(d::VARCHAR, chr(10) ORDER BY doc_id) FROM ${CURATED_DB}.main.documents d), '')) AS print`;

async function openWorkbench(curatedUrl: string): Promise<WorkbenchDb> {
	const db = await startInstance();
	try {
		await db.registerFileBuffer(CURATED_PATH, await fetchBytes(curatedUrl));
		const conn = await db.connect();
		await conn.query(`ATTACH ${sqlLiteral(CURATED_PATH)} AS ${CURATED_DB} (READ_ONLY)`);
		await lockDown(conn, [UPLOAD_DIR]);
		const handle = handleOf(db, conn, await db.getVersion());
		const readCuratedPrint = async () =>
			String((await handle.query<{ print: string }>(CURATED_PRINT))[0]?.print ?? '');
		return { handle, curatedPrint: await readCuratedPrint(), readCuratedPrint };
	} catch (e) {
		await db.terminate();
		throw e;
	}
}

let workbench: Promise<WorkbenchDb> | null = null;

/**
 * The SQL workbench's database, once per tab: the curated tables in a read-only database
 * (`curated`, found by name through each connection's search path), the reader's files and
 * tables in the writable in-memory one.
 */
export function openWorkbenchDb(curatedUrl: string): Promise<WorkbenchDb> {
	if (!workbench) {
		workbench = openWorkbench(curatedUrl);
		workbench.catch(() => (workbench = null));
	}
	return workbench;
}

export interface RunOptions {
	/** Reading stops once this many rows have come. */
	maxRows?: number;
	/** Stops the statement whenever it is aborted (see `SqlConnection.run`). */
	signal?: AbortSignal;
}

/**
 * A connection of its own for the SQL workbench: statements run through DuckDB-wasm's pending
 * queries, which the worker executes in short steps, so `cancel` can stop a long one; user files
 * are handed to the worker as buffers (copied slice by slice, never whole).
 */
export interface SqlConnection {
	readonly version: string;
	/**
	 * Runs the reader's SQL (one statement or several) and returns the last result; with
	 * `maxRows`, reading stops once that many rows have come (a streamed result is not fetched
	 * further). Aborting `signal` stops it at any moment until its result is ready: before its
	 * turn it is never sent, once sent the worker cancels it; either way the promise rejects.
	 */
	run(text: string, options?: RunOptions): Promise<Table>;
	/**
	 * Runs one statement the app built, refusing text that holds more than one: what the app
	 * runs never becomes a script, whatever a name in it held.
	 */
	runOne(text: string): Promise<Table>;
	/**
	 * A query's rows a batch at a time (DuckDB's vectors of about 2,000 rows), read only as fast
	 * as the caller takes them; the connection runs nothing else meanwhile. Leaving the loop early
	 * cancels the query.
	 */
	batches(text: string): AsyncGenerator<Table>;
	/** Stops the statement `run` is waiting on if it is pending; its promise then rejects. */
	cancel(): Promise<void>;
	/**
	 * Parses and binds one statement without running it: errors come with their positions. An
	 * aborted `signal` leaves it unsent.
	 */
	check(text: string, signal?: AbortSignal): Promise<void>;
	/** A buffer as a file under `UPLOAD_DIR`, the only place the workbench's SQL may read. */
	registerBuffer(path: string, bytes: Uint8Array): Promise<void>;
	dropFile(path: string): Promise<void>;
	insertArrow(table: Table, name: string, create: boolean): Promise<void>;
	/** A JSON array of objects, read by DuckDB-wasm's own JSON reader (not the json extension). */
	insertJson(path: string, name: string, create: boolean): Promise<void>;
	/** Closes the connection once its statements are done. */
	close(): Promise<void>;
}

export async function openSqlConnection(handle: DuckDbHandle): Promise<SqlConnection> {
	const conn = await handle.db.connect();
	await conn.query(SEARCH_PATH_SQL);
	// A connection has one pending query at a time: its statements wait their turn.
	let turn: Promise<unknown> = Promise.resolve();
	const serial = <T>(work: () => Promise<T>): Promise<T> => {
		const next = turn.then(work, work);
		turn = next.catch(() => undefined);
		return next;
	};
	const stream = async (text: string, { maxRows = Infinity, signal }: RunOptions = {}) => {
		// DuckDB-wasm drops a cancel that comes before the query is pending in its worker (there
		// is nothing to cancel yet), so one asked for earlier stops the statement here, unsent.
		signal?.throwIfAborted();
		// `send` posts the query to the worker at once, and the worker takes its messages in
		// order: a cancel posted from here on reaches the query pending, or finds it finished.
		const cancel = () => void conn.cancelSent().catch(() => undefined);
		signal?.addEventListener('abort', cancel, { once: true });
		try {
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
		} finally {
			signal?.removeEventListener('abort', cancel);
		}
	};
	return {
		version: handle.version,
		run: (text, options) => serial(() => stream(text, options)),
		async *batches(text) {
			// Holds the connection's turn until the last batch is taken or the caller stops.
			let release = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			const before = turn;
			turn = turn.then(() => held);
			await before.catch(() => undefined);
			let done = false;
			try {
				const reader = await conn.send(text, true);
				const batchesOf = reader[Symbol.asyncIterator]();
				for (;;) {
					const next = await batchesOf.next();
					if (next.done) break;
					yield new Table([next.value]);
				}
				done = true;
			} finally {
				if (!done) await conn.cancelSent().catch(() => undefined);
				release();
			}
		},
		runOne: (text) =>
			serial(async () => {
				// DuckDB prepares one statement at a time and refuses a script: checked before it runs.
				const stmt = await conn.prepare(text);
				await stmt.close();
				return stream(text);
			}),
		async cancel() {
			await conn.cancelSent();
		},
		check: (text, signal) =>
			serial(async () => {
				signal?.throwIfAborted();
				const stmt = await conn.prepare(text);
				await stmt.close();
			}),
		registerBuffer: (path, bytes) => handle.db.registerFileBuffer(path, bytes),
		dropFile: async (path) => void (await handle.db.dropFile(path)),
		insertArrow: (table, name, create) =>
			serial(() => conn.insertArrowTable(table, { name, create })),
		insertJson: (path, name, create) =>
			serial(() => conn.insertJSONFromPath(path, { name, create })),
		close: () => serial(() => conn.close())
	};
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
