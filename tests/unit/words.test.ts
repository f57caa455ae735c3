import { describe, expect, it } from 'vitest';
import { plural } from '../../src/lib/ui/words';

describe('plural', () => {
	it('says one figure, not one figures', () => {
		expect(plural(1, 'figure')).toBe('1 figure');
		expect(plural(0, 'figure')).toBe('0 figures');
		expect(plural(24, 'figure')).toBe('24 figures');
		expect(plural(1500, 'figure')).toBe('1,500 figures');
		expect(plural(2, 'country', 'countries')).toBe('2 countries');
	});
});
