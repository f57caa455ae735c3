import { spawnSync } from 'node:child_process';
import { refTimeText } from '../../src/lib/data/figure-words';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryCodes, readSources } from '../../src/lib/data/node-files';
import { formatProblem } from '../../src/lib/data/parse-table';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { validate } from '../../src/lib/data/validate';
import { validateStoriesDir } from '../../src/lib/stories/node-files';
import {
	compareSlideLabels,
	deckData,
	scratchStorySlide,
	slideSubtitle,
	sourceLine,
	sourceRefs
} from '../../src/lib/stories/slides';
import { parseStory, slideIn, storyWords, type Story } from '../../src/lib/stories/story';
import { unsupportedNumbers, validateStoryFiles } from '../../src/lib/stories/validate';

const fixture = validate({
	documentsCsv: readFileSync('tests/fixtures/documents.csv', 'utf8'),
	figuresCsv: readFileSync('tests/fixtures/figures.csv', 'utf8'),
	measuresCsv: readFileSync('tests/fixtures/measures.csv', 'utf8'),
	derivedCsv: readFileSync('tests/fixtures/derived.csv', 'utf8'),
	sources: readSources('tests/fixtures/sources'),
	countries: countryCodes()
});
const figures = toSiteFigures(fixture.figures, fixture.documents);
const lesson = readFileSync('tests/fixtures/stories/ok/lesson.json', 'utf8');
const FILE = 'data/stories/lesson.json';

/** The fixture lesson with its JSON changed by `edit`, checked as one story file. */
function check(
	edit: (story: Record<string, unknown> & { slides: Record<string, unknown>[] }) => void
) {
	const json = JSON.parse(lesson);
	edit(json);
	return validateStoryFiles([{ file: FILE, text: JSON.stringify(json) }], figures).problems.map(
		formatProblem
	);
}

