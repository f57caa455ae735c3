/** Arrow columns read and written without Arrow's generated code (the page's policy forbids it). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Utf8, vectorFromArray } from 'apache-arrow';
import { utf8Values } from '../../src/lib/sql/arrow-vectors';

describe('utf8Values', () => {
	it('reads every string and null as Arrow’s own get does, in slices too', () => {
		const text = fc.oneof(
			fc.constant(null),
			fc.string({ unit: 'grapheme' }),
			fc.string({ unit: 'binary' }),
			fc.constantFrom('', 'México', '😀 x', 'a\u0000b', '中文')
		);
		fc.assert(
			fc.property(fc.array(text, { maxLength: 40 }), fc.nat(10), (values, cut) => {
				const vector = vectorFromArray(values, new Utf8());
				const start = Math.min(cut, values.length);
				const part = vector.slice(start);
				const read = part.data.flatMap((d) =>
					utf8Values(d as unknown as Parameters<typeof utf8Values>[0])
				);
				expect(read).toEqual(values.slice(start).map((v) => v ?? null));
				expect(read).toEqual([...part].map((v) => v ?? null));
			}),
			{ numRuns: 300 }
		);
	});
});
