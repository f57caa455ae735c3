/**
 * The browser's DuckDB (the same duckdb-wasm build, run in Node by its blocking bindings), with
 * the workbench's locks and a `SqlConnection` over it, so the loader's statements are tested
 * against the engine and version that run them in the page.
 */
import { createRequire } from 'node:module';
import { tableToIPC, type Table } from 'apache-arrow';
import type { SqlConnection } from '../../src/lib/db/duckdb';
import { SEARCH_PATH_SQL, UPLOAD_DIR, lockDownSql } from '../../src/lib/db/sandbox';

const require = createRequire(import.meta.url);
const DIST = require
	.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs')
	.replace(/duckdb-node-blocking\.cjs$/, '');

interface BlockingConnection {
	query(text: string): Table;
	prepare(text: string): { close(): void };
	insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create: boolean }): void;
	insertJSONFromPath(path: string, options: { name: string; create: boolean }): void;
	close(): void;
}
interface BlockingDb {
	instantiate(): Promise<unknown>;
	open(config: object): void;
	connect(): BlockingConnection;
	registerFileBuffer(name: string, bytes: Uint8Array): void;
	dropFile(name: string): void;
	getVersion(): string;
}

export interface WasmDb {
	db: BlockingDb;
	/** Runs SQL as the app does, returning rows as plain objects. */
	rows(sql: string): Record<string, unknown>[];
	connection(): SqlConnection;
}

/** A locked workbench database with a `figures` table the loader must never change. */
export async function wasmDb(): Promise<WasmDb> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const db: BlockingDb = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: `${DIST}duckdb-mvp.wasm`,
				mainWorker: `${DIST}duckdb-node-mvp.worker.cjs`
			},
			eh: { mainModule: `${DIST}duckdb-eh.wasm`, mainWorker: `${DIST}duckdb-node-eh.worker.cjs` }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true } });
	const main = db.connect();
	main.query(`ATTACH ':memory:' AS curated`);
	main.query(
		`CREATE TABLE curated.figures AS SELECT 'q' || range AS quote, range AS source_order FROM range(3)`
	);
	for (const sql of lockDownSql([UPLOAD_DIR])) main.query(sql);
	main.query(SEARCH_PATH_SQL);
	const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
	const rows = (sql: string) =>
		main
			.query(sql)
			.toArray()
			.map((r) =>
				Object.fromEntries(Object.entries(r.toJSON() as object).map(([k, v]) => [k, plain(v)]))
			);
	const connection = (): SqlConnection => {
		const conn = db.connect();
		conn.query(SEARCH_PATH_SQL);
		const run = async (text: string) => conn.query(text);
		return {
			version: db.getVersion(),
			run,
			runOne: async (text) => {
				conn.prepare(text).close();
				return conn.query(text);
			},
			// The whole answer as one batch: the blocking bindings read results whole.
			async *batches(text) {
				yield conn.query(text);
			},
			cancel: async () => undefined,
			check: async (text) => conn.prepare(text).close(),
			registerBuffer: async (path, bytes) => db.registerFileBuffer(path, bytes),
			dropFile: async (path) => db.dropFile(path),
			// As IPC bytes: the blocking bindings load their own copy of apache-arrow, which does not
			// recognise this one's tables.
			insertArrow: async (table, name, create) =>
				conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create }),
			insertJson: async (path, name, create) => conn.insertJSONFromPath(path, { name, create }),
			close: async () => conn.close()
		};
	};
	return { db, rows, connection };
}
