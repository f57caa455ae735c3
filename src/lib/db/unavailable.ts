/**
 * Why DuckDB-wasm is not running, in words that fit inside a sentence: the browser cannot run
 * it at all (nothing to retry), or loading it failed (a retry may help).
 */

/** Why DuckDB-wasm cannot run in this browser at all, or null when it can try. */
export function unsupported(): string | null {
	return typeof WebAssembly !== 'object' || typeof Worker !== 'function'
		? 'this browser has no WebAssembly or Web Workers'
		: null;
}

/** An error's message as a reason inside a sentence: without its own closing full stop. */
export function reason(e: unknown): string {
	return (e instanceof Error ? e.message : String(e)).trim().replace(/\.$/, '');
}
