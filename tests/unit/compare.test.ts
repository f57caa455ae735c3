/**
 * The comparison charts, drawn as the prerender draws them (Plot with jsdom): every label in
 * full at every width, one row per figure, the height they reserve is the height they draw,
 * and the marks say which way an open-ended figure points.
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { axisTick, axisTop, compareChart, valueTextX } from '../../src/lib/charts/compare';
import { groupComparable } from '../../src/lib/charts/compare-groups';
import { labelParts } from '../../src/lib/charts/compare-rows';
import { compareTable } from '../../src/lib/charts/data-table';
import { textWidth } from '../../src/lib/charts/text-width';
import { validateDataDir } from '../../src/lib/data/node-files';
import type { CompareFigure } from '../../src/lib/data/site-table';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { InstantEngine } from '../../src/lib/db/instant';
import { runExplorerSync } from '../../src/lib/explorer/run';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

const figure = (patch: Partial<CompareFigure>): CompareFigure =>
	({
		figure_id: 'f',
		doc_id: 'd',
		line: 1,
		quote: 'q',
		value: null,
		low: null,
		high: null,
		qualifier: 'exact',
		unit: 'persons',
		period: '',
		period_start: null,
		geography: 'World',
		indicator: 'I',
		attributed_to: '',
		doc_short_title: 'Doc',
		source_order: 0,
		...patch
	}) as CompareFigure;

const href = (id: string) => `/figure/${id}`;

function draw(figures: CompareFigure[], width: number, heading?: string) {
	const chart = compareChart(figures, { width, figureHref: href, heading });
	const svg = Plot.plot({ ...chart.options(), document }) as SVGSVGElement;
	return { chart, svg };
}

/** A <text>'s lines, as drawn (Plot writes one <tspan> per line). */
function linesOf(t: Element): string[] {
	const spans = [...t.querySelectorAll('tspan')];
	return spans.length ? spans.map((s) => s.textContent ?? '') : [t.textContent ?? ''];
}

const textLines = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map(linesOf);

/** The marks a reader reaches by Tab (one per figure: its dot, or its range's interval). */
/** Each figure's mark: a dot or a range, linked to its page (an implied number's ring, to its line). */
const figureMarks = (svg: SVGSVGElement) => [
	...svg.querySelectorAll('circle[aria-label], path[aria-label]')
];

/** A mark's centre line: a dot's cy, or a path's first point. */
function markY(mark: Element): number {
	if (mark.tagName === 'circle') return Number(mark.getAttribute('cy'));
	return Number(/^M[-\d.e]+,([-\d.e]+)/.exec(mark.getAttribute('d')!)![1]);
}

