import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
	markSelectionPending,
	SELECTION_PENDING_SCRIPT
} from '../../src/lib/server/selection-pending';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-boot='; style-src 'self' 'unsafe-inline'">`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8" />${POLICY}<title>x</title></head><body></body></html>`;

/** Runs the script as a page at `search` would, with its clock under the test's control. */
function run(search: string) {
	const attributes = new Set<string>();
	const timers: (() => void)[] = [];
	runInNewContext(SELECTION_PENDING_SCRIPT, {
		location: { search },
		document: {
			documentElement: {
				setAttribute: (name: string) => attributes.add(name),
				removeAttribute: (name: string) => attributes.delete(name)
			}
		},
		setTimeout: (f: () => void, ms: number) => {
			expect(ms).toBe(5000);
			timers.push(f);
		}
	});
	return { marked: () => attributes.has('data-selection-pending'), timers };
}

describe('the shared link’s pending selection', () => {
	it('marks a page whose address selects figures, and unmarks it after five seconds', () => {
		for (const search of [
			'?topic=remittances',
			'?q=trata',
			'?engine=duckdb&geo=MEX',
			'?years=2005'
		]) {
			const page = run(search);
			expect(page.marked(), search).toBe(true);
			page.timers.forEach((f) => f());
			expect(page.marked(), search).toBe(false);
		}
	});

	it('leaves alone an address that selects nothing (the explorer’s own switches)', () => {
		for (const search of [
			'',
			'?',
			'?engine=duckdb',
			'?synthetic=1000',
			'?engine=duckdb&synthetic=5'
		])
			expect(run(search).marked(), search).toBe(false);
	});

	it('goes after the page’s policy, whose script-src lists its hash', () => {
		const out = markSelectionPending(PAGE);
		const policy = out.slice(
			out.indexOf('<meta http-equiv'),
			out.indexOf('>', out.indexOf('<meta http-equiv')) + 1
		);
		expect(policy).toContain(`'sha256-boot=' ${hash(SELECTION_PENDING_SCRIPT)};`);
		expect(out).toContain(`${policy}<script>${SELECTION_PENDING_SCRIPT}</script><title>`);
	});

	it('fails the build on a page without a policy to list it in', () => {
		expect(() => markSelectionPending('<html><head></head></html>')).toThrow(/no script-src/);
	});
});
