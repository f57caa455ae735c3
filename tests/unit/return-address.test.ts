import { describe, expect, it } from 'vitest';
import { explorerSearch, returnSearch } from '../../src/lib/explorer/return-address';

const here = new URL('https://cifras.example/base/figure/a-returns');
const at = (path: string) => new URL(path, here);
const arrive = (
	over: Partial<{ from: URL | null; referrer: string; revisited: boolean }>,
	remembered = '?topic=remittances'
) =>
	returnSearch({ from: null, referrer: '', revisited: false, ...over }, here, '/base', remembered);

describe('the explorer address a figure page returns to', () => {
	it('is the explorer just left, query string and all', () => {
		expect(arrive({ from: at('/base/?q=deported&topic=deportation_return') })).toBe(
			'?q=deported&topic=deportation_return'
		);
		expect(arrive({ from: at('/base/') })).toBe('');
		// Loaded by the browser from the explorer (no JavaScript there yet).
		expect(arrive({ referrer: 'https://cifras.example/base/?geo=MEX' })).toBe('?geo=MEX');
	});

	it('is the one remembered when coming from elsewhere in the site, or back to this page', () => {
		expect(arrive({ from: at('/base/figure/a-share') })).toBe('?topic=remittances');
		expect(arrive({ referrer: 'https://cifras.example/base/documents/doc-a' })).toBe(
			'?topic=remittances'
		);
		expect(arrive({ revisited: true })).toBe('?topic=remittances');
	});

	it('is the whole explorer for a page opened afresh', () => {
		expect(arrive({})).toBe('');
		expect(arrive({ referrer: 'https://elsewhere.example/?q=x' })).toBe('');
		expect(arrive({ referrer: 'not a url' })).toBe('');
	});

	it('reads only the explorer’s own address', () => {
		expect(explorerSearch(at('/base/?q=x'), here, '/base')).toBe('?q=x');
		expect(explorerSearch(at('/base/sql?q=x'), here, '/base')).toBeNull();
		expect(explorerSearch(new URL('https://other.example/base/?q=x'), here, '/base')).toBeNull();
		expect(explorerSearch(at(`/base/?q=${'x'.repeat(9000)}`), here, '/base')).toBeNull();
	});
});
