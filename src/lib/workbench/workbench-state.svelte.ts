/**
 * The SQL workbench's state: DuckDB-wasm loading, the query running (with its elapsed time and
 * a cancel), its result page and sort, the error and where it points, the history, and the
 * user's files loading into tables. The page only shows it.
 */
import {
	boundsProblem,
	errorKind,
	errorPosition,
	isCancelled,
	isMemoryError,
	type BoundsProblem,
	type ErrorKind,
	type ErrorPosition
} from '../sql/errors';
import { addToHistory, readHistory, type HistoryEntry } from '../sql/history';
import { formatCount } from '../data/format';
import { intlTag } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { LoadProblem, tableNameFor } from '../sql/file-kind';
import type { SqlConnection, WorkbenchDb } from '../db/duckdb';
import { RESERVED_NAMES } from '../db/sandbox';
import { loadUserFile } from '../db/user-tables';
import { showUserTable } from '../explorer/user-figures.svelte';
import { figureColumnsSql, missingFigureColumns } from '../queries/user-figures';
import { Workbench, type Row, type RunResult, type TableInfo } from '../db/workbench';
import { inChunks } from '../export/formats';
import { nullsLast } from '../queries/order';
import { reason, unsupported } from '../db/unavailable';

export const PAGE_SIZE = 100;

export type Sort = { column: string; desc: boolean } | undefined;

export interface QueryError {
	message: string;
	position: ErrorPosition | null;
	memory: boolean;
	/** The workbench's own bounds that refused the statement, if they did. */
	bounds: BoundsProblem | null;
	/** What the error is about (DuckDB's kind of error), explained in the reader's language. */
	kind: ErrorKind;
}

export interface FileLoad {
	id: number;
	name: string;
	table: string;
	state: 'loading' | 'done' | 'failed' | 'cancelled';
	fraction: number;
	rows: number;
	message: string;
	line?: number;
	cancel: () => void;
}

const store = () => (typeof localStorage === 'undefined' ? undefined : localStorage);
/** Says why a file's table is not named after it, when the name is one Cifras uses itself. */
const renamed = (fileName: string) => {
	const plain = tableNameFor(fileName, []);
	return RESERVED_NAMES.has(plain) ? m.sql_renamed({ name: plain }) : '';
};
/** A duration in seconds, in the page's language: "1.25 s", "1,25 s". */
export const seconds = (ms: number, digits = ms < 10_000 ? 2 : 1) =>
	`${(ms / 1000).toLocaleString(intlTag(), {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
		useGrouping: false
	})} s`;

export class WorkbenchState {
	engine: {
		state: 'idle' | 'loading' | 'ready' | 'failed';
		message?: string;
		version?: string;
		/** Whether trying again can help (not when the browser lacks WebAssembly). */
		retry?: boolean;
	} = $state({ state: 'idle' });
	tables: TableInfo[] = $state.raw([]);
	running = $state(false);
	/** Runs finished so far (answered, failed or cancelled): what tests wait on. */
	runs = $state(0);
	elapsed = $state(0);
	result: RunResult | null = $state.raw(null);
	rows: Row[] = $state.raw([]);
	offset = $state(0);
	sort: Sort = $state.raw(undefined);
	error: QueryError | null = $state.raw(null);
	notice = $state('');
	history: HistoryEntry[] = $state.raw([]);
	loads: FileLoad[] = $state([]);
	/**
	 * The reader's SQL detached or replaced the curated tables (they can only be changed by
	 * attaching their file again, read-write): this tab's workbench no longer shows the
	 * published figures. The explorer is not affected; it has its own database.
	 */
	curatedChanged = $state(false);
	private bench: Workbench | null = null;
	private db: WorkbenchDb | null = null;
	private open: (() => Promise<SqlConnection>) | null = null;
	/** Aborted by Cancel: stops the running query whatever step it is at (see `run`). */
	private stop: AbortController | null = null;
	private nextLoad = 0;