/** Where a <text> sits, from the translate Plot gives it. */
const textY = (t: Element) =>
	Number(/translate\([-\d.e]+,([-\d.e]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1]);

let panels: CompareFigure[][];
beforeAll(() => {
	const r = validateDataDir();
	const result = runExplorerSync(
		new InstantEngine(toSiteFigures(r.figures, r.documents)),
		EMPTY_SELECTION
	);
	panels = groupComparable(result.comparable).flatMap((g) => g.panels.map((p) => p.figures));
});

const LONG = figure({
	figure_id: 'long',
	geography: 'Regional Conference on Migration (Puebla Process) member countries',
	period: '1990-1999',
	doc_short_title: 'A very long document title of the kind some reports have, 2013',
	line: 12345,
	value: 3
});

describe('comparison charts', () => {
	it('write zero as 0, thousands and more with SI prefixes, and smaller numbers plainly', () => {
		expect([0, 500_000, 1_000_000, 1_500_000, 2500, 0.5, 20].map(axisTick)).toEqual([
			'0',
			'500k',
			'1M',
			'1.5M',
			'2.5k',
			'0.5',
			'20'
		]);
	});

	it('write a "more than" value past its arrow, others at the value or the top of the range', () => {
		expect(valueTextX(figure({ value: 1000, qualifier: 'more_than' }), 120)).toBe(1120);
		expect(valueTextX(figure({ value: 1000, qualifier: 'at_least' }), 120)).toBe(1120);
		expect(valueTextX(figure({ value: 1000, qualifier: 'less_than' }), 120)).toBe(1000);
		expect(valueTextX(figure({ value: 1000 }), 120)).toBe(1000);
		expect(valueTextX(figure({ low: 700, high: 2000, qualifier: 'range' }), 120)).toBe(2000);
	});

	it("leaves room past the largest value for its text, so 'at least 7 million persons' is not cut", () => {
		const rows = [
			figure({ value: 7_000_000, qualifier: 'at_least' }),
			figure({ low: 700_000, high: 2_000_000, qualifier: 'range' })
		];
		const reach = 7_000_000 * 0.12;
		const inner = 300;
		const w = textWidth('at least 7 million persons', 11, true);
		const top = axisTop(rows, reach, 7_000_000 * 1.15, inner, 70, () => w);
		expect(((7_000_000 + reach) / top) * inner + 10 + w).toBeLessThanOrEqual(inner + 70 + 1e-9);
		// Short texts keep the plain axis.
		expect(axisTop(rows, reach, 8_050_000, inner, 70, () => 5)).toBe(8_050_000);
	});

	for (const width of [330, 520, 640, 1000])
		it(`write every label in full, within the chart, at ${width} px`, () => {
			for (const figures of [...panels, [LONG, figure({ value: 1 })]]) {
				const { svg } = draw(figures, width);
				const lines = textLines(svg);
				const drawn = lines.map((l) => l.join(' '));
				for (const f of figures) {
					const { head, source } = labelParts(f);
					expect(drawn, `${f.figure_id} at ${width}`).toContain(head);
					expect(drawn, `${f.figure_id} at ${width}`).toContain(source);
				}
				expect(drawn.join('\n')).not.toContain('…');
				// No label line runs past the chart's right edge (labels start at the left margin, 8 px).
				const labels = [
					...svg.querySelectorAll('g[aria-label="text"] text[transform^="translate(8,"]')
				];
				expect(labels.length).toBeGreaterThanOrEqual(figures.length);
				for (const t of labels) {
					const bold = t.closest('[font-weight="bold"]') !== null;
					for (const line of linesOf(t))
						expect(8 + textWidth(line, 11, bold), line).toBeLessThanOrEqual(width);
				}
			}
		});

	it('wrap a long label over more lines on a phone, and the chart grows to hold them', () => {
		const narrow = draw([LONG, figure({ value: 1 })], 330);
		const wide = draw([LONG, figure({ value: 1 })], 1000);
		const longest = (svg: SVGSVGElement) => Math.max(...textLines(svg).map((l) => l.length));
		expect(longest(narrow.svg)).toBeGreaterThan(longest(wide.svg));
		expect(narrow.chart.height).toBeGreaterThan(wide.chart.height);
	});

	it('give every figure its own row, even two with the same label and value', () => {
		const twins = [
			figure({ figure_id: 'a', value: 150_000_000, line: 326 }),
			figure({ figure_id: 'b', value: 150_000_000, line: 326 }),
			figure({ figure_id: 'c', value: 175_000_000, qualifier: 'about' })
		];
		for (const figures of [twins, ...panels]) {
			const { svg } = draw(figures, 640);
			const marks = figureMarks(svg);
			expect(marks).toHaveLength(figures.length);
			expect(new Set(marks.map(markY)).size).toBe(figures.length);
		}
		// The two 150 million are written twice, on their own rows, so neither hides the other.
		const { svg } = draw(twins, 640);
		const same = [...svg.querySelectorAll('text')].filter(
			(t) => t.textContent === '150 million persons'
		);
		expect(same).toHaveLength(2);
		expect(Math.abs(textY(same[0]!) - textY(same[1]!))).toBeGreaterThanOrEqual(14);
	});

	it('reserve exactly the height they draw, with every mark and label inside it', () => {
		for (const width of [330, 640])
			for (const figures of panels) {
				const { chart, svg } = draw(figures, width, 'In persons');
				expect(Number(svg.getAttribute('height'))).toBe(chart.height);
				const lowest = Math.max(...figureMarks(svg).map(markY));
				expect(lowest + 8).toBeLessThanOrEqual(chart.height - 26);
			}
	});

	it('link every mark to its figure page, and draw open-ended figures as arrows the right way', () => {
		const figures = [
			figure({ figure_id: 'more', value: 100, qualifier: 'more_than' }),
			figure({ figure_id: 'least', value: 80, qualifier: 'at_least' }),
			figure({ figure_id: 'less', value: 50, qualifier: 'less_than' }),
			figure({ figure_id: 'upto', value: 60, qualifier: 'up_to' }),
			figure({ figure_id: 'range', low: 10, high: 30, qualifier: 'range' }),
			figure({ figure_id: 'exact', value: 20 })
		];
		const { svg } = draw(figures, 640);
		const link = (a: Element) => a.getAttribute('href') ?? a.getAttribute('xlink:href');
		const arrows = [...svg.querySelectorAll('g[aria-label="arrow"] a')];
		expect(arrows.map(link).sort()).toEqual(
			['/figure/least', '/figure/less', '/figure/more', '/figure/upto'].sort()
		);
		for (const a of arrows) {
			const [x1, , x2] = /^M([-\d.e]+),([-\d.e]+)L([-\d.e]+)/
				.exec(a.querySelector('path')!.getAttribute('d')!)!
				.slice(1)
				.map(Number) as [number, number, number];
			const up = ['/figure/more', '/figure/least'].includes(link(a)!);
			expect(up ? x2 > x1 : x2 < x1, `${link(a)} points ${up ? 'up' : 'down'}`).toBe(true);
			// One Tab stop per figure: its dot.
			expect(a.getAttribute('tabindex')).toBe('-1');
			expect(a.querySelector('title')?.textContent).toContain('“q”');
		}
		// A dot for each valued figure (filled when exact), an interval for the range.
		const dots = [...svg.querySelectorAll('g[aria-label="dot"] a')];
		expect(dots.map(link).sort()).toEqual(
			['exact', 'least', 'less', 'more', 'upto'].map((id) => `/figure/${id}`).sort()
		);
		expect(svg.querySelector('g[aria-label="link"] a')?.getAttribute('href')).toBe('/figure/range');
		// The user's own rows have no page: their marks are not links.
		const own = compareChart([figure({ value: 1 }), figure({ value: 2 })], {
			width: 640,
			figureHref: () => null
		});
		const ownSvg = Plot.plot({ ...own.options(), document }) as SVGSVGElement;
		expect(ownSvg.querySelectorAll('a[href]')).toHaveLength(0);
	});

	it("link a number the text implies to its line in the document, in the chart and in the chart's table", () => {
		const figures = [
			figure({ figure_id: 'printed', value: 7 }),
			{
				...figure({ figure_id: 'implied-x', doc_id: 'hc', line: 328, value: 5.5 }),
				value_text: 'half × 11 million',
				derived: true
			}
		];
		const lineHref = (doc: string, line: number) => `/documents/${doc}#L${line}`;
		const link = (a: Element) => a.getAttribute('href') ?? a.getAttribute('xlink:href');
		const withLines = compareChart(figures, { width: 640, figureHref: href, lineHref });
		const svg = Plot.plot({ ...withLines.options(), document }) as SVGSVGElement;
		const ring = svg.querySelector('circle[aria-label$="implied by the text, not printed"]')!;
		expect(link(ring.closest('a')!)).toBe('/documents/hc#L328');
		expect([...svg.querySelectorAll('g[aria-label="dot"] a')].map(link)).toContain(
			'/figure/printed'
		);
		// No line to link to: the ring is drawn, not linked (it has no page of its own).
		const { svg: bare } = draw(figures, 640);
		const bareRing = bare.querySelector('circle[aria-label$="implied by the text, not printed"]')!;
		expect(bareRing.closest('a')).toBeNull();
		// The table under the chart says it is implied, and leads to the same line.
		const table = compareTable(figures, href, lineHref);
		expect(table.links).toEqual(['/figure/printed', '/documents/hc#L328']);
		expect(table.rows[1]![0]).toContain('implied by the text: half × 11 million');
		expect(table.rows[0]![0]).not.toContain('implied');
		expect(compareTable(figures, href).links).toEqual(['/figure/printed', null]);
	});

	it('name the unit above the rows when asked, inside the SVG an export keeps', () => {
		const { svg } = draw(
			[figure({ value: 17, unit: 'months' }), figure({ value: 2 })],
			330,
			'In months'
		);
		expect(textLines(svg).map((l) => l.join(' '))).toContain('In months');
	});
});
