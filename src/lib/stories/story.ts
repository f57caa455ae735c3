/**
 * Stories for present mode, as data: each slide shows one figure (a big number) or one chart of
 * the explorer, with a title and a one-sentence takeaway, in English and in Spanish (`title_es`,
 * `summary_es`, `takeaway_es` next to the English in the file; a missing one fails the build).
 * This module types a story file and checks its shape; `validate.ts` checks it against the
 * figures table.
 */
import type { Problem } from '../data/parse-table';
import { SLUG_PATTERN } from '../data/schema';
import type { Locale } from '$lib/paraglide/runtime';

export const SLIDE_CHARTS = ['topic', 'doc', 'year', 'map', 'compare'] as const;
export type SlideChart = (typeof SLIDE_CHARTS)[number];

/** The story id that names the deck kept in the URL (`/present/scratch?s=…`), never a file. */
export const SCRATCH_ID = 'scratch';
export const MAX_SLIDES = 20;
export const MAX_TITLE = 90;
export const MAX_TAKEAWAY = 240;
/** Spanish runs about a fifth longer than English: its limits are a fifth longer too. */
const SPANISH_ROOM = 1.2;

/** A slide's own words in one language. */
export interface SlideWords {
	title: string;
	/** One sentence: what the class should take away from the slide. */
	takeaway: string;
}

interface SlideBase extends SlideWords {
	/** Further figures the title or takeaway quote; each is cited on the slide. */
	figures: string[];
	/**
	 * The title and takeaway in Spanish (`title_es`, `takeaway_es` in the file). A scratch slide
	 * has none: its words are drawn in the page's language.
	 */
	es?: SlideWords;
}

export interface FigureSlide extends SlideBase {
	kind: 'figure';
	/** The figure_id shown as the big number. */
	figure: string;
	/** Show the figure's editorial note on the slide (always printed in the handout). */
	showNote: boolean;
}

export interface ChartSlide extends SlideBase {
	kind: 'chart';
	chart: SlideChart;
	/** The explorer's query string without "?", e.g. `topic=remittances&years=1990-2001`. */
	state: string;
}

export type StorySlide = FigureSlide | ChartSlide;

export interface Story {
	/** The file name without `.json`, and the address: `/present/<id>`. */
	id: string;
	title: string;
	/** A sentence or two for the list of stories. */
	summary: string;
	/** The title and summary in Spanish (`title_es`, `summary_es` in the file). */
	es: { title: string; summary: string };
	slides: StorySlide[];
}

/** A story's title and summary in `locale`. */
export function storyWords(story: Story, locale: Locale): { title: string; summary: string } {
	return locale === 'es' ? story.es : { title: story.title, summary: story.summary };
}

/** A slide with its title and takeaway in `locale` (a slide without Spanish words is as it is). */
export function slideIn<S extends StorySlide>(slide: S, locale: Locale): S {
	return locale === 'es' && slide.es ? { ...slide, ...slide.es } : slide;
}

const STORY_KEYS = new Set(['title', 'title_es', 'summary', 'summary_es', 'slides']);
const SLIDE_KEYS = new Set([
	'title',
	'title_es',
	'takeaway',
	'takeaway_es',
	'figure',
	'chart',
	'state',
	'figures',
	'showNote'
]);

export function isSlideChart(s: unknown): s is SlideChart {
	return typeof s === 'string' && (SLIDE_CHARTS as readonly string[]).includes(s);
}

