/**
 * Answers asked for before the page needs them: a press on a bar starts its query at once, so
 * DuckDB-wasm works while the click completes and SvelteKit navigates (the idea of Mosaic's
 * activation, and of SvelteKit's own preloading on hover). An answer is handed out once, to the
 * update that asked for the same view; it is not a cache, so every new view is asked again.
 */
import type { Engine } from '../db/engine';
import type { Selection } from '../state/selection';
import { selectionToSearch } from '../state/url';
import { runExplorer, type ExplorerResult } from './explorer';

/** Prefetched answers kept at most: a pointer sweeping over bars starts a few. */
const KEEP = 4;

export class ExplorerAnswers {
	private readonly pending = new Map<string, Promise<ExplorerResult>>();
	private engine: Engine | null = null;

	private key(sel: Selection, tableLimit: number): string {
		return `${selectionToSearch(sel)}#${tableLimit}`;
	}

	/** Starts answering a view the reader is about to choose. */
	prefetch(engine: Engine, sel: Selection, tableLimit: number): void {
		if (engine !== this.engine) {
			this.pending.clear();
			this.engine = engine;
		}
		const key = this.key(sel, tableLimit);
		if (this.pending.has(key)) return;
		const answer = runExplorer(engine, sel, tableLimit);
		// A failed prefetch is asked again by the update, which reports the error.
		answer.catch(() => this.pending.delete(key));
		this.pending.set(key, answer);
		while (this.pending.size > KEEP) this.pending.delete(this.pending.keys().next().value!);
	}

	/** The view's answer: the prefetched one if there is one (handed out once), else a new query. */
	take(engine: Engine, sel: Selection, tableLimit: number): Promise<ExplorerResult> {
		const key = this.key(sel, tableLimit);
		const ready = engine === this.engine ? this.pending.get(key) : undefined;
		this.pending.delete(key);
		return ready ?? runExplorer(engine, sel, tableLimit);
	}
}
