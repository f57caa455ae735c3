import { describe, expect, it } from 'vitest';
import { numbersIn, states } from '../../src/lib/data/numbers';

describe('numbersIn', () => {
	it.each([
		['20 million', [20e6]],
		['US$23 billion', [23e9]],
		['US$ 2.3 billion', [2.3e9]],
		['35.3 million', [35.3e6]],
		['16,937', [16937]],
		['just over 13%', [13]],
		['10 per cent', [10]],
		['two million', [2e6]],
		['Twenty', [20]],
		['seventy-five', [75]],
		['two hundred and fifty thousand', [250000]],
		['slightly over a thousand', [1000]],
		['a dozen', [12]],
		['doubled', [2]],
		['between 700,000 and 2 million', [700000, 2e6]],
		['between seven hundred thousand and two million', [700000, 2e6]],
		['700 thousand to 2 million', [700000, 2e6]],
		['nine to seventeen years', [9, 17]]
	])('%s', (text, expected) => {
		expect(numbersIn(text)).toEqual(expected);
	});

	it('reads fractions as percent', () => {
		expect(numbersIn('Half')).toEqual([50]);
		expect(numbersIn('approximately one quarter')).toEqual([25]);
		expect(numbersIn('one in five')).toEqual([20]);
		expect(states('one third', 33.33)).toBe(true);
		expect(states('almost two thirds', 66.67)).toBe(true);
	});

	it('applies a scale printed once to both ends of a range', () => {
		expect(states('2–2.5 million', 2e6)).toBe(true);
		expect(states('20-25 million', 20e6)).toBe(true);
		expect(states('2–2.5 million', 2)).toBe(true);
	});

	it('does not read "a year" as a number', () => {
		expect(numbersIn('4 million women a year')).toEqual([4e6]);
	});

	it('rejects numbers that are not stated', () => {
		expect(states('20 million', 2e6)).toBe(false);
		expect(states('one third', 30)).toBe(false);
		expect(states('16,937', 16936)).toBe(false);
	});
});