describe('story files', () => {
	it('accepts the fixture lesson', () => {
		const r = validateStoriesDir(figures, 'tests/fixtures/stories/ok');
		expect(r.problems.map(formatProblem)).toEqual([]);
		expect(r.stories.map((s) => [s.id, s.slides.length])).toEqual([['lesson', 4]]);
		expect(r.stories[0]!.slides[2]).toMatchObject({
			kind: 'chart',
			chart: 'topic',
			state: 'doc=doc-a'
		});
	});

	it('names the story file, the slide and the missing figure id', () => {
		const r = validateStoriesDir(figures, 'tests/fixtures/stories/missing-figure');
		expect(r.stories).toEqual([]);
		expect(r.problems.map(formatProblem)).toContain(
			'tests/fixtures/stories/missing-figure/lesson.json, slide 2, figure: "no-such-figure" is not a figure_id in data/figures.csv'
		);
		expect(
			check((s) => (s.slides[1]!.figures = ['a-returns-men', 'a-returns-women', 'a-gone']))
		).toEqual([`${FILE}, slide 2, figures: "a-gone" is not a figure_id in data/figures.csv`]);
	});

	it('checks chart states with the explorer’s own URL parser', () => {
		expect(check((s) => (s.slides[2]!.state = 'doc=doc-z&sort=value'))).toEqual([
			`${FILE}, slide 3, state: doc "doc-z" is not in the data`,
			`${FILE}, slide 3, state: "sort" has no meaning on a slide`
		]);
		expect(check((s) => (s.slides[3]!.state = 'topic=migrant_stock'))).toEqual([
			`${FILE}, slide 4, state: a compare chart needs exactly one indicator, e.g. "indicator=Persons deported"`
		]);
		expect(check((s) => (s.slides[2]!.state = 'topic=smuggling'))).toEqual([
			`${FILE}, slide 3, state: no figure passes these filters`
		]);
		expect(check((s) => (s.slides[2]!.chart = 'pie'))[0]).toContain(
			'slide 3, chart: "pie" is not a chart; expected one of topic, doc, year, map, compare'
		);
	});

	it('refuses a number in a title or takeaway that no cited figure states', () => {
		expect(check((s) => (s.slides[0]!.takeaway = 'About 25 million people lived abroad.'))).toEqual(
			[
				`${FILE}, slide 1, takeaway: states "25", which no figure of this slide states; take every number from a figure and name it in "figure" or "figures"`
			]
		);
		// 521 minors is a figure, but not one this slide cites.
		expect(check((s) => (s.slides[1]!.title = 'Returns: 521 minors'))).toHaveLength(1);
		expect(
			check(
				(s) => (
					(s.slides[1]!.figures = ['a-returns-men', 'a-returns-women', 'a-returns-minors']),
					(s.slides[1]!.title = 'Returns: 521 minors')
				)
			)
		).toEqual([]);
		expect(check((s) => (s.summary = 'Billions of dollars.'))).toEqual([
			`${FILE}, summary: states "billion", which no figure of the story states`
		]);
	});

	it('reads numbers as printed, formatted, or in a period', () => {
		const [emigrants, , returns] = ['a-emigrants', 'a-share', 'a-returns'].map((id) =>
			figures.find((f) => f.figure_id === id)!
		);
		expect(
			unsupportedNumbers('About 20 million, in 2006: 20,318 or 20318.', [emigrants!, returns!])
		).toEqual([]);
		expect(unsupportedNumbers('2.5 billion and 13%', [emigrants!])).toEqual([
			'2.5',
			'13',
			'billion'
		]);
	});

	it('checks the shape of a story and of each slide', () => {
		expect(parseStory('lesson', '{ not json', FILE).problems[0]!.message).toMatch(
			/^is not valid JSON/
		);
		expect(
			parseStory('scratch', lesson, 'data/stories/scratch.json').problems.map(formatProblem)
		).toEqual(['data/stories/scratch.json: "scratch" is reserved for the deck kept in the URL']);
		expect(check((s) => (s.slides[0]!.chart = 'topic'))[0]).toContain(
			'slide 1, figure: a slide shows either one "figure" (a figure_id) or one "chart", not both or neither'
		);
		expect(check((s) => (s.slides[0]!.figrue = 'x'))[0]).toContain(
			'slide 1, figrue: is not a slide field'
		);
		expect(check((s) => (s.slides[0]!.takeaway = 'Two sentences. Not one.'))).toEqual([
			`${FILE}, slide 1, takeaway: is more than one sentence; a slide takes one`
		]);
		expect(check((s) => (s.slides = []))).toEqual([
			`${FILE}, slides: expected a list of 1 to 20 slides`
		]);
		expect(check((s) => delete s.title)).toEqual([
			`${FILE}, title: is missing or empty; expected text`
		]);
	});

	it('requires each story’s Spanish words, checked like the English', () => {
		expect(check((s) => delete s.slides[0]!.takeaway_es)).toEqual([
			`${FILE}, slide 1, takeaway_es: is missing or empty; expected text`
		]);
		expect(check((s) => delete s.summary_es)).toEqual([
			`${FILE}, summary_es: is missing or empty; expected text`
		]);
		expect(check((s) => (s.slides[0]!.takeaway_es = 'Unos 25 millones de personas.'))).toEqual([
			`${FILE}, slide 1, takeaway_es: states "25", which no figure of this slide states; take every number from a figure and name it in "figure" or "figures"`
		]);
		expect(check((s) => (s.slides[0]!.takeaway_es = 'Dos oraciones. Él lo dijo.'))).toEqual([
			`${FILE}, slide 1, takeaway_es: is more than one sentence; a slide takes one`
		]);
		const [emigrants, , returns] = ['a-emigrants', 'a-share', 'a-returns'].map((id) =>
			figures.find((f) => f.figure_id === id)!
		);
		// Spanish digits ("20.318", "2860") and scale words ("millones", "mil millones").
		expect(
			unsupportedNumbers(
				'Unos 20 millones, en 2006: 20.318 retornos.',
				[emigrants!, returns!],
				'es'
			)
		).toEqual([]);
		expect(unsupportedNumbers('2,5 mil millones y 13 %', [emigrants!], 'es')).toEqual([
			'2.5',
			'13',
			'billion'
		]);
		const story = validateStoriesDir(figures, 'tests/fixtures/stories/ok').stories[0]!;
		expect(storyWords(story, 'es').title).toBe('Una lección de prueba');
		expect(storyWords(story, 'en').title).toBe('A fixture lesson');
		expect(slideIn(story.slides[0]!, 'es')).toMatchObject({
			kind: 'figure',
			title: 'Emigrantes',
			takeaway: 'Unos 20 millones de personas vivían fuera de su país de nacimiento.'
		});
		expect(slideIn(story.slides[0]!, 'en').title).toBe('Emigrants');
	});

	it('says who said each figure and whom they credit, one passage per line', () => {
		const refs = sourceRefs(
			figures.filter((f) => f.figure_id.startsWith('a-returns')),
			new Map(fixture.documents.map((d) => [d.doc_id, d]))
		);
		expect(refs).toHaveLength(1);
		expect(refs[0]!.figures).toHaveLength(4);
		expect(sourceLine(refs[0]!)).toMatch(
			/^.+, line \d+ · .+ · (citing .+|no original source named)$/
		);
		const labels = compareSlideLabels([
			{ ...figures[0]!, figure_id: 'x', speaker: 'International Organization for Migration (IOM)' },
			{
				...figures[0]!,
				figure_id: 'y',
				speaker: 'International Organization for Migration (IOM)',
				line: 99
			}
		]);
		// A warning sign when the figure has one, the time it speaks of and how that is known.
		const head = `${figures[0]!.flag ? '⚠ ' : ''}${figures[0]!.geography} · ${refTimeText(figures[0]!)}`;
		expect(refTimeText(figures[0]!)).not.toBe('');
		expect([...labels.values()]).toEqual([
			`${head} · IOM · line ${figures[0]!.line}`,
			`${head} · IOM · line 99`
		]);
	});

	it('says a slide’s measure once: the subtitle has what the title does not', () => {
		const deck = deckData(figures, fixture.documents);
		const f = figures.find((x) => x.figure_id === 'a-returns')!;
		const where = `${f.geography}${refTimeText(f) ? `, ${refTimeText(f)}` : ''}`;
		// A scratch slide's title is the measure; it has no made-up takeaway.
		const picked = scratchStorySlide({ kind: 'figure', figure: f.figure_id }, deck);
		expect(picked).toMatchObject({ title: f.indicator, takeaway: '' });
		expect(slideSubtitle(picked, deck)).toBe(where);
		// A story's own title keeps the measure in the subtitle.
		const told = { ...picked, title: 'Who came back' };
		expect(slideSubtitle(told, deck)).toBe(`${f.indicator} — ${where}`);
		// Charts: what is counted and for which filters; a comparison's unit, its measure once.
		const counted = scratchStorySlide({ kind: 'chart', chart: 'doc', state: '' }, deck);
		expect(counted.takeaway).toBe('');
		expect(slideSubtitle(counted, deck)).toBe('Number of figures quoted');
		const state = new URLSearchParams({ indicator: f.indicator }).toString();
		const compare = scratchStorySlide({ kind: 'chart', chart: 'compare', state }, deck);
		expect(compare.title).toBe(f.indicator);
		expect(f.unit).toBe('persons');
		expect(slideSubtitle(compare, deck)).toBe('In persons');
		expect(slideSubtitle({ ...compare, title: 'Side by side' }, deck)).toBe(
			`${f.indicator}; in persons`
		);
	});

	it('passes on the shipped stories', () => {
		const data = validate({
			documentsCsv: readFileSync('data/documents.csv', 'utf8'),
			figuresCsv: readFileSync('data/figures.csv', 'utf8'),
			measuresCsv: readFileSync('data/measures.csv', 'utf8'),
			derivedCsv: readFileSync('data/derived.csv', 'utf8'),
			sources: null,
			countries: countryCodes()
		});
		const real = toSiteFigures(data.figures, data.documents);
		const r = validateStoriesDir(real);
		expect(r.problems.map(formatProblem)).toEqual([]);
		expect(r.stories.length).toBeGreaterThanOrEqual(3);
		for (const s of r.stories as Story[]) expect(s.slides.length).toBeGreaterThanOrEqual(5);
	});

	it('stops verify:data and build:data with the file and the missing id', () => {
		for (const script of ['scripts/verify-data.ts', 'scripts/build-data.ts']) {
			const r = spawnSync('npx', ['tsx', script], {
				env: { ...process.env, CIFRAS_STORIES: 'tests/fixtures/stories/missing-figure' },
				encoding: 'utf8'
			});
			expect(r.status, script).toBe(1);
			expect(r.stderr).toContain(
				'tests/fixtures/stories/missing-figure/lesson.json, slide 2, figure: "no-such-figure" is not a figure_id in data/figures.csv'
			);
		}
		// Two CLI runs (tsx starting, the data checked): 10–50 s on a busy two-core machine.
	}, 180_000);
});
