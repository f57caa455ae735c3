import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountDocument } from '../../src/lib/data/coverage';
import { markupIn, visibleText } from '../../src/lib/data/markup';
import { checkOutline, headingLines } from '../../src/lib/data/outline';
import { formatProblem } from '../../src/lib/data/parse-table';
import type { DocumentRow } from '../../src/lib/data/schema';
import type { UncuratedRow } from '../../src/lib/data/uncurated';
import { headingsAbove, passageAround, sentences } from '../../src/lib/reader/context';
import { renderDocument, textLines } from '../../src/lib/reader/render';

const SOURCE = [
	'**A. THE HEADING',
	'ON TWO LINES**',
	'',
	'It was estimated that 20 million people from Latin America and the',
	'Caribbean were living abroad in 2002 & later, <not> markup. A docu-',
	'ment said so.',
	'Address line',
	'- (i) a list item',
	'',
	'The rate was 60% for both; half of the 11 million stayed.',
	''
].join('\n');

const figure = (id: string, line: number, quote: string, value_text: string) => ({
	figure_id: id,
	line,
	quote,
	value_text
});
const FIGURES = [
	figure(
		'f-20m',
		4,
		'It was estimated that 20 million people from Latin America and the Caribbean were living abroad in 2002 & later, <not> markup.',
		'20 million'
	),
	figure('f-usa', 10, 'The rate was 60% for both; half of the 11 million stayed.', '60% for'),
	figure('f-esp', 10, 'The rate was 60% for both; half of the 11 million stayed.', '60%'),
	figure(
		'f-half',
		10,
		'The rate was 60% for both; half of the 11 million stayed.',
		'half of the 11 million'
	),
	figure('f-11m', 10, 'The rate was 60% for both; half of the 11 million stayed.', '11 million')
];
const ROWS: UncuratedRow[] = [{ doc_id: 'x', line: 5, number: '2002', reason: 'date', note: '' }];

function render() {
	const coverage = accountDocument(SOURCE, FIGURES, ROWS);
	const sections = renderDocument({
		source: SOURCE,
		outline: [{ line: 1, level: 1, title: 'A. THE HEADING ON TWO LINES' }],
		numbers: coverage.numbers,
		marks: coverage.marks,
		markLabel: (id, printed) => `${id} (${printed})`,
		extraLabel: (id) => `extra ${id}`,
		figureHref: (id) => `../figure/${id}`,
		numberTitle: (n) => `Not a figure: ${n.reason}`
	});
	return { sections, html: sections.map((s) => s.html).join(''), coverage };
}

describe('renderDocument', () => {
	it('gives every line an anchor, blank lines included, and none past the last line break', () => {
		const { html } = render();
		for (let n = 1; n <= 10; n++) expect(html).toContain(`id="L${n}"`);
		expect(html).not.toContain('id="L11"');
		expect(textLines(SOURCE)).toHaveLength(10);
	});

	it("shows the outline's heading as a heading, its markup signs as formatting", () => {
		const { sections, html } = render();
		expect(sections[0]!.heading).toEqual({
			level: 1,
			title: 'A. THE HEADING ON TWO LINES',
			line: 1
		});
		expect(html).toMatch(
			/^<h2><span id="L1"><strong>A. THE HEADING<\/strong><\/span>\n<span id="L2"><strong>ON TWO LINES<\/strong><\/span><\/h2>/
		);
		expect(html).not.toContain('**');
	});

	it('marks a curated figure as a link with its name, and any other number with its reason', () => {
		const { html } = render();
		expect(html).toContain(
			'<a class="fig" id="fig-f-20m" href="../figure/f-20m" data-f="f-20m" aria-label="f-20m (20 million)">20 million</a>'
		);
		expect(html).toContain('<span class="nf" title="Not a figure: date">2002</span>');
	});

	it('escapes the text, joins wrapped lines, keeps short lines and list items apart, and mends a hyphenated word', () => {
		const { html } = render();
		expect(html).toContain('2002</span> &amp; later, &lt;not&gt; markup.');
		expect(html).toContain('A docu-</span><span id="L6">ment said so.');
		expect(html).toContain('Address line</span><br>\n<span id="L8">- (i) a list item');
		// A paragraph's margin number links to its first line.
		expect(html).toContain(
			'<p><a class="ln" href="#L4" tabindex="-1" aria-hidden="true">4</a><span id="L4">'
		);
	});

	it('gives each of several figures in one sentence its own mark, nested and identical ones too', () => {
		const { html } = render();
		// "60% for" and "60%": the shorter holds the words, the other keeps what is left of its own.
		expect(html).toContain('id="fig-f-esp"');
		expect(html).toContain('id="fig-f-usa"');
		// "half of the 11 million" around "11 million": two marks side by side.
		expect(html).toMatch(
			/id="fig-f-half"[^>]*>half of the <\/a><a class="fig" id="fig-f-11m"[^>]*>11 million<\/a>/
		);
		// Every figure has exactly one mark that carries its id.
		for (const f of FIGURES) expect(html.split(`id="fig-${f.figure_id}"`)).toHaveLength(2);
	});

	it('adds an extra mark for a figure stated by exactly the same words as another', () => {
		const source = 'Both grew by 60% in the decade.\n';
		const quote = 'Both grew by 60% in the decade.';
		const figures = [figure('a', 1, quote, '60%'), figure('b', 1, quote, '60%')];
		const c = accountDocument(source, figures, []);
		const html = renderDocument({
			source,
			outline: [],
			numbers: c.numbers,
			marks: c.marks,
			markLabel: (id) => id,
			extraLabel: (id) => `extra ${id}`,
			figureHref: (id) => `../figure/${id}`,
			numberTitle: () => ''
		})
			.map((s) => s.html)
			.join('');
		expect(html).toContain(
			'<a class="fig" id="fig-a" href="../figure/a" data-f="a" aria-label="a">60%</a><a class="fig extra" id="fig-b" href="../figure/b" data-f="b" aria-label="extra b">+1</a>'
		);
	});

	it('counts each section for the size it reserves', () => {
		const { sections } = render();
		expect(sections).toHaveLength(1);
		expect(sections[0]!.blocks).toBe(3);
		expect(sections[0]!.chars).toBeGreaterThan(200);
	});
});

