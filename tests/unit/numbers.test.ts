import { describe, expect, it } from 'vitest';
import { numbersIn, numberSpans, states } from '../../src/lib/data/numbers';

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

describe('numberSpans', () => {
	const spans = (text: string) => numberSpans(text).map((s) => [s.text, s.value]);

	it('finds each number where it stands, with its scale, percent sign and ordinal ending', () => {
		const text = 'It was 20 million, just over 13% and 10 per cent, on the 22nd.';
		expect(numberSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
			'20 million',
			'13%',
			'10 per cent',
			'22nd'
		]);
		expect(spans('two hundred and fifty thousand persons')).toEqual([
			['two hundred and fifty thousand', 250000]
		]);
		expect(spans('one in five, a third of them')).toEqual([
			['one in five', 20],
			['a third', 100 / 3]
		]);
	});

	it('keeps a number split over a line break together, as printed with one space', () => {
		expect(spans('almost 2\nmillion by 1980')).toEqual([
			['2 million', 2e6],
			['1980', 1980]
		]);
	});

	it('reads times, numbers with slashes and compound ordinals as one item with no value', () => {
		expect(
			spans('8:30 – 9:30 a.m., resolution 56/203, the sixty-eighth and THIRTY-THIRD sessions')
		).toEqual([
			['8:30', null],
			['9:30', null],
			['56/203', null],
			['sixty-eighth', null],
			['THIRTY-THIRD', null]
		]);
	});

	it('reads plural scales standing alone as vague quantities, and never as values', () => {
		expect(spans('thousands of migrants and hundreds of thousands of women')).toEqual([
			['thousands', null],
			['hundreds of thousands', null]
		]);
		expect(numbersIn('thousands of migrants')).toEqual([]);
	});

	it('groups thousands by a space only after one to three digits', () => {
		expect(spans('20 318 migrants; 1 234 567 persons')).toEqual([
			['20 318', 20318],
			['1 234 567', 1234567]
		]);
		expect(spans('Quarterly, 23 (2001 975-1004')).toEqual([
			['23', 23],
			['2001', 2001],
			['975', 975],
			['1004', 1004]
		]);
	});

	it('does not read words that begin like "per cent" as a percent sign', () => {
		expect(spans('one person, one passport; a percentage')).toEqual([
			['one', 1],
			['one', 1]
		]);
	});
});
