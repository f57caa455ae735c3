/**
 * Which engine answers the explorer right now: the instant engine at once, then DuckDB-wasm once it has
 * loaded in the background. A failed load keeps the instant engine answering and says why, with a
 * retry when one can help.
 */
import type { SiteFigure } from '../data/site-table';
import { InstantEngine } from '../db/instant';
import type { Engine } from '../db/engine';
import type { ShownTable } from './user-figures.svelte';
import { reason, unsupported } from '../db/unavailable';

export type DuckStatus =
	| { state: 'idle' }
	| { state: 'loading' }
	| { state: 'ready'; version: string; rows: number; ms: number }
	/** `message` ends without a full stop; `retry` says whether trying again can help. */
	| { state: 'failed'; message: string; retry: boolean };

export interface EngineUrls {
	figures: string;
	documents: string;
	/** SQL run after loading, e.g. to swap in a synthetic table of the same schema. */
	afterLoad?: string[];
	/** The reader's tables to show beside the curated figures (copied from the workbench). */
	userTables?: ShownTable[];
}

export class EngineState {
	engine: Engine = $state.raw(null as unknown as Engine);
	duck: DuckStatus = $state({ state: 'idle' });

	constructor(
		figures: SiteFigure[],
		private readonly urls: EngineUrls
	) {
		this.engine = new InstantEngine(figures);
	}

	/** Starts DuckDB-wasm in a worker; safe to call again after a failure (retry). */
	async startDuckDb(): Promise<void> {
		if (this.duck.state === 'loading' || this.duck.state === 'ready') return;
		const missing = unsupported();
		if (missing) {
			this.duck = { state: 'failed', message: missing, retry: false };
			return;
		}
		this.duck = { state: 'loading' };
		const t0 = performance.now();
		try {
			const { explorerDb, insertArrowTable, DuckDbEngine } = await import('../db/duckdb');
			const handle = await explorerDb({
				tables: { figures: this.urls.figures, documents: this.urls.documents },
				afterLoad: this.urls.afterLoad
			});
			let table = 'figures';
			const shown = this.urls.userTables ?? [];
			if (shown.length) {
				const { EXPLORER_TABLE, explorerTableSql } = await import('../queries/user-figures');
				const parts = [];
				for (const [i, t] of shown.entries()) {
					const name = `user_rows_${i + 1}`;
					await insertArrowTable(handle, name, t.ipc);
					parts.push({ table: name, label: t.name });
				}
				await handle.query(explorerTableSql(parts));
				table = EXPLORER_TABLE;
			}
			const counted = await handle.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM ${table}`
			);
			this.engine = await DuckDbEngine.create(handle, table);
			// For analysts in the browser console: `await cifras.query('SELECT …')`.
			(globalThis as { cifras?: unknown }).cifras = {
				query: handle.query,
				version: handle.version
			};
			this.duck = {
				state: 'ready',
				version: handle.version,
				rows: counted[0]?.n ?? 0,
				ms: Math.round(performance.now() - t0)
			};
		} catch (e) {
			this.duck = { state: 'failed', message: reason(e), retry: true };
		}
	}
}
