import { describe, expect, it } from 'vitest';
import {
	clearAll,
	clearView,
	EMPTY_SELECTION,
	filtersFor,
	isEmpty,
	toggle
} from '../../src/lib/state/selection';

const sel = {
	...EMPTY_SELECTION,
	topics: ['remittances'],
	geos: ['MEX'],
	years: [1990, 2000] as [number, number],
	q: 'border',
	sort: 'value' as const
};

describe('selection', () => {
	it('gives each view every clause but its own', () => {
		expect(filtersFor(sel, 'topic')).toEqual([
			{ kind: 'in', field: 'geo_code', values: ['MEX'] },
			{ kind: 'years', from: 1990, to: 2000 },
			{ kind: 'search', text: 'border' }
		]);
		expect(filtersFor(sel, 'year')).toContainEqual({
			kind: 'in',
			field: 'topic',
			values: ['remittances']
		});
		expect(filtersFor(sel, 'year').some((f) => f.kind === 'years')).toBe(false);
		expect(filtersFor(sel)).toHaveLength(4);
	});

	it('toggles values in and out, sorted', () => {
		expect(toggle(['b'], 'a')).toEqual(['a', 'b']);
		expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
	});

	it('clears one view, or all filters while keeping the sort', () => {
		expect(clearView(sel, 'geo').geos).toEqual([]);
		expect(clearView(sel, 'geo').topics).toEqual(['remittances']);
		const cleared = clearAll(sel);
		expect(isEmpty(cleared)).toBe(true);
		expect(cleared.sort).toBe('value');
	});
});
