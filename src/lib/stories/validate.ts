/**
 * A story checked against the figures table: every figure it names exists, every chart state is
 * one the explorer understands and shows something, and every number in a title or takeaway is
 * stated by a figure the slide cites — so no slide carries a number of its own.
 */
import { formatFigure } from '../data/format';
import type { Problem } from '../data/parse-table';
import type { SiteFigure } from '../data/site-table';
import { filtersFor } from '../queries/filters';
import {
	chartSelection,
	compareFigures,
	slideFigureIds,
	storyContext,
	type StoryContext
} from './slides';
import { parseStory, type ChartSlide, type Story } from './story';

/** What a chart slide's state is wrong about, in words; empty when it is fine. */
export function chartProblems(slide: ChartSlide, ctx: StoryContext): string[] {
	const { selection, ignored } = chartSelection(slide.state, ctx.known);
	const out = [...ignored];
	if (slide.chart === 'compare') {
		if (selection.indicators.length !== 1)
			out.push('a compare chart needs exactly one indicator, e.g. "indicator=Persons deported"');
		else if (compareFigures(ctx.engine, selection).length === 0)
			out.push('no figure of this indicator passes the other filters');
	} else {
		const n = ctx.engine.runSync({ kind: 'countAll', filters: filtersFor(selection) });
		if ((n[0] as { n: number } | undefined)?.n === 0) out.push('no figure passes these filters');
	}
	return out;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const SCALE = /\b(?:hundred|thousand|million|billion)s?\b/gi;

function tokens(text: string): string[] {
	const numbers = (text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, ''));
	const words = (text.match(SCALE) ?? []).map((w) => w.toLowerCase().replace(/s$/, ''));
	return [...numbers, ...words];
}

/**
 * Numbers (and "million", "billion"…) in `text` that none of `figures` states, in its printed
 * text, its formatted value, its period or the source it is attributed to.
 */
export function unsupportedNumbers(text: string, figures: readonly SiteFigure[]): string[] {
	const stated = new Set(
		figures.flatMap((f) =>
			tokens(`${f.value_text} ${formatFigure(f)} ${f.period} ${f.attributed_to}`)
		)
	);
	return [...new Set(tokens(text))].filter((t) => !stated.has(t));
}

export function validateStory(story: Story, file: string, ctx: StoryContext): Problem[] {
	const problems: Problem[] = [];
	const fail = (column: string | null, message: string) =>
		problems.push({ file, row: null, column, message });
	const all: SiteFigure[] = [];
	story.slides.forEach((slide, i) => {
		const at = `slide ${i + 1}`;
		const named = slide.kind === 'figure' ? [slide.figure, ...slide.figures] : slide.figures;
		named.forEach((id, j) => {
			if (!ctx.byId.has(id))
				fail(
					`${at}, ${slide.kind === 'figure' && j === 0 ? 'figure' : 'figures'}`,
					`"${id}" is not a figure_id in data/figures.csv`
				);
		});
		if (slide.kind === 'chart') for (const m of chartProblems(slide, ctx)) fail(`${at}, state`, m);
		const figures = slideFigureIds(slide, ctx).flatMap((id) => ctx.byId.get(id) ?? []);
		all.push(...figures);
		for (const column of ['title', 'takeaway'] as const) {
			const bad = unsupportedNumbers(slide[column], figures);
			if (bad.length)
				fail(
					`${at}, ${column}`,
					`states ${bad.map((b) => `"${b}"`).join(', ')}, which no figure of this slide states; take every number from a figure and name it in "figure" or "figures"`
				);
		}
	});
	for (const column of ['title', 'summary'] as const) {
		const bad = unsupportedNumbers(story[column], all);
		if (bad.length)
			fail(
				column,
				`states ${bad.map((b) => `"${b}"`).join(', ')}, which no figure of the story states`
			);
	}
	return problems;
}

/** Every story file of a folder, parsed and checked: the stories, or the problems found. */
export function validateStoryFiles(
	files: { file: string; text: string }[],
	figures: SiteFigure[]
): { stories: Story[]; problems: Problem[] } {
	const ctx = storyContext(figures);
	const stories: Story[] = [];
	const problems: Problem[] = [];
	for (const { file, text } of files) {
		const name = file.split('/').pop() ?? file;
		if (!name.endsWith('.json')) {
			problems.push({ file, row: null, column: null, message: 'is not a .json story file' });
			continue;
		}
		const parsed = parseStory(name.replace(/\.json$/, ''), text, file);
		problems.push(...parsed.problems);
		if (!parsed.story) continue;
		const found = validateStory(parsed.story, file, ctx);
		problems.push(...found);
		if (!found.length) stories.push(parsed.story);
	}
	return { stories, problems };
}