	/** @param curatedUrl the curated tables as a DuckDB database file (`/data/cifras.duckdb`) */
	constructor(private readonly curatedUrl: string) {
		this.history = readHistory(store());
	}

	async start(): Promise<void> {
		if (this.engine.state === 'loading' || this.engine.state === 'ready') return;
		if (unsupported()) {
			this.engine = {
				state: 'failed',
				message: m.sql_engine_unsupported(),
				retry: false
			};
			return;
		}
		this.engine = { state: 'loading' };
		try {
			const { openWorkbenchDb, openSqlConnection } = await import('../db/duckdb');
			const db = await openWorkbenchDb(this.curatedUrl);
			this.db = db;
			this.open = () => openSqlConnection(db.handle);
			this.bench = new Workbench(await this.open());
			await this.refreshTables();
			// For analysts in the browser console: `await cifras.query('SELECT …')` on this database,
			// the curated tables and their own files (the explorer's page sets it for the bench).
			(globalThis as { cifras?: unknown }).cifras = {
				query: db.handle.query,
				version: db.handle.version
			};
			this.engine = { state: 'ready', version: db.handle.version };
		} catch (e) {
			this.engine = {
				state: 'failed',
				message: m.sql_engine_failed({ reason: reason(e) }),
				retry: true
			};
		}
	}

	async refreshTables(): Promise<void> {
		if (this.bench) this.tables = await this.bench.tables();
	}

	async run(sql: string): Promise<void> {
		const bench = this.bench;
		if (!bench || this.running || !sql.trim()) return;
		this.history = addToHistory(store(), sql, Date.now());
		this.running = true;
		const stop = new AbortController();
		this.stop = stop;
		this.error = null;
		this.notice = '';
		const t0 = performance.now();
		const timer = setInterval(() => (this.elapsed = performance.now() - t0), 100);
		try {
			// A Cancel after the reader's statements are done has nothing left to stop: their result
			// is already kept in place of the previous one, so it is shown.
			const result = await bench.run(sql, stop.signal);
			this.offset = 0;
			this.sort = undefined;
			this.rows =
				result.kind === 'kept' ? await bench.page(result.columns, this.request()) : result.rows;
			this.result = result;
			const counted = {
				count: result.total,
				shown: formatCount(result.total),
				time: seconds(result.ms)
			};
			this.notice =
				result.kind === 'rows' && result.more
					? m.sql_rows_more_in(counted)
					: m.sql_rows_in(counted);
			await this.refreshTables();
			await this.checkCurated();
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			if (stop.signal.aborted || isCancelled(message))
				this.notice = m.sql_query_cancelled({ time: seconds(performance.now() - t0) });
			else
				this.error = {
					message,
					position: errorPosition(message, sql),
					memory: isMemoryError(message),
					bounds: boundsProblem(message),
					kind: errorKind(message)
				};
			await this.checkCurated();
		} finally {
			clearInterval(timer);
			this.elapsed = performance.now() - t0;
			this.stop = null;
			this.running = false;
			this.runs++;
		}
	}

	/**
	 * Stops the running query, at any moment after Run: the connection leaves it unsent if it has
	 * not been sent yet, and has the worker cancel it once it has.
	 */
	cancel(): void {
		this.stop?.abort();
	}

	private request() {
		return { offset: this.offset, limit: PAGE_SIZE, sort: this.sort };
	}

	/** Shows the page at `offset` in the current order. */
	async goto(offset: number): Promise<void> {
		const r = this.result;
		if (!r || !this.bench) return;
		this.offset = Math.max(0, Math.min(offset, Math.max(0, r.total - 1)));
		if (r.kind === 'kept') this.rows = await this.bench.page(r.columns, this.request());
	}

	/** Sorts by a column: ascending, then descending, then back to the result's own order. */
	async sortBy(column: string): Promise<void> {
		const s = this.sort;
		this.sort =
			s?.column !== column ? { column, desc: false } : !s.desc ? { column, desc: true } : undefined;
		const r = this.result;
		if (r?.kind === 'rows') {
			const dir = this.sort?.desc ? -1 : 1;
			const key = this.sort?.column;
			this.rows = key ? [...r.rows].sort((a, b) => nullsLast(a[key], b[key], dir)) : r.rows;
			this.offset = 0;
		} else await this.goto(0);
	}

