/**
 * The value a card and a timeline mark lead with in English: the document's words with what
 * qualifies them, so that no qualified number reads as exact.
 */
import { describe, expect, it } from 'vitest';
import { printedValue } from '../../src/lib/data/figure-words';
import { validateDataDir } from '../../src/lib/data/node-files';
import type { Qualifier } from '../../src/lib/data/schema';

const QUALIFIED =
	/\b(over|more than|less than|fewer than|under|at least|about|around|approximately|almost|nearly|close to|some|roughly|up to|no more than|an estimated|or more|or less)\b/i;

describe('printedValue', () => {
	it('takes the qualifying words the sentence prints before the number, or after it', () => {
		// [value as printed, its sentence, the data's qualifier, what the headline says]
		const cases: [string, string, Qualifier, string][] = [
			[
				'two million',
				'In the Caribbean there were over two million children',
				'more_than',
				'over two million'
			],
			['13%', 'they represented just over 13% of the total', 'more_than', 'just over 13%'],
			[
				'US$23 billion',
				'10% of regional GDP (about US$23 billion)',
				'about',
				'about US$23 billion'
			],
			['a third', 'found that a third or more of the women', 'at_least', 'a third or more'],
			// Already in the printed words: kept as they are.
			['More than 100', 'More than 100 officers were trained', 'more_than', 'More than 100'],
			// The sentence qualifies it otherwise ("estimated"): the data's reading, in plain words.
			[
				'20 million',
				'It was estimated that 20 million people were living abroad',
				'about',
				'about 20 million'
			],
			// Exact numbers and ranges are their printed words.
			['18,941', 'returned 18,941 Hondurans', 'exact', '18,941'],
			[
				'between 700 thousand and 2 million',
				'estimated to affect between 700 thousand and 2 million persons',
				'range',
				'between 700 thousand and 2 million'
			]
		];
		for (const [value_text, quote, qualifier, shown] of cases)
			expect(printedValue({ value_text, quote, qualifier }), quote).toBe(shown);
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
