/**
 * What a slide shows, resolved against the figures table: the selection a chart slide draws, the
 * figures a slide cites and their sources, grouped by document for the source line.
 */
import { flagsOf, refTimeText } from '../data/figure-words';
import { type DocumentRow, type Unit } from '../data/schema';
import { topicLabels } from '../data/labels';
import type { SiteFigure } from '../data/site-table';
import { InstantEngine } from '../db/instant';
import { COMPARE_LIMIT } from '../queries/limits';
import { geoNames, knownValues } from '../state/known';
import { CHART_VIEW, embedTitle } from '../state/views';
import { filtersFor } from '../queries/filters';
import { describeSelection, type Selection, type SelectionLabels } from '../state/selection';
import { parseSelection, type KnownValues } from '../state/url';
import type { ScratchSlide } from './scratch';
import type { SlideChart, StorySlide } from './story';
import { m } from '$lib/paraglide/messages';

export interface StoryContext {
	byId: ReadonlyMap<string, SiteFigure>;
	known: KnownValues;
	engine: InstantEngine;
}

export function storyContext(figures: SiteFigure[]): StoryContext {
	return {
		byId: new Map(figures.map((f) => [f.figure_id, f])),
		known: knownValues(figures),
		engine: new InstantEngine(figures)
	};
}

/** Parameters that change how the explorer runs, not what it shows: meaningless on a slide. */
const NOT_ON_A_SLIDE = ['engine', 'synthetic', 'sort', 'desc'];

/** The selection a chart slide shows, and what of its state could not be used. */
export function chartSelection(
	state: string,
	known: KnownValues
): { selection: Selection; ignored: string[] } {
	const params = new URLSearchParams(state);
	const parsed = parseSelection(params, known);
	const ignored = [...parsed.ignored];
	for (const p of NOT_ON_A_SLIDE)
		if (params.has(p)) ignored.push(`"${p}" has no meaning on a slide`);
	return { selection: parsed.selection, ignored };
}

/** A compare slide's figures: its one indicator under the state's filters, in source order. */
export function compareFigures(engine: InstantEngine, sel: Selection): SiteFigure[] {
	if (sel.indicators.length !== 1) return [];
	return engine.runSync({
		kind: 'rows',
		filters: filtersFor(sel),
		sort: 'doc_line',
		descending: false,
		limit: COMPARE_LIMIT
	}) as SiteFigure[];
}

/** The figures a slide cites: its big number or its comparison, and any it names in `figures`. */
export function slideFigureIds(slide: StorySlide, ctx: StoryContext): string[] {
	const ids = slide.kind === 'figure' ? [slide.figure, ...slide.figures] : [...slide.figures];
	if (slide.kind === 'chart' && slide.chart === 'compare') {
		const { selection } = chartSelection(slide.state, ctx.known);
		ids.push(...compareFigures(ctx.engine, selection).map((f) => f.figure_id));
	}
	return [...new Set(ids)];
}

/** One quoted passage behind a slide: a document's line, who spoke there and whom they credited. */
export interface SourceRef {
	document: DocumentRow;
	line: number;
	speakers: string[];
	attributed: string[];
	figures: SiteFigure[];
}

/** The cited figures grouped by passage (document and line), in the order they are cited. */
export function sourceRefs(
	figures: readonly SiteFigure[],
	documents: ReadonlyMap<string, DocumentRow>
): SourceRef[] {
	const refs = new Map<string, SourceRef>();
	for (const f of figures) {
		const document = documents.get(f.doc_id);
		if (!document) continue;
		const key = `${f.doc_id}\u0000${f.line}`;
		const ref = refs.get(key) ?? {
			document,
			line: f.line,
			speakers: [],
			attributed: [],
			figures: []
		};
		refs.set(key, ref);
		if (f.speaker && !ref.speakers.includes(f.speaker)) ref.speakers.push(f.speaker);
		if (f.attributed_to && !ref.attributed.includes(f.attributed_to))
			ref.attributed.push(f.attributed_to);
		ref.figures.push(f);
	}
	return [...refs.values()];
}

/** Names in a sentence, in the page's language: "A", "A and B", "A, B and C". */
const list = (xs: readonly string[]) =>
	xs.length <= 1
		? (xs[0] ?? '')
		: m.present_list_and({ first: xs.slice(0, -1).join(', '), last: xs.at(-1)! });

/**
 * A passage as the slide's source line: "Hemispheric Conference 2002, line 489 · Ricardo Infante
 * (ILO) · no original source named".
 */
export function sourceLine(ref: SourceRef): string {
	return [
		m.present_source_line_at({ document: ref.document.short_title, line: ref.line }),
		ref.speakers.length ? list(ref.speakers) : m.present_speaker_not_named(),
		ref.attributed.length
			? m.present_citing({ sources: list(ref.attributed) })
			: m.present_no_original_source()
	].join(' · ');
}

/** A chart slide's title when it has no author (a scratch slide), in the page's language: the
 * explorer's title of the chart ("Figures by topic"), or the comparisons' heading. */
export function chartTitle(chart: SlideChart): string {
	return chart === 'compare' ? m.present_chart_compare() : embedTitle(chart);
}

/**
 * A slide picked with "Present this" has no author: its title names what it shows (the
 * figure's measure, the chart), its subtitle the rest (`slideSubtitle`), and it has no
 * takeaway: a sentence made up from the data would only repeat them.
 */