	/** The rows on screen for a kept result's page, or a script result's slice. */
	get pageRows(): Row[] {
		return this.result?.kind === 'rows'
			? this.rows.slice(this.offset, this.offset + PAGE_SIZE)
			: this.rows;
	}

	/** Every row of the result in the order on screen, a chunk at a time, for an export. */
	async *exportRows(): AsyncGenerator<Row[]> {
		const r = this.result;
		if (!r || !this.bench) return;
		if (r.kind === 'rows') yield* inChunks(this.rows);
		else yield* this.bench.pages(r.columns, this.sort);
	}

	/** Whether a user table has every column of `figures.csv`, so the explorer can show it. */
	canShow(table: string): boolean {
		const t = this.tables.find((x) => x.name === table && !x.curated);
		return !!t && missingFigureColumns(t.columns.map((c) => c.name)).length === 0;
	}

	/** Notes whether the reader's SQL changed the curated tables (see `curatedChanged`). */
	private async checkCurated(): Promise<void> {
		if (!this.db || this.curatedChanged) return;
		const now = await this.db.readCuratedPrint().catch(() => '');
		this.curatedChanged = now !== this.db.curatedPrint;
	}

	/**
	 * Hands a copy of a reader's table to the explorer (for this tab only): its figure columns
	 * as text, which the explorer loads into its own database.
	 */
	async showInExplorer(table: string): Promise<void> {
		const info = this.tables.find((t) => t.name === table && !t.curated);
		if (!this.bench || !info) return;
		const { tableToIPC } = await import('apache-arrow');
		const rows = await this.bench.conn.runOne(
			figureColumnsSql(
				table,
				info.columns.map((c) => c.name)
			)
		);
		showUserTable({ name: table, ipc: tableToIPC(rows, 'stream'), rows: rows.numRows });
	}

	/** Loads a user's file as a new table; problems stay with the file, earlier tables stay. */
	async load(file: File): Promise<void> {
		if (!this.open) return;
		const taken = [...this.tables.map((t) => t.name), ...this.loads.map((l) => l.table)];
		const table = tableNameFor(file.name, taken, RESERVED_NAMES);
		const controller = new AbortController();
		const conn = await this.open();
		const entry: FileLoad = {
			id: ++this.nextLoad,
			name: file.name,
			table,
			state: 'loading',
			fraction: 0,
			rows: 0,
			message: '',
			cancel: () => {
				controller.abort();
				void conn.cancel();
			}
		};
		this.loads = [entry, ...this.loads];
		const live = () => this.loads.find((l) => l.id === entry.id)!;
		try {
			const done = await loadUserFile(conn, file, entry.table, {
				signal: controller.signal,
				onProgress: (p) => Object.assign(live(), { fraction: p.fraction, rows: p.rows })
			});
			Object.assign(live(), {
				state: 'done',
				fraction: 1,
				rows: done.rows,
				message: `${m.sql_load_done({
					count: done.rows,
					shown: formatCount(done.rows),
					kind: done.kind.toUpperCase(),
					time: seconds(done.ms),
					table: done.table
				})}${renamed(file.name)}${done.notes.map((n) => ` ${n}`).join('')}`
			});
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			if (controller.signal.aborted)
				Object.assign(live(), {
					state: 'cancelled',
					message: m.sql_load_cancelled()
				});
			else
				Object.assign(live(), {
					state: 'failed',
					line: e instanceof LoadProblem ? e.line : undefined,
					message:
						e instanceof LoadProblem
							? message
							: isMemoryError(message)
								? m.sql_load_memory({ name: file.name, message })
								: m.sql_load_failed({ name: file.name, message })
				});
		}
		await conn.close().catch(() => undefined);
		await this.refreshTables().catch(() => undefined);
	}
}
