/** The explorer's address rules, without a browser: search entries, clicked links, Escape. */
import { describe, expect, it } from 'vitest';
import {
	escapeAction,
	keyedYearsStep,
	linkTarget,
	requestedSelection,
	sameViewLink,
	searchStep,
	yearRange
} from '../../src/lib/explorer/navigation';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';
import { NO_BENCH, type BenchSwitch } from '../../src/lib/state/url';
import { known } from './known-fixture';

const bench: BenchSwitch = { engine: 'duckdb', synthetic: 500 };
const remittances = { ...EMPTY_SELECTION, topics: ['remittances'] };
const url = (s: string) => new URL(s, 'http://site.test/');

describe('a search', () => {
	it('adds one history entry with its first keystroke and replaces it with the next', () => {
		const first = searchStep('', remittances, NO_BENCH, 'm', '');
		expect(first).toEqual({ url: '/?topic=remittances&q=m', replace: false });
		// The address is now the search's own entry: the next keystroke replaces it.
		const from = { ...remittances, q: 'm' };
		expect(searchStep('', from, NO_BENCH, 'me', first!.url)).toEqual({
			url: '/?topic=remittances&q=me',
			replace: true
		});
		// Erasing the search is part of it too.
		const erased = searchStep(
			'',
			{ ...remittances, q: 'me' },
			NO_BENCH,
			'',
			'/?topic=remittances&q=me'
		);
		expect(erased).toEqual({ url: '/?topic=remittances', replace: true });
		// A search started from another address is a new entry.
		expect(searchStep('', remittances, NO_BENCH, 'x', '/?q=old')!.replace).toBe(false);
	});

	it('changes nothing when only blank space was typed, and keeps the bench’s switches', () => {
		expect(searchStep('', remittances, NO_BENCH, '   ', '')).toBeNull();
		expect(searchStep('/base', EMPTY_SELECTION, bench, 'x', '')!.url).toBe(
			'/base/?q=x&engine=duckdb&synthetic=500'
		);
	});
});

describe('a clicked link', () => {
	it('leads where it says when the screen shows the address', () => {
		const link = url('/?topic=labour');
		expect(linkTarget(link, EMPTY_SELECTION, EMPTY_SELECTION, known, NO_BENCH, '', false)).toBe(
			'/?topic=labour'
		);
	});

	it('carries its change over to an address that moved on since the screen was drawn', () => {
		// Drawn with nothing chosen; meanwhile a search was applied; the link adds a topic.
		const link = url('/?topic=remittances');
		const now = { ...EMPTY_SELECTION, q: 'mexico' };
		expect(linkTarget(link, EMPTY_SELECTION, now, known, NO_BENCH, '', false)).toBe(
			'/?topic=remittances&q=mexico'
		);
		// Two quick clicks on two bars choose both.
		const second = url('/?topic=migrant_stock');
		expect(linkTarget(second, EMPTY_SELECTION, remittances, known, bench, '', false)).toBe(
			'/?topic=migrant_stock%2Cremittances&engine=duckdb&synthetic=500'
		);
	});

	it('"Clear all" clears the address as it is, keeping the sort', () => {
		const now = { ...remittances, geos: ['MEX'], sort: 'value' as const };
		expect(linkTarget(url('/'), remittances, now, known, NO_BENCH, '', true)).toBe('/?sort=value');
	});

	it('is another view of this page only when it has the same origin and path', () => {
		const here = url('/?topic=remittances');
		expect(sameViewLink('?topic=labour', here)?.search).toBe('?topic=labour');
		expect(sameViewLink('#table-title', here)).toBeNull();
		expect(sameViewLink('/figure/x', here)).toBeNull();
		expect(sameViewLink('https://elsewhere.test/?topic=labour', here)).toBeNull();
	});

	it('reads the selection of an address asked for but not reached yet', () => {
		expect(requestedSelection('/?geo=MEX&q=a', url('/'), known)).toEqual({
			...EMPTY_SELECTION,
			geos: ['MEX'],
			q: 'a'
		});
	});
});

describe('Escape', () => {
	it('does nothing when nothing is chosen or typed', () => {
		expect(escapeAction('', EMPTY_SELECTION, NO_BENCH, null)).toEqual({ kind: 'none' });
	});

	it('drops a search typed but not applied, and clears the address’s filters', () => {
		expect(escapeAction('', EMPTY_SELECTION, NO_BENCH, 'flows')).toEqual({
			kind: 'clear',
			url: null
		});
		expect(escapeAction('', { ...remittances, desc: true }, bench, null)).toEqual({
			kind: 'clear',
			url: '/?desc=1&engine=duckdb&synthetic=500'
		});
	});
});

describe('a year range', () => {
	it('is put in order and kept within the data’s years', () => {
		expect(yearRange(2001, 1990, known)).toEqual([1990, 2001]);
		expect(yearRange(1200, 3000, known)).toEqual([1850, 2013]);
	});
});

describe('years chosen with keys', () => {
	const y = (from: number, to: number) => ({
		...remittances,
		years: [from, to] as [number, number]
	});

	it('add one history entry with the first key and replace it with the next', () => {
		const here = '/?topic=remittances&years=1990-2000';
		const first = keyedYearsStep('', y(1990, 2000), NO_BENCH, [1991, 2000], here, []);
		expect(first).toEqual({
			url: '/?topic=remittances&years=1991-2000',
			replace: false,
			runEntries: ['/?topic=remittances&years=1991-2000']
		});
		// The first key's entry is now the address: the next replaces it.
		const second = keyedYearsStep(
			'',
			y(1991, 2000),
			NO_BENCH,
			[1992, 2000],
			first!.url,
			first!.runEntries
		);
		expect(second!.replace).toBe(true);
		expect(second!.runEntries).toEqual([first!.url, second!.url]);
		// A third key while the second's navigation is on its way still replaces.
		expect(
			keyedYearsStep('', y(1992, 2000), NO_BENCH, [1993, 2000], first!.url, second!.runEntries)!
				.replace
		).toBe(true);
	});

	it('add an entry when the address is not the run’s own yet, or moved on since', () => {
		// The first key's navigation is still on its way: the address is the one before the keys.
		const here = '/?topic=remittances&years=1990-2000';
		const run = ['/?topic=remittances&years=1991-2000'];
		const next = keyedYearsStep('', y(1991, 2000), NO_BENCH, [1992, 2000], here, run)!;
		expect(next.replace).toBe(false);
		expect(next.runEntries).toEqual(['/?topic=remittances&years=1992-2000']);
		// A click elsewhere since: a new run.
		expect(
			keyedYearsStep('', y(1991, 2000), NO_BENCH, [1992, 2000], '/?topic=labour', run)!.replace
		).toBe(false);
	});

	it('go nowhere when the years are the address’s already, and keep the bench’s switches', () => {
		expect(keyedYearsStep('', y(1990, 2000), NO_BENCH, [1990, 2000], '/', [])).toBeNull();
		expect(keyedYearsStep('/base', EMPTY_SELECTION, bench, [2000, 2000], '/', [])!.url).toBe(
			'/base/?years=2000&engine=duckdb&synthetic=500'
		);
	});
});
