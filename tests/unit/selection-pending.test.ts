import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
	markSelectionPending,
	SELECTION_PENDING_SCRIPT
} from '../../src/lib/server/selection-pending';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';
import { parseSelection, SELECTION_PARAMS, type KnownValues } from '../../src/lib/state/url';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-boot='; style-src 'self' 'unsafe-inline'">`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8" />${POLICY}<title>x</title></head><body></body></html>`;

/** Runs the script as a page at `search` would, with its clock and events under the test's control. */
function run(search: string) {
	const attributes = new Set<string>();
	const timers: (() => void)[] = [];
	const listeners: Record<string, () => void> = {};
	runInNewContext(SELECTION_PENDING_SCRIPT, {
		location: { search },
		document: {
			documentElement: {
				setAttribute: (name: string) => attributes.add(name),
				removeAttribute: (name: string) => attributes.delete(name),
				hasAttribute: (name: string) => attributes.has(name)
			}
		},
		setTimeout: (f: () => void, ms: number) => {
			expect(ms).toBe(15_000);
			timers.push(f);
		},
		addEventListener: (type: string, f: () => void) => (listeners[type] = f)
	});
	return {
		marks: () => [...attributes],
		clear: () => attributes.delete('data-selection-pending'),
		timeUp: () => timers.forEach((f) => f()),
		rejected: () => listeners.unhandledrejection?.()
	};
}

// A value each selection parameter accepts, as the explorer reads it.
const KNOWN: KnownValues = {
	topics: new Set(['remittances']),
	docs: new Set(['iom-oas-2006']),
	geos: new Set(['MEX']),
	indicators: new Set(['Remittances received']),
	years: [1850, 2013]
};

describe('a shared link’s selection, before the page runs', () => {
	it('marks a page whose address chooses figures or their order', () => {
		for (const search of [
			'?topic=remittances',
			'?q=trata',
			'?engine=duckdb&geo=MEX',
			'?years=2005',
			'?sort=value'
		])
			expect(run(search).marks(), search).toEqual(['data-selection-pending']);
	});

	it('leaves alone an address that chooses nothing', () => {
		for (const search of [
			'',
			'?',
			'?engine=duckdb',
			'?synthetic=1000',
			'?utm_source=x&fbclid=y',
			'?topics=x'
		])
			expect(run(search).marks(), search).toEqual([]);
	});

	it('knows every parameter the explorer reads as a choice, and only those', () => {
		expect(SELECTION_PARAMS.length).toBeGreaterThanOrEqual(8);
		for (const param of SELECTION_PARAMS) {
			expect(param).toMatch(/^[a-z_]+$/);
			expect(run(`?${param}=x`).marks(), param).toEqual(['data-selection-pending']);
		}
		// Each one, read by the explorer, changes the view from the page's own.
		const values: Record<string, string> = {
			years: '2005',
			sort: 'value',
			desc: '1',
			q: 'x',
			topic: 'remittances',
			doc: 'iom-oas-2006',
			geo: 'MEX',
			indicator: 'Remittances received'
		};
		for (const param of SELECTION_PARAMS) {
			const parsed = parseSelection(new URLSearchParams({ [param]: values[param] ?? '' }), KNOWN);
			expect(parsed.selection, param).not.toEqual(EMPTY_SELECTION);
		}
	});

	it('when the scripts fail or are 15 s late, says the link was not applied; once they ran, stays quiet', () => {
		const late = run('?topic=remittances');
		late.timeUp();
		expect(late.marks()).toEqual(['data-selection-failed']);
		const broken = run('?topic=remittances');
		broken.rejected();
		expect(broken.marks()).toEqual(['data-selection-failed']);
		const fine = run('?topic=remittances');
		fine.clear(); // the explorer showed the link's view
		fine.timeUp();
		fine.rejected();
		expect(fine.marks()).toEqual([]);
	});

	it('goes just after the page’s policy, whose script-src lists its hash', () => {
		const out = markSelectionPending(PAGE);
		const start = out.indexOf('<meta http-equiv');
		const policy = out.slice(start, out.indexOf('>', start) + 1);
		expect(policy).toContain(`'sha256-boot=' ${hash(SELECTION_PENDING_SCRIPT)};`);
		expect(out).toContain(`${policy}<script>${SELECTION_PENDING_SCRIPT}</script><title>`);
	});

	it('fails the build on a page without a policy to list it in', () => {
		expect(() => markSelectionPending('<html><head></head></html>')).toThrow(/no script-src/);
	});
});
