/**
 * A story checked against the figures table: every figure it names exists, every chart state is
 * one the explorer understands and shows something, and every number in a title or takeaway is
 * stated by a figure the slide cites — so no slide carries a number of its own.
 */
import { formatFigure } from '../data/format';
import type { Problem } from '../data/parse-table';
import type { SiteFigure } from '../data/site-table';
import type { Locale } from '$lib/paraglide/runtime';
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
// Spanish scale words as the English tokens they stand for: "mil millones" is an English billion.
const SCALE_ES: [RegExp, string][] = [
	[/\bmil\s+millones\b/gi, 'billion'],
	[/\bmill(?:ón|ones)\b/gi, 'million'],
	[/\bmil\b/gi, 'thousand']
];

/** Numbers as plain digits ("20,318" and "20.318" are 20318) and scale words, in English terms. */
function tokens(text: string, locale: Locale = 'en'): string[] {
	if (locale === 'es') {
		const words: string[] = [];
		let rest = text;
		for (const [re, word] of SCALE_ES)
			rest = rest.replace(re, () => {
				words.push(word);
				return ' ';
			});
		// Spanish groups thousands with "." and writes decimals with ",".
		const numbers = (rest.match(NUMBER) ?? []).map((n) =>
			n.replace(/\.(?=\d{3}(?!\d))/g, '').replace(',', '.')
		);
		return [...numbers, ...words];
	}
	const numbers = (text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, ''));
	const words = (text.match(SCALE) ?? []).map((w) => w.toLowerCase().replace(/s$/, ''));
	return [...numbers, ...words];
}

/**
 * Numbers (and "million", "billion"…) in `text`, written in `locale`, that none of `figures`
 * states, in its printed text, its formatted value (in either language), its period or the
 * source it is attributed to.
 */
export function unsupportedNumbers(
	text: string,
	figures: readonly SiteFigure[],
	locale: Locale = 'en'
): string[] {
	const stated = new Set(
		figures.flatMap((f) => [
			...tokens(`${f.value_text} ${formatFigure(f, 'en')} ${f.period} ${f.attributed_to}`),
			...tokens(formatFigure(f, 'es'), 'es')
		])
	);
	return [...new Set(tokens(text, locale))].filter((t) => !stated.has(t));
}

/** The checked words of a story or slide: the English and the Spanish of each field. */
const inBoth = <K extends string>(
	columns: readonly K[],
	words: Record<K, string>,
	es: Partial<Record<K, string>> | undefined
): { column: string; text: string; locale: Locale }[] =>
	columns.flatMap((c) => [
		{ column: c as string, text: words[c], locale: 'en' as const },
		...(es?.[c] !== undefined ? [{ column: `${c}_es`, text: es[c]!, locale: 'es' as const }] : [])
	]);

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
		for (const { column, text, locale } of inBoth(['title', 'takeaway'], slide, slide.es)) {
			const bad = unsupportedNumbers(text, figures, locale);
			if (bad.length)
				fail(
					`${at}, ${column}`,
					`states ${bad.map((b) => `"${b}"`).join(', ')}, which no figure of this slide states; take every number from a figure and name it in "figure" or "figures"`
				);
		}
	});
	for (const { column, text, locale } of inBoth(['title', 'summary'], story, story.es)) {
		const bad = unsupportedNumbers(text, all, locale);
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
