/**
 * The value a card and a timeline mark lead with in English: the document's words with what
 * qualifies them, so that no qualified number reads as exact.
 */
import { describe, expect, it } from 'vitest';
import { printedValue } from '../../src/lib/data/figure-words';
import { validateDataDir } from '../../src/lib/data/node-files';

const QUALIFIED =
	/\b(over|more than|less than|fewer than|under|at least|about|around|approximately|almost|nearly|close to|some|roughly|up to|no more than|an estimated|or more|or less)\b/i;

describe('printedValue', () => {
	it('takes the qualifying words the sentence prints before the number, or after it', () => {
		const f = (value_text: string, quote: string, qualifier = 'more_than' as const) => ({
			value_text,
			quote,
			qualifier
		});
		expect(
			printedValue(f('two million', 'In the Caribbean there were over two million children'))
		).toBe('over two million');
		expect(printedValue(f('13%', 'they represented just over 13% of the total'))).toBe(
			'just over 13%'
		);
		expect(
			printedValue({
				...f('US$23 billion', '10% of regional GDP (about US$23 billion)'),
				qualifier: 'about'
			})
		).toBe('about US$23 billion');
		expect(
			printedValue({
				...f('a third', 'found that a third or more of the women'),
				qualifier: 'at_least'
			})
		).toBe('a third or more');
		// Already in the printed words: kept as they are.
		expect(printedValue(f('More than 100', 'More than 100 officers were trained'))).toBe(
			'More than 100'
		);
		// The sentence qualifies it otherwise ("estimated"): the data's reading, in plain words.
		expect(
			printedValue({
				...f('20 million', 'It was estimated that 20 million people were living abroad'),
				qualifier: 'about'
			})
		).toBe('about 20 million');
		// Exact numbers and ranges are their printed words.
		expect(printedValue({ ...f('18,941', 'returned 18,941 Hondurans'), qualifier: 'exact' })).toBe(
			'18,941'
		);
		expect(
			printedValue({
				...f(
					'between 700 thousand and 2 million',
					'estimated to affect between 700 thousand and 2 million persons'
				),
				qualifier: 'range'
			})
		).toBe('between 700 thousand and 2 million');
	});

	it('never shows a qualified figure of the data as an exact number, and keeps its printed words', () => {
		const { figures } = validateDataDir();
		const qualified = figures.filter((f) => f.qualifier !== 'exact' && f.qualifier !== 'range');
		expect(qualified.length).toBeGreaterThan(30);
		for (const f of qualified) {
			const shown = printedValue(f);
			expect(shown, f.figure_id).toContain(f.value_text);
			expect(shown, f.figure_id).toMatch(QUALIFIED);
		}
	});
});
