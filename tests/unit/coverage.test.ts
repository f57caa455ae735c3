import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src/lib/data/coverage-check';
import { accountDocument, coverageCounts } from '../../src/lib/data/coverage';
import { readCsv } from '../../src/lib/data/csv';
import { formatProblem, parseTable } from '../../src/lib/data/parse-table';
import {
	DOCUMENT_COLUMNS,
	FIGURE_COLUMNS,
	type DocumentRow,
	type FigureRow
} from '../../src/lib/data/schema';
import { compareSourceCopies } from '../../src/lib/data/source-copies';

const F = 'tests/fixtures/';
const figures = parseTable<FigureRow>(
	'f',
	readCsv(readFileSync(`${F}figures.csv`, 'utf8')),
	FIGURE_COLUMNS
).rows;
const documents = parseTable<DocumentRow>(
	'd',
	readCsv(readFileSync(`${F}documents.csv`, 'utf8')),
	DOCUMENT_COLUMNS
).rows;
const source = readFileSync(`${F}sources/doc-a.txt`, 'utf8');
const uncurated = readFileSync(`${F}uncurated.csv`, 'utf8');
const run = (uncuratedCsv = uncurated, text = source) =>
	checkCoverage({ documents, figures, sources: new Map([['doc-a.txt', text]]), uncuratedCsv });
const messages = (r: ReturnType<typeof run>) => r.problems.map(formatProblem);

describe('every number in a source text is accounted for', () => {
	it('accepts the fixture: each number is in a figure or classified, and to_curate only warns', () => {
		const r = run();
		expect(messages(r)).toEqual([]);
		expect(r.warnings).toEqual([
			expect.stringMatching(/doc-a, line 6: "18,941" is marked to_curate/)
		]);
		const counts = coverageCounts(r.byDocument.get('doc-a')!);
		expect(counts).toMatchObject({ total: 11, inFigures: 8, figures: 7, unaccounted: 0 });
		expect(Object.fromEntries(counts.byReason)).toEqual({
			part_of_figure: 1,
			date: 1,
			to_curate: 1
		});
	});

	it('fails on a number that is neither curated nor classified, naming document, line and number', () => {
		const without = uncurated.replace(/^doc-a,6,2005,date,\n/m, '');
		expect(messages(run(without))).toEqual([
			expect.stringMatching(
				/^data\/uncurated.csv: doc-a, line 6 of doc-a.txt: "2005" is neither in a curated figure's value_text nor listed here; add a row doc-a,6,2005,<reason>/
			)
		]);
	});

	it('fails on a number added to the text and on a row whose number is no longer there', () => {
		const edited = source.replace('Fixture document A', 'Fixture document A, 2004');
		expect(messages(run(uncurated, edited))).toEqual([
			expect.stringMatching(/doc-a, line 1 of doc-a.txt: "2004" is neither/)
		]);
		const moved = uncurated.replace('doc-a,6,2005,date', 'doc-a,7,2005,date');
		expect(messages(run(moved))).toEqual([
			expect.stringMatching(/doc-a, line 6 of doc-a.txt: "2005" is neither/),
			expect.stringMatching(/row 3, number: doc-a, line 7: no number "2005" is left to account for/)
		]);
	});

	it('refuses an unknown reason and a part_of_figure note that names no figure', () => {
		const bad = uncurated.replace(',date,', ',year,').replace('a-share:', 'the share:');
		expect(messages(run(bad))).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/row 3, reason: "year" is not a known code/),
				expect.stringMatching(/row 2, note: expected it to start with the figure_id/)
			])
		);
	});

	it('counts a number once per occurrence: two rows for a number printed twice on a line', () => {
		const text = 'In 2002 and again in 2002 the text said so.\n';
		const one = [{ doc_id: 'x', line: 1, number: '2002', reason: 'date' as const, note: '' }];
		const c = accountDocument(text, [], one);
		expect(c.numbers.map((n) => n.status)).toEqual(['uncurated', 'unaccounted']);
		expect(
			accountDocument(text, [], [...one, ...one]).numbers.every((n) => n.status === 'uncurated')
		).toBe(true);
	});

	it('places each figure where its value stands, even when the quote runs over a line break', () => {
		const c = accountDocument(source, figures, []);
		const share = c.marks.find((m) => m.figure_id === 'a-share')!;
		expect(share).toMatchObject({ line: 4, valueLine: 5 });
		expect(source.slice(share.start, share.end)).toBe('13%');
		const range = c.marks.find((m) => m.figure_id === 'a-trafficked')!;
		expect(source.slice(range.start, range.end)).toBe('seven hundred thousand and two million');
		expect(c.unplaced).toEqual([]);
	});
});

describe('compareSourceCopies', () => {
	const bytes = (s: string) => new TextEncoder().encode(s);
	const names = { local: 'data/sources', shared: '../shared/sources' };
	it('passes identical copies and names the file that differs, with its first differing line', () => {
		const local = new Map([
			['a.txt', bytes('one\ntwo\n')],
			['b.txt', bytes('same\n')]
		]);
		expect(compareSourceCopies(local, new Map(local), names)).toEqual([]);
		const shared = new Map([
			['a.txt', bytes('one\ntwo \n')],
			['b.txt', bytes('same\n')]
		]);
		expect(compareSourceCopies(local, shared, names).map(formatProblem)).toEqual([
			'data/sources/a.txt: differs from ../shared/sources/a.txt (8 and 9 bytes; first difference on line 2); the two copies must be byte-identical'
		]);
	});

	it('names a file missing from either copy', () => {
		const local = new Map([['a.txt', bytes('x')]]);
		const shared = new Map([['b.txt', bytes('x')]]);
		expect(compareSourceCopies(local, shared, names).map(formatProblem)).toEqual([
			'data/sources/b.txt: is missing; ../shared/sources/b.txt has it',
			'data/sources/a.txt: is not in ../shared/sources'
		]);
	});
});
