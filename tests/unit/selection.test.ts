import { describe, expect, it } from 'vitest';
import {
	clearAll,
	clearView,
	EMPTY_SELECTION,
	isEmpty,
	rebase,
	toggle
} from '../../src/lib/state/selection';
import { filtersFor } from '../../src/lib/queries/filters';

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
			field: 'topics',
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

	it('carries a link drawn from an older view over to the address as it is now', () => {
		const drawn = { ...EMPTY_SELECTION, topics: ['remittances'] };
		// The address has a search the screen does not show yet; the link adds a document.
		const now = { ...drawn, q: 'migrants' };
		const link = { ...drawn, docs: ['hemispheric-2002'] };
		expect(rebase(link, drawn, now)).toEqual({ ...now, docs: ['hemispheric-2002'] });
		// A link that clears a view clears it, whatever else changed meanwhile.
		const clearing = { ...drawn, topics: [] };
		expect(rebase(clearing, drawn, { ...now, years: [1990, 2000] })).toEqual({
			...now,
			topics: [],
			years: [1990, 2000]
		});
		// With nothing pending, the link is followed as it is.
		expect(rebase(link, drawn, drawn)).toEqual(link);
	});

	it('carries over what a toggle adds or takes away, so quick clicks in one view add up', () => {
		const none = { ...EMPTY_SELECTION };
		// MEX clicked, then ARG before the answer to MEX was drawn: both links drawn from none.
		const afterMex = rebase({ ...none, geos: ['MEX'] }, none, none);
		expect(rebase({ ...none, geos: ['ARG'] }, none, afterMex).geos).toEqual(['ARG', 'MEX']);
		// From [a, b], a taken away and then b, both from links drawn with [a, b].
		const ab = { ...none, topics: ['a', 'b'] };
		const noA = rebase({ ...none, topics: ['b'] }, ab, ab);
		expect(rebase({ ...none, topics: ['a'] }, ab, noA).topics).toEqual([]);
		// A view's clear takes away only what that view had on screen.
		const pending = { ...ab, geos: ['MEX'] };
		expect(rebase({ ...none }, ab, pending)).toEqual({ ...none, geos: ['MEX'] });
	});
});
