/**
 * The SQL workbench's state: DuckDB-wasm loading, the query running (with its elapsed time and
 * a cancel), its result page and sort, the error and where it points, the history, and the
 * user's files loading into tables. The page only shows it.
 */
import { errorPosition, isCancelled, isMemoryError, type ErrorPosition } from '../sql/errors';
import { addToHistory, readHistory, type HistoryEntry } from '../sql/history';
import { LoadProblem, tableNameFor } from '../sql/file-kind';
import type { SqlConnection } from './duckdb';
import { loadUserFile } from './user-tables';
import { reason, unsupported } from './unavailable';
import { setExplorerTables, userFigures } from './user-figures.svelte';
import { missingFigureColumns } from '../queries/user-figures';
import { Workbench, type Row, type RunResult, type TableInfo } from './workbench';

export const PAGE_SIZE = 100;

export type Sort = { column: string; desc: boolean } | undefined;

export interface QueryError {
	message: string;
	position: ErrorPosition | null;
	memory: boolean;
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
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export class WorkbenchState {
	/** DuckDB-wasm's state; when it failed, the message and whether a retry can help. */
	engine: {
		state: 'idle' | 'loading' | 'ready' | 'failed';
		message?: string;
		retry?: boolean;
		version?: string;
	} = $state({ state: 'idle' });
	tables: TableInfo[] = $state.raw([]);
	running = $state(false);
	elapsed = $state(0);
	result: RunResult | null = $state.raw(null);
	rows: Row[] = $state.raw([]);
	offset = $state(0);
	sort: Sort = $state.raw(undefined);
	error: QueryError | null = $state.raw(null);
	notice = $state('');
	history: HistoryEntry[] = $state.raw([]);
	loads: FileLoad[] = $state([]);
	private bench: Workbench | null = null;
	private open: (() => Promise<SqlConnection>) | null = null;
	private cancelled = false;
	private nextLoad = 0;

	constructor(private readonly urls: { figures: string; documents: string }) {
		this.history = readHistory(store());
	}

	async start(): Promise<void> {
		if (this.engine.state === 'loading' || this.engine.state === 'ready') return;
		if (unsupported()) {
			this.engine = {
				state: 'failed',
				message:
					'This browser has no WebAssembly or Web Workers, which DuckDB-wasm needs: SQL cannot run here. The schema and the example queries below still read as usual.',
				retry: false
			};
			return;
		}
		this.engine = { state: 'loading' };
		try {
			const { loadDuckDb, openSqlConnection } = await import('./duckdb');
			const handle = await loadDuckDb({ tables: this.urls });
			this.open = () => openSqlConnection(handle);
			this.bench = new Workbench(await this.open());
			await this.refreshTables();
			this.engine = { state: 'ready', version: handle.version };
		} catch (e) {
			this.engine = {
				state: 'failed',
				message: `DuckDB-wasm could not start (${reason(e)}).`,
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
		this.cancelled = false;
		this.error = null;
		this.notice = '';
		const t0 = performance.now();
		const timer = setInterval(() => (this.elapsed = performance.now() - t0), 100);
		try {
			const result = await bench.run(sql);
			this.offset = 0;
			this.sort = undefined;
			this.rows =
				result.kind === 'kept' ? await bench.page(result.columns, this.request()) : result.rows;
			this.result = result;
			const n = `${result.kind === 'rows' && result.more ? 'more than ' : ''}${result.total.toLocaleString('en-US')}`;
			this.notice = `${n} row${result.total === 1 ? '' : 's'} in ${seconds(result.ms)}`;
			await this.refreshTables();
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			if (this.cancelled || isCancelled(message))
				this.notice = `Query cancelled after ${seconds(performance.now() - t0)}.`;
			else
				this.error = {
					message,
					position: errorPosition(message, sql),
					memory: isMemoryError(message)
				};
		} finally {
			clearInterval(timer);
			this.elapsed = performance.now() - t0;
			this.running = false;
		}
	}

	async cancel(): Promise<void> {
		if (!this.running || !this.bench) return;
		this.cancelled = true;
		await this.bench.cancel();
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
			this.rows = key ? [...r.rows].sort((a, b) => dir * compare(a[key], b[key])) : r.rows;
			this.offset = 0;
		} else await this.goto(0);
	}

	/** The rows on screen for a kept result's page, or a script result's slice. */
	get pageRows(): Row[] {
		return this.result?.kind === 'rows'
			? this.rows.slice(this.offset, this.offset + PAGE_SIZE)
			: this.rows;
	}

	/** Every row of the result in the order on screen. */
	async allRows(): Promise<Row[]> {
		const r = this.result;
		if (!r || !this.bench) return [];
		return r.kind === 'kept' ? this.bench.all(r.columns, this.sort) : this.rows;
	}

	/** Whether a user table has every column of `figures.csv`, so the explorer can show it. */
	canShow(table: string): boolean {
		const t = this.tables.find((x) => x.name === table);
		return !!t && missingFigureColumns(t.columns.map((c) => c.name)).length === 0;
	}

	/** Adds a user table to the explorer's figures (for this tab only). */
	async showInExplorer(table: string): Promise<void> {
		if (!this.bench) return;
		const tables = [...userFigures.tables.filter((t) => t !== table), table];
		await setExplorerTables(this.bench.conn, tables);
	}

	/** Loads a user's file as a new table; problems stay with the file, earlier tables stay. */
	async load(file: File): Promise<void> {
		if (!this.open) return;
		const taken = [...this.tables.map((t) => t.name), ...this.loads.map((l) => l.table)];
		const controller = new AbortController();
		const conn = await this.open();
		const entry: FileLoad = {
			id: ++this.nextLoad,
			name: file.name,
			table: tableNameFor(file.name, taken),
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
				message: `${done.rows.toLocaleString('en-US')} rows loaded from ${done.kind.toUpperCase()} in ${seconds(done.ms)} as table ${done.table}.`
			});
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			if (controller.signal.aborted)
				Object.assign(live(), {
					state: 'cancelled',
					message: 'Loading cancelled; nothing was kept.'
				});
			else
				Object.assign(live(), {
					state: 'failed',
					line: e instanceof LoadProblem ? e.line : undefined,
					message:
						e instanceof LoadProblem
							? message
							: isMemoryError(message)
								? `“${file.name}” did not fit in DuckDB-wasm's memory (${message}). Earlier tables are still there.`
								: `“${file.name}” could not be loaded: ${message}`
				});
		}
		await conn.close().catch(() => undefined);
		await this.refreshTables().catch(() => undefined);
	}
}

function compare(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	return (a as number | string) < (b as number | string) ? -1 : 1;
}