/** A takeaway is one sentence: no sentence end followed by another capitalised sentence. */
export function isOneSentence(text: string): boolean {
	return !/[.!?]["”’»)]?\s+["“«(¿¡]?[A-ZÁÉÍÓÚÑ]/.test(text.trim());
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The story in `text` (a JSON file named `<id>.json`), or the problems that keep it from being one. */
export function parseStory(
	id: string,
	text: string,
	file: string
): { story: Story | null; problems: Problem[] } {
	const problems: Problem[] = [];
	const fail = (column: string | null, message: string) =>
		problems.push({ file, row: null, column, message });
	if (!SLUG_PATTERN.test(id))
		fail(null, `"${id}" is not a slug; name the file in lowercase a-z, 0-9 and hyphens`);
	if (id === SCRATCH_ID) fail(null, `"${SCRATCH_ID}" is reserved for the deck kept in the URL`);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		fail(null, `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
		return { story: null, problems };
	}
	if (!isRecord(json)) {
		fail(
			null,
			'expected a JSON object with "title", "title_es", "summary", "summary_es" and "slides"'
		);
		return { story: null, problems };
	}
	for (const k of Object.keys(json))
		if (!STORY_KEYS.has(k)) fail(k, `is not a story field; expected ${[...STORY_KEYS].join(', ')}`);
	const title = text1(json.title, 'title', MAX_TITLE, fail);
	const summary = text1(json.summary, 'summary', 400, fail);
	const es = {
		title: text1(json.title_es, 'title_es', MAX_TITLE * SPANISH_ROOM, fail),
		summary: text1(json.summary_es, 'summary_es', 400 * SPANISH_ROOM, fail)
	};
	if (!Array.isArray(json.slides) || json.slides.length === 0 || json.slides.length > MAX_SLIDES) {
		fail('slides', `expected a list of 1 to ${MAX_SLIDES} slides`);
		return { story: null, problems };
	}
	const slides = json.slides.map((s, i) => parseSlide(s, `slide ${i + 1}`, fail));
	if (problems.length) return { story: null, problems };
	return { story: { id, title, summary, es, slides: slides as StorySlide[] }, problems };
}

function text1(
	v: unknown,
	column: string,
	max: number,
	fail: (column: string, message: string) => void
): string {
	if (typeof v !== 'string' || !v.trim()) {
		fail(column, 'is missing or empty; expected text');
		return '';
	}
	if (v !== v.trim()) fail(column, 'has spaces at its start or end');
	if (v.length > max)
		fail(
			column,
			`is ${v.length} characters long; keep it under ${max} to read it from the back of a room`
		);
	return v;
}

function parseSlide(
	raw: unknown,
	at: string,
	fail: (column: string, message: string) => void
): StorySlide | null {
	if (!isRecord(raw)) {
		fail(
			at,
			'expected an object with "title", "title_es", "takeaway", "takeaway_es" and either "figure" or "chart"'
		);
		return null;
	}
	const f = (column: string, message: string) => fail(`${at}, ${column}`, message);
	for (const k of Object.keys(raw))
		if (!SLIDE_KEYS.has(k)) f(k, `is not a slide field; expected ${[...SLIDE_KEYS].join(', ')}`);
	const title = text1(raw.title, 'title', MAX_TITLE, f);
	const takeaway = text1(raw.takeaway, 'takeaway', MAX_TAKEAWAY, f);
	if (takeaway && !isOneSentence(takeaway))
		f('takeaway', 'is more than one sentence; a slide takes one');
	const es = {
		title: text1(raw.title_es, 'title_es', MAX_TITLE * SPANISH_ROOM, f),
		takeaway: text1(raw.takeaway_es, 'takeaway_es', MAX_TAKEAWAY * SPANISH_ROOM, f)
	};
	if (es.takeaway && !isOneSentence(es.takeaway))
		f('takeaway_es', 'is more than one sentence; a slide takes one');
	const figures: string[] = [];
	if (raw.figures !== undefined) {
		if (!Array.isArray(raw.figures) || raw.figures.some((x) => typeof x !== 'string'))
			f('figures', 'expected a list of figure ids');
		else figures.push(...(raw.figures as string[]));
	}
	const hasFigure = raw.figure !== undefined;
	const hasChart = raw.chart !== undefined;
	if (hasFigure === hasChart) {
		f(
			'figure',
			'a slide shows either one "figure" (a figure_id) or one "chart", not both or neither'
		);
		return null;
	}
	if (hasFigure) {
		if (typeof raw.figure !== 'string' || !raw.figure) f('figure', 'expected a figure_id');
		if (raw.state !== undefined) f('state', 'belongs to a chart slide, not a figure slide');
		if (raw.showNote !== undefined && typeof raw.showNote !== 'boolean')
			f('showNote', 'expected true or false');
		return {
			kind: 'figure',
			title,
			takeaway,
			es,
			figures,
			figure: String(raw.figure),
			showNote: raw.showNote === true
		};
	}
	if (!isSlideChart(raw.chart)) {
		f('chart', `"${String(raw.chart)}" is not a chart; expected one of ${SLIDE_CHARTS.join(', ')}`);
		return null;
	}
	if (raw.showNote !== undefined) f('showNote', 'belongs to a figure slide, not a chart slide');
	if (raw.state !== undefined && typeof raw.state !== 'string')
		f('state', 'expected the explorer query string as text, e.g. "topic=remittances"');
	const state = typeof raw.state === 'string' ? raw.state.replace(/^\?/, '') : '';
	return { kind: 'chart', title, takeaway, es, figures, chart: raw.chart, state };
}
