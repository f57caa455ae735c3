import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';
import { parseSelection, selectionToSearch } from '../../src/lib/state/url';
import { known } from './known-fixture';

const parse = (qs: string) => parseSelection(new URLSearchParams(qs), known);

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
		expect(back).toEqual({ selection: sel, ignored: [] });
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
			'sort "random" is not one of doc_line, value, period, indicator, geography',
			'desc "yes" is not 0 or 1'
		]);
	});

	it('accepts a single year and cuts an overlong search', () => {
		expect(parse('years=2001').selection.years).toEqual([2001, 2001]);
		const r = parse(`q=${'x'.repeat(500)}`);
		expect(r.selection.q).toHaveLength(200);
		expect(r.ignored).toEqual(['the search was cut to 200 characters']);
	});

	it('never throws and always returns a valid selection, for 2,000 random query strings', () => {
		const junk = fc.oneof(
			fc.string({ maxLength: 300 }),
			fc
				.array(
					fc.tuple(
						fc.constantFrom(
							'topic',
							'doc',
							'geo',
							'indicator',
							'years',
							'q',
							'sort',
							'desc',
							'',
							'%',
							'x'
						),
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
				expect(parse(selectionToSearch(r.selection).slice(1)).selection).toEqual(r.selection);
			}),
			{ numRuns: 2000 }
		);
	});
});
