/**
 * The explorer's answers, from an index when one holds them: once a view is on screen and the
 * page is idle, DuckDB-wasm builds the index of each view a click may change next
 * (`view-index.ts`); a click in such a view is then answered from its index in the page. An
 * index depends on the other views' selections only, so it serves every click in its view until
 * one of those changes. DuckDB-wasm answers the explorer only at scale (a reader's own rows, the
 * bench's synthetic rows), where a click's three statements would cost too much without them.
 */
import type { Engine } from '../db/engine';
import type { Selection } from '../state/selection';
import type { ExplorerResult } from '../queries/explorer';
import { runExplorer } from './run';
import {
	answerFromIndex,
	buildIndex,
	indexKey,
	type IndexedView,
	type ViewIndex
} from './view-index';

/** Indexes kept at most (a few views over the last few selections; small on the real data). */
const KEEP_INDEXES = 12;
/** The views a click or a brush chooses in (indicators are chosen by links from other pages). */
const AHEAD: IndexedView[] = ['topic', 'doc', 'geo', 'year'];
/**
 * The year view's index holds a table page and comparison figures for every distinct period,
 * which on a large table is most of its rows: it is built only for tables up to this size.
 */
export const YEAR_INDEX_MAX_ROWS = 10_000;

/**
 * Building starts once no update has come for this long: clicks in quick succession (a reader
 * stepping through bars, whose own view's index stays valid) are answered without the worker's
 * and the page's time going to indexes that the next click makes stale. A reader moving to
 * another view takes longer than this to aim and press.
 */
export const AHEAD_AFTER_MS = 300;

/** How the answers wait before building indexes; tests pass their own, which end on request. */
export interface Waits {
	/** Resolves after `ms` milliseconds. */
	pause(ms: number): Promise<void>;
	/** Resolves when the browser is next idle (or a deadline has passed). */
	idle(): Promise<void>;
}

/** The browser's timers and idle callbacks. */
export const browserWaits: Waits = {
	pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
	idle: () =>
		new Promise<void>((resolve) =>
			typeof requestIdleCallback === 'function'
				? requestIdleCallback(() => resolve(), { timeout: 300 })
				: setTimeout(resolve, 0)
		)
};

export class ExplorerAnswers {
	private readonly indexes = new Map<string, ViewIndex>();
	private engine: Engine | null = null;
	/** Bumped to stop the indexes being built for a view no longer on screen. */
	private round = 0;

	constructor(private readonly waits: Waits = browserWaits) {}

	private use(engine: Engine) {
		if (engine === this.engine) return;
		this.indexes.clear();
		this.round++;
		this.engine = engine;
	}

	/** The view's answer from an index that holds it, or null. */
	private fromIndex(engine: Engine, sel: Selection, tableLimit: number): ExplorerResult | null {
		if (engine !== this.engine) return null;
		for (const view of AHEAD) {
			const key = indexKey(sel, view, tableLimit);
			const index = this.indexes.get(key);
			if (!index) continue;
			// Most recently used last, so the oldest is the one let go.
			this.indexes.delete(key);
			this.indexes.set(key, index);
			const start = performance.now();
			const answer = answerFromIndex(index, sel);
			// A User Timing measure like a query's (`cifras:<engine>:explorer`), for DevTools and the bench.
			performance.measure(`cifras:${engine.name}:index`, { start, end: performance.now() });
			return answer;
		}
		return null;
	}

	/** The view's answer: from an index, or a new query. */
	take(engine: Engine, sel: Selection, tableLimit: number): Promise<ExplorerResult> {
		const indexed = this.fromIndex(engine, sel, tableLimit);
		return indexed ? Promise.resolve(indexed) : runExplorer(engine, sel, tableLimit);
	}

	/**
	 * Builds, one at a time while the page is idle, the indexes of the views a click may change
	 * from the view on screen (`tableRows`: how many figures the engine's table holds). On DuckDB-wasm only: the instant engine answers a click in about a
	 * millisecond on the main thread, where building indexes ahead would only cost time.
	 */
	ahead(engine: Engine, sel: Selection, tableLimit: number, tableRows: number): Promise<void> {
		this.use(engine);
		const round = ++this.round;
		if (engine.name !== 'duckdb') return Promise.resolve();
		const views = AHEAD.filter((v) => v !== 'year' || tableRows <= YEAR_INDEX_MAX_ROWS);
		return (async () => {
			await this.waits.pause(AHEAD_AFTER_MS);
			for (const view of views) {
				const key = indexKey(sel, view, tableLimit);
				const known = this.indexes.get(key);
				if (known) {
					// Most recently used last, so the oldest is the one let go.
					this.indexes.delete(key);
					this.indexes.set(key, known);
					continue;
				}
				await this.waits.idle();
				if (round !== this.round) return;
				let index: ViewIndex;
				try {
					index = await buildIndex(engine, sel, view, tableLimit);
				} catch {
					// Clicks are then answered by queries, which report any error themselves.
					return;
				}
				// The engine may have changed meanwhile (the user's rows hidden, say): its data did too.
				if (engine !== this.engine) return;
				this.indexes.set(key, index);
				while (this.indexes.size > KEEP_INDEXES)
					this.indexes.delete(this.indexes.keys().next().value!);
				if (round !== this.round) return;
			}
		})();
	}
}
