import { describe, expect, it } from 'vitest';
import {
	formatFigure,
	formatNumber,
	quoteParts,
	wordOccurrences,
	formatFigureShort,
	quoteExcerpt
} from '../../src/lib/data/format';

const fig = (o: Partial<Parameters<typeof formatFigure>[0]>) =>
	formatFigure({ value: null, low: null, high: null, qualifier: 'exact', unit: 'persons', ...o });

describe('format', () => {
	it('writes scale words only when nothing is rounded away', () => {
		expect(formatNumber(20e6)).toBe('20 million');
		expect(formatNumber(35.3e6)).toBe('35.3 million');
		expect(formatNumber(23e9)).toBe('23 billion');
		expect(formatNumber(1234567)).toBe('1,234,567');
		expect(formatNumber(16937)).toBe('16,937');
		expect(formatNumber(33.33)).toBe('33.33');
	});

	it('shows unit and qualifier', () => {
		expect(fig({ value: 20e6, qualifier: 'about' })).toBe('about 20 million persons');
		expect(fig({ value: 23e9, unit: 'usd', qualifier: 'about' })).toBe('about US$23 billion');
		expect(fig({ value: 13, unit: 'percent', qualifier: 'more_than' })).toBe('more than 13%');
		expect(fig({ low: 700000, high: 2e6, qualifier: 'range' })).toBe('700,000–2 million persons');
		expect(fig({ value: 1, unit: 'years', qualifier: 'more_than' })).toBe('more than 1 year');
		expect(fig({ value: 4, unit: 'count' })).toBe('4');
	});

	it('leads with the printed words of a fraction the document wrote in words', () => {
		const third = { value: 33.33, unit: 'percent' as const, qualifier: 'more_than' as const };
		expect(fig({ ...third, value_text: 'one third' })).toBe('more than one third (33.33%)');
		expect(formatFigureShort({ low: null, high: null, ...third, value_text: 'one third' })).toBe(
			'> one third'
		);
		// Whole numbers in words, and numbers printed as digits, read as their value.
		expect(fig({ value: 50, unit: 'percent', value_text: 'half' })).toBe('50%');
		expect(fig({ value: 13.5, unit: 'percent', value_text: '13.5%' })).toBe('13.5%');
	});

	it('cuts a quote around its figure for highlighting', () => {
		expect(quoteParts('About 20 million people.', '20 million')).toEqual([
			'About ',
			'20 million',
			' people.'
		]);
		expect(quoteParts('No match.', '7')).toEqual(['No match.', '', '']);
	});

	it('highlights the number where it stands as words of its own', () => {
		const quote =
			'Many had been detained for 17 months, 300 had been deported and 30 granted refugee status.';
		expect(quoteParts(quote, '30')[0]).toBe(
			'Many had been detained for 17 months, 300 had been deported and '
		);
		expect(quoteParts('Costs of US$300 and US$30.', 'US$30')[0]).toBe('Costs of US$300 and ');
		expect(wordOccurrences('half of them, and half of the 11 million', 'half')).toEqual([0, 18]);
		expect(wordOccurrences('the halfway mark', 'half')).toEqual([]);
		// A number glued to a word as printed is still found, as it is written.
		expect(quoteParts('a 5-year plan', '5')).toEqual(['a ', '5', '-year plan']);
		expect(quoteParts('Ñandú 7 años', '7')).toEqual(['Ñandú ', '7', ' años']);
	});
});

describe('formatFigureShort', () => {
	const f = (p: Partial<Parameters<typeof formatFigureShort>[0]>) =>
		formatFigureShort({
			value: null,
			low: null,
			high: null,
			qualifier: 'exact',
			unit: 'persons',
			...p
		});
	it('keeps every digit and turns qualifier words into signs', () => {
		expect(f({ value: 120, qualifier: 'more_than' })).toBe('> 120');
		expect(f({ value: 140, qualifier: 'about' })).toBe('~140');
		expect(f({ value: 20000000 })).toBe('20 million');
		expect(f({ value: 13, unit: 'percent', qualifier: 'at_least' })).toBe('≥ 13%');
		expect(f({ low: 700000, high: 2000000, qualifier: 'range' })).toBe('700,000–2 million');
		expect(f({ value: 16937 })).toBe('16,937');
	});
});

describe('quoteExcerpt', () => {
	const quote =
		'In his presentation the speaker recalled many earlier studies on the subject and then said that it was estimated that between 700 thousand and 2 million people were trafficked across international borders every year, a figure that several agencies quoted at the time without naming its source or method.';
	it('keeps the figure whole and cuts the words around it at spaces, saying so', () => {
		const [head, value, tail] = quoteExcerpt(quote, 'between 700 thousand and 2 million', 40, 50);
		expect(value).toBe('between 700 thousand and 2 million');
		expect(head.startsWith('…')).toBe(true);
		expect(head.length).toBeLessThanOrEqual(41);
		expect(quote).toContain(head.slice(1));
		expect(tail.endsWith(' …')).toBe(true);
		expect(quote).toContain(tail.slice(0, -2));
	});
	it('leaves a short quote as it is', () => {
		expect(quoteExcerpt('It was 30.', '30')).toEqual(['It was ', '30', '.']);
	});
});