describe('markup signs', () => {
	it('reads bold, paired italics, superscripts, escaped asterisks and heading signs', () => {
		expect(visibleText('## **B. TITLE**')).toBe('B. TITLE');
		expect(visibleText('in *fora* like')).toBe('in fora like');
		expect(visibleText('a lone * stays')).toBe('a lone * stays');
		expect(visibleText('report\\*')).toBe('report*');
		expect(visibleText('text<sup>1</sup> more')).toBe('text1 more');
		expect(visibleText('---')).toBe('');
		expect(markupIn('**x**').map((t) => t.kind)).toEqual(['bold', 'bold']);
	});
});

describe('the outline', () => {
	const lines = ['Unit I. International migration  ', 'in the Americas ', '', 'Text.'];
	it('finds a heading over whole lines, and refuses a title the lines do not say', () => {
		expect(
			headingLines(lines, { line: 1, title: 'Unit I. International migration in the Americas' })
		).toBe(2);
		expect(headingLines(lines, { line: 1, title: 'Unit I. International' })).toBeNull();
		expect(headingLines(lines, { line: 1, title: 'Unit II.' })).toBeNull();
	});

	it('names a wrong title, an unknown document, a bad level and headings out of order', () => {
		const documents = [{ doc_id: 'doc-a', source_file: 'doc-a.txt' }] as DocumentRow[];
		const sources = new Map([
			['doc-a.txt', readFileSync('tests/fixtures/sources/doc-a.txt', 'utf8')]
		]);
		const csv = [
			'doc_id,line,level,title',
			'doc-a,1,1,Fixture document A',
			'doc-a,3,4,It was estimated',
			'doc-a,2,2,Something else',
			'doc-b,1,1,Other'
		].join('\n');
		expect(checkOutline(csv, documents, sources).map(formatProblem)).toEqual([
			'data/outline.csv, row 3, level: 4 is not a level; expected 1, 2 or 3',
			expect.stringMatching(
				/^data\/outline.csv, row 3, title: is not what line 3 of doc-a.txt says/
			),
			'data/outline.csv, row 4, line: 2 is not after the previous heading of doc-a',
			expect.stringMatching(/^data\/outline.csv, row 4, title: is not what line 2/),
			'data/outline.csv, row 5, doc_id: "doc-b" is not in documents.csv'
		]);
	});
});

describe('the passage around a quote', () => {
	it('cuts sentences at full stops, not after titles and initials', () => {
		expect(sentences('Mr. Wong said so. The U.S. Bureau agreed. Then 20 more came.')).toEqual([
			'Mr. Wong said so. ',
			'The U.S. Bureau agreed. ',
			'Then 20 more came.'
		]);
	});

	it('gives the sentence before and after the quote in its paragraph, and the headings above', () => {
		const lines = textLines(readFileSync('data/sources/000_3ec3a55201418f4b.txt', 'utf8'));
		const outline = [
			{ line: 264, level: 1, title: 'A. International migration in the Americas' },
			{ line: 267, level: 2, title: 'Unit I. International migration in the Americas' },
			{ line: 279, level: 3, title: '(a) Miguel Villa…' },
			{ line: 379, level: 3, title: '(b) Ricardo Infante…' }
		];
		const quote =
			'It was estimated that 20 million people from Latin America and the Caribbean were living outside their country of birth.';
		const p = passageAround(lines, outline, 324, quote)!;
		expect(p.before).toBe(
			'However, during the second half of the 20th Century, many people had emigrated from the region. '
		);
		expect(p.after).toMatch(
			/^ That figure represented just over 13% of the 150 million international migrants throughout the world\.$/
		);
		expect(p.more).toEqual({ before: true, after: true });
		expect(p.headings).toEqual(outline.slice(0, 3).map((h) => h.title));
		expect(headingsAbove(outline, 400)).toEqual([
			outline[0]!.title,
			outline[1]!.title,
			outline[3]!.title
		]);
		expect(passageAround(lines, outline, 324, 'not in the text')).toBeNull();
	});
});