export function scratchStorySlide(s: ScratchSlide, ctx: StoryContext): StorySlide {
	if (s.kind === 'figure')
		return {
			kind: 'figure',
			figure: s.figure,
			figures: [],
			showNote: false,
			title: ctx.byId.get(s.figure)?.indicator ?? s.figure,
			takeaway: ''
		};
	const { selection } = chartSelection(s.state, ctx.known);
	const compare = s.chart === 'compare';
	return {
		kind: 'chart',
		chart: s.chart,
		state: s.state,
		figures: [],
		title: compare ? (selection.indicators[0] ?? chartTitle('compare')) : chartTitle(s.chart),
		takeaway: ''
	};
}

/** A unit as a subtitle names it: "in persons", "in US dollars" (message functions, called when drawn). */
const UNIT_NAMES: Record<Unit, () => string> = {
	persons: m.present_unit_persons,
	usd: m.present_unit_usd,
	percent: m.present_unit_percent,
	count: m.present_unit_count,
	countries: m.present_unit_countries,
	households: m.present_unit_households,
	years: m.present_unit_years,
	months: m.present_unit_months
};
const unitName = (u: string) => (u in UNIT_NAMES ? UNIT_NAMES[u as Unit]() : u);

/** Whether a title already says `measure` (case aside), so the subtitle need not repeat it. */
const says = (title: string, measure: string) =>
	title.toLocaleLowerCase('en').includes(measure.toLocaleLowerCase('en'));

/**
 * The line under a slide's title: what the title does not already say. For a big number, its
 * place and time (and its measure, when the title is a story's own words); for a comparison,
 * its unit and filters; for a count chart, that it counts figures and for which filters.
 */
export function slideSubtitle(slide: StorySlide, deck: DeckData): string {
	if (slide.kind === 'figure') {
		const f = deck.byId.get(slide.figure);
		if (!f) return '';
		const when = refTimeText(f);
		const where = `${f.geography}${when ? `, ${when}` : ''}`;
		return says(slide.title, f.indicator) ? where : `${f.indicator} — ${where}`;
	}
	const { selection } = chartSelection(slide.state, deck.known);
	if (slide.chart !== 'compare') {
		const filters = describeSelection(selection, deck.labels);
		return `${m.present_figures_quoted()}${filters ? `; ${filters}` : ''}`;
	}
	const [measure] = selection.indicators;
	const filters = describeSelection({ ...selection, indicators: [] }, deck.labels);
	const units = [...new Set(compareFigures(deck.engine, selection).map((f) => f.unit))];
	const line = [
		measure && !says(slide.title, measure) ? measure : '',
		units.length ? m.present_in_units({ units: list(units.map(unitName)) }) : '',
		filters
	]
		.filter(Boolean)
		.join('; ');
	return line.charAt(0).toLocaleUpperCase() + line.slice(1);
}

/**
 * Row labels for a comparison on a slide: place · period · who said it (the source line below
 * names the document and line), made unique with the line when two would read the same.
 */
export function compareSlideLabels(figures: readonly SiteFigure[]): Map<string, string> {
	const who = (f: SiteFigure) => {
		const m = /^(.*?)\s*\((.*)\)$/.exec(f.speaker);
		const name = m?.[1] ?? f.speaker;
		// An organisation's long name gives way to its acronym: "International Organization for Migration (IOM)".
		if (m && name.length > 24 && /^[A-Z]{2,6}$/.test(m[2] ?? '')) return m[2]!;
		return name || f.doc_short_title;
	};
	const base = figures.map(
		(f) =>
			`${flagsOf(f).length ? '⚠ ' : ''}${f.geography} · ${refTimeText(f) || f.period || m.present_no_time_stated()} · ${who(f)}`
	);
	return new Map(
		figures.map((f, i) => [
			f.figure_id,
			base.indexOf(base[i]!) === base.lastIndexOf(base[i]!)
				? base[i]!
				: `${base[i]} · ${m.present_label_line({ line: f.line })}`
		])
	);
}

/** Everything a deck looks up, built once from the served tables. */
export interface DeckData extends StoryContext {
	figures: SiteFigure[];
	documents: ReadonlyMap<string, DocumentRow>;
	/** Documents in their order in the data, for the document chart. */
	docOrder: string[];
	labels: Required<Pick<SelectionLabels, 'topics' | 'docs' | 'geos'>>;
}

export function deckData(figures: SiteFigure[], documents: DocumentRow[]): DeckData {
	return {
		...storyContext(figures),
		figures,
		documents: new Map(documents.map((d) => [d.doc_id, d])),
		docOrder: documents.map((d) => d.doc_id),
		labels: {
			topics: topicLabels(),
			docs: Object.fromEntries(documents.map((d) => [d.doc_id, d.short_title])),
			geos: geoNames(figures)
		}
	};
}

/** The documents whose figures a count chart counts, in the data's document order. */
export function countedDocuments(
	chart: Exclude<SlideChart, 'compare'>,
	sel: Selection,
	deck: DeckData
): DocumentRow[] {
	const counts = deck.engine.runSync({
		kind: 'countBy',
		field: 'doc_id',
		filters: filtersFor(sel, CHART_VIEW[chart])
	}) as { key: string; n: number }[];
	const used = new Set(counts.filter((c) => c.n > 0).map((c) => c.key));
	return deck.docOrder.filter((id) => used.has(id)).flatMap((id) => deck.documents.get(id) ?? []);
}
