import { describe, expect, it } from 'vitest';
import { plural, pluralNoun } from '../../src/lib/data/plural';

describe('plural', () => {
	it('says one thing in the singular and every other count in the plural', () => {
		expect(plural(1, 'figure')).toBe('1 figure');
		expect(plural(0, 'figure')).toBe('0 figures');
		expect(plural(2, 'slide')).toBe('2 slides');
		expect(plural(1.5, 'row')).toBe('1.5 rows');
	});

	it('groups thousands and takes an irregular plural', () => {
		expect(plural(1_000_000, 'row')).toBe('1,000,000 rows');
		expect(plural(1, 'match', 'matches')).toBe('1 match');
		expect(plural(3, 'match', 'matches')).toBe('3 matches');
	});

	it('gives the noun alone, for a count written elsewhere in the sentence', () => {
		expect(pluralNoun(1, 'figure')).toBe('figure');
		expect(pluralNoun(102, 'figure')).toBe('figures');
	});
});
