import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/lib/build-data/coverage';
import { countryCodes, readSources } from '../../src/lib/data/node-files';
import { formatProblem } from '../../src/lib/data/parse-table';
import { validate } from '../../src/lib/data/validate';

const documentsCsv = readFileSync('tests/fixtures/documents.csv', 'utf8');
const figuresCsv = readFileSync('tests/fixtures/figures.csv', 'utf8');
const measuresCsv = readFileSync('tests/fixtures/measures.csv', 'utf8');
const derivedCsv = readFileSync('tests/fixtures/derived.csv', 'utf8');
const sources = readSources('tests/fixtures/sources');
const countries = countryCodes();

const run = (
	figures = figuresCsv,
	docs = documentsCsv,
	src: Map<string, string> | null = sources,
	measures = measuresCsv,
	derived = derivedCsv
) =>
	validate({
		documentsCsv: docs,
		figuresCsv: figures,
		measuresCsv: measures,
		derivedCsv: derived,
		sources: src,
		countries
	});

/** The fixture with one cell of one row replaced. */
function withCell(figureId: string, column: string, value: string): string {
	const [header, ...lines] = figuresCsv.trimEnd().split('\n');
	const cols = header!.split(',');
	const i = cols.indexOf(column);
	return (
		[
			header,
			...lines.map((l) => {
				if (!l.startsWith(`${figureId},`)) return l;
				// Fixture rows quote only the long quote column; rebuild the row by parsing it simply.
				const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
				cells[i] = value.includes(',') ? `"${value}"` : value;
				return cells.slice(0, cols.length).join(',');
			})
		].join('\n') + '\n'
	);
}

const messages = (r: ReturnType<typeof run>) => r.problems.map(formatProblem);

describe('validate', () => {
	it('accepts the fixture and counts per document and topic', () => {
		const r = run();
		expect(messages(r)).toEqual([]);
		expect(r.sourcesChecked).toBe(true);
		const counts = coverage(r.figures, r.documents);
		expect(counts.countsByDocument.get('doc-a')).toBe(7);
		expect(counts.countsByTopic.get('return_assistance')).toBe(4);
	});

	it('catches a value the quote does not state', () => {
		const m = messages(run(withCell('a-emigrants', 'value', '2000000')));
		expect(m).toEqual([
			expect.stringMatching(/figures.csv, row 2, value: 2000000 is not stated by "20 million"/)
		]);
	});

	it('catches a value_text that stands more than once in its quote', () => {
		const figures = withCell(
			'a-share',
			'quote',
			'That figure represented just over 13% of the migrants, and 13% of the women.'
		);
		expect(messages(run(figures, documentsCsv, null))).toEqual([
			expect.stringContaining('row 3, value_text: "13%" stands 2 times in the quote')
		]);
		// Once as words of its own is once: "13%" inside "113%" does not count.
		const once = withCell('a-share', 'quote', 'Just over 13% of the migrants, up from 113%.');
		expect(messages(run(once, documentsCsv, null))).toEqual([]);
	});

	it('catches a misquoted sentence', () => {
		const m = messages(
			run(
				withCell(
					'a-share',
					'quote',
					'That figure represented just over 14% of the 150 million international migrants.'
				)
			)
		);
		expect(
			m.some((x) => /row 3, quote: the quote is not found verbatim in doc-a.txt/.test(x))
		).toBe(true);
	});

	it('catches a quote on the wrong line and says where it starts', () => {
		const m = messages(run(withCell('a-share', 'line', '5')));
		expect(m).toEqual([
			expect.stringContaining('row 3, line: the quote is in doc-a.txt but starts on line 4, not 5')
		]);
	});

	it('catches unknown codes', () => {
		expect(messages(run(withCell('a-share', 'geo_code', 'XXX')))).toEqual([
			expect.stringContaining('row 3, geo_code: "XXX" is not a known code')
		]);
		expect(messages(run(withCell('a-share', 'topic', 'weather')))).toEqual([
			expect.stringContaining(
				'row 3, topic: "weather" is not a known code; expected one of migrant_stock'
			)
		]);
	});

	it('catches numbers with separators, duplicate ids and unknown documents', () => {
		expect(messages(run(withCell('a-returns', 'value', '20,318')))[0]).toContain(
			'"20,318" is not a plain number'
		);
		expect(messages(run(withCell('a-share', 'figure_id', 'a-emigrants')))[0]).toContain(
			'"a-emigrants" is used twice'
		);
		expect(messages(run(withCell('a-share', 'doc_id', 'doc-z')))[0]).toContain(
			'"doc-z" is not in documents.csv'
		);
	});

	it('checks both bounds of a range', () => {
		expect(messages(run(withCell('a-trafficked', 'high', '3000000')))).toEqual([
			expect.stringContaining('high: 3000000 is not stated')
		]);
	});

	it('requires a note when a breakdown does not add up to its total', () => {
		const withoutMinors = figuresCsv.replace(/a-returns-minors[^\n]*\n/, '');
		const measures = measuresCsv.replace(/returns-minors[^\n]*\n/, '');
		const check = (figures: string) => messages(run(figures, documentsCsv, sources, measures));
		expect(check(withoutMinors)).toEqual([
			expect.stringContaining(
				'row 4, note: its parts (a-returns-men, a-returns-women) sum to 19797, not 20318; expected a note'
			)
		]);
		const noted = withoutMinors.replace(
			/(a-returns,doc-a,6,.*?,Returns,,)(,)/,
			'$1The breakdown printed leaves out minors.$2'
		);
		expect(check(noted)).toEqual([]);
	});

	it('rejects a broken header and ragged rows with row numbers', () => {
		const header = messages(run(figuresCsv.replace('figure_id,doc_id', 'doc_id,figure_id')));
		expect(header[0]).toContain('row 1: header is');
		const ragged = messages(run(figuresCsv.trimEnd() + '\nonly,three,fields\n'));
		expect(ragged).toEqual([expect.stringContaining('row 9: has 3 fields; expected 27')]);
	});

	it('says so when the sources are missing instead of passing silently', () => {
		const r = run(figuresCsv, documentsCsv, null);
		expect(r.sourcesChecked).toBe(false);
		expect(r.problems).toEqual([]);
	});

	it('passes on the real curated data', async () => {
		const { validateDataDir } = await import('../../src/lib/data/node-files');
		const r = validateDataDir();
		expect(r.problems.map(formatProblem)).toEqual([]);
		expect(r.figures.length).toBeGreaterThan(100);
	});
});
