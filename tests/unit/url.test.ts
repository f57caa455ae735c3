import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';
import { NO_BENCH, parseSelection, selectionToSearch } from '../../src/lib/state/url';
import { known } from './known-fixture';

const parse = (qs: string) => parseSelection(new URLSearchParams(qs), known);
/** The parameter names a link may hold, as the URL format defines them. */
const PARAMS = ['topic', 'doc', 'geo', 'indicator', 'years', 'q', 'sort', 'desc'];

describe('url state', () => {
	it('round-trips a selection', () => {
		const sel: Selection = {
			...EMPTY_SELECTION,
			topics: ['migrant_stock', 'remittances'],
			docs: ['iom-oas-2006'],
			geos: ['LAC', 'MEX'],
			indicators: ['Persons deported', 'Remittances, received'],
			years: [1990, 2001],
			q: 'año “brain” & <b>',
			sort: 'value',
			desc: true
		};
		const back = parse(selectionToSearch(sel).slice(1));
		expect(back).toEqual({ selection: sel, bench: NO_BENCH, ignored: [] });
	});

	it('gives the default view an empty query string', () => {
		expect(selectionToSearch(EMPTY_SELECTION)).toBe('');
	});

	it('ignores what it cannot use and says what', () => {
		const r = parse(
			'topic=remittances,weather&geo=MEX&years=2020-1990&sort=random&utm_source=x&desc=yes'
		);
		expect(r.selection).toEqual({ ...EMPTY_SELECTION, topics: ['remittances'], geos: ['MEX'] });
		expect(r.ignored).toEqual([
			'unknown parameter "utm_source"',
			'topic "weather" is not in the data',
			'years "2020-1990" is not a range like 1990-2000 within 1850–2013',
			'sort "random" is not one of doc_line, headline, value, period, indicator, geography',
			'desc "yes" is not 0 or 1'
		]);
	});

	it('accepts a single year and cuts an overlong search', () => {
		expect(parse('years=2001').selection.years).toEqual([2001, 2001]);
		const r = parse(`q=${'x'.repeat(500)}`);
		expect(r.selection.q).toHaveLength(200);
		expect(r.ignored).toEqual(['the search was cut to 200 characters']);
	});

	it('says when a one-value parameter is repeated, and uses the first', () => {
		const r = parse('years=1990-2000&years=1850&sort=value&sort=period&q=a&q=b');
		expect(r.selection.years).toEqual([1990, 2000]);
		expect(r.selection.sort).toBe('value');
		expect(r.selection.q).toBe('a');
		expect(r.ignored).toEqual([
			'"years" was given 2 times: only the first is used',
			'"sort" was given 2 times: only the first is used',
			'"q" was given 2 times: only the first is used'
		]);
	});

	it('keeps a year range within the data and says when a list is cut', () => {
		expect(parse('years=1000-9999').selection.years).toEqual([1850, 2013]);
		expect(parse('years=1700-1900').selection.years).toEqual([1850, 1900]);
		const many = Array.from({ length: 60 }, () => 'MEX').join(',');
		// Repeats of one value are one value, not a cut list.
		expect(parse(`geo=${many}`).ignored).toEqual([]);
		const big = { ...known, geos: new Set(Array.from({ length: 60 }, (_, i) => `G${i}`)) };
		const r = parseSelection(new URLSearchParams(`geo=${[...big.geos].join(',')}`), big);
		expect(r.selection.geos).toHaveLength(50);
		expect(r.ignored).toEqual(['10 more geo values beyond the first 50']);
	});

	it('keeps the bench’s switches apart from the selection, and in the links it makes', () => {
		expect(parse('synthetic=1000000').bench).toEqual({ engine: 'default', synthetic: 1_000_000 });
		expect(parse('synthetic=2000000').ignored).toEqual([
			'synthetic "2000000" is not a row count from 1 to 1000000'
		]);
		const r = parse('topic=remittances&engine=duckdb&synthetic=500');
		expect(r.selection).toEqual({ ...EMPTY_SELECTION, topics: ['remittances'] });
		expect(selectionToSearch(r.selection, r.bench)).toBe(
			'?topic=remittances&engine=duckdb&synthetic=500'
		);
		// Links made when the instant engine was a reader's choice open the default view.
		for (const old of ['instant', 'auto', 'arquero'])
			expect(parse(`engine=${old}`)).toEqual({
				selection: EMPTY_SELECTION,
				bench: NO_BENCH,
				ignored: []
			});
		expect(parse('engine=fast').ignored).toEqual(['engine "fast" is not duckdb']);
	});

	it('keeps what it takes within the data, for 2,000 plausible query strings', () => {
		const value = fc.oneof(
			fc.constantFrom(...known.topics, ...known.docs, ...known.geos, ...known.indicators),
			fc
				.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 }))
				.map(([a, b]) => `${a}-${b}`),
			fc.integer({ min: 1000, max: 9999 }).map(String),
			fc.constantFrom('value', 'period', '0', '1', 'instant', 'duckdb', '5000', '3000000')
		);
		const key = fc.constantFrom(...PARAMS, 'engine', 'synthetic');
		const qs = fc
			.array(fc.tuple(key, value), { maxLength: 10 })
			.map((pairs) => new URLSearchParams(pairs).toString());
		fc.assert(
			fc.property(qs, (q) => {
				const params = new URLSearchParams(q);
				const r = parse(q);
				const [lo, hi] = known.years;
				if (r.selection.years) {
					const [a, b] = r.selection.years;
					expect(lo <= a && a <= b && b <= hi).toBe(true);
				}
				expect(r.bench.synthetic).toBeLessThanOrEqual(1_000_000);
				// A one-value parameter given more than once is always reported.
				for (const k of ['years', 'q', 'sort', 'desc', 'engine', 'synthetic'])
					if (params.getAll(k).length > 1)
						expect(r.ignored).toContain(
							`"${k}" was given ${params.getAll(k).length} times: only the first is used`
						);
				const again = parse(selectionToSearch(r.selection, r.bench).slice(1));
				expect([again.selection, again.bench]).toEqual([r.selection, r.bench]);
			}),
			{ numRuns: 2000 }
		);
	});

	it('never throws and always returns a valid selection, for 2,000 random query strings', () => {
		const junk = fc.oneof(
			fc.string({ maxLength: 300 }),
			fc
				.array(
					fc.tuple(
						fc.constantFrom(...PARAMS, '', '%', 'x'),
						fc.oneof(
							fc.string(),
							fc.constantFrom(
								'<script>alert(1)</script>',
								'%E0%A4%A',
								'1990-',
								'-',
								',,,',
								'MEX,,USA'
							)
						)
					),
					{ maxLength: 8 }
				)
				.map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))
		);
		fc.assert(
			fc.property(junk, (qs) => {
				const r = parse(qs);
				for (const t of r.selection.topics) expect(known.topics.has(t)).toBe(true);
				for (const g of r.selection.geos) expect(known.geos.has(g)).toBe(true);
				if (r.selection.years)
					expect(r.selection.years[0]).toBeLessThanOrEqual(r.selection.years[1]);
				expect(r.selection.q.length).toBeLessThanOrEqual(200);
				// What is kept serialises and parses back to itself.
				const again = parse(selectionToSearch(r.selection, r.bench).slice(1));
				expect([again.selection, again.bench]).toEqual([r.selection, r.bench]);
			}),
			{ numRuns: 2000 }
		);
	});
});
