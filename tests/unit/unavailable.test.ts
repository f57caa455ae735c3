/**
 * What the explorer and the workbench say when DuckDB-wasm is not running: the reason reads
 * inside their sentence (no ".)."), and a retry is offered only when trying again can help.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import EngineBadge from '../../src/lib/ui/EngineBadge.svelte';
import { EngineState, type DuckStatus } from '../../src/lib/explorer/engine-state.svelte';
import { reason } from '../../src/lib/db/unavailable';

const badge = (status: DuckStatus) =>
	render(EngineBadge, { props: { status, onretry: () => {} } }).body;

describe('DuckDB-wasm not running', () => {
	it('gives a reason without its own full stop', () => {
		expect(reason(new Error('Worker failed to start.'))).toBe('Worker failed to start');
		expect(reason('could not download its WebAssembly (HTTP 404)')).toBe(
			'could not download its WebAssembly (HTTP 404)'
		);
	});

	it('offers no retry where the browser cannot run it (here, Node: no Web Workers)', async () => {
		const engines = new EngineState([], { figures: '/f.arrow', documents: '/d.arrow' });
		await engines.startDuckDb();
		expect(engines.duck).toEqual({
			state: 'failed',
			message: 'this browser has no WebAssembly or Web Workers',
			retry: false
		});
		const html = badge(engines.duck);
		expect(html).toContain('could not start (this browser has no WebAssembly or Web Workers).');
		expect(html).not.toContain('.).');
		expect(html).not.toContain('Retry');
	});

	it('offers a retry after a failed download', () => {
		const html = badge({ state: 'failed', message: reason(new Error('boom.')), retry: true });
		expect(html).toContain('could not start (boom).');
		expect(html).toContain('Retry');
	});
});
