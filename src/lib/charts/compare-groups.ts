/**
 * Groups comparable figures by indicator (a measure's label), one panel per unit (units are never
 * put on one axis, nor converted), and says what each set is under the comparability rule
 * (`data/comparability.ts`): figures that disagree, a change over time, figures that can all
 * hold, one number repeated, or figures that do not compare (other places, separate
 * activities). Numbers the text implies (`derived.csv`) join their measure's card, drawn apart.
 * Cards come as the section promises: the chosen indicators, then disagreements, then changes
 * over time, then the rest.
 */
import {
	compareSet,
	measureIndex,
	RELATIONS,
	whoSays,
	type Comparable,
	type Conflict,
	type MeasureIndex,
	type Relation,
	type Series
} from '../data/comparability';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatFigure } from '../data/format';
import { DERIVED } from '../data/generated/derived';
import { DERIVED as DERIVED_ES } from '../data/generated/es/derived';
import { MEASURES } from '../data/generated/measures';
import type { PeriodBasis } from '../data/meaning';
import type { Qualifier, Unit } from '../data/schema';
import type { CompareFigure, SiteDerived } from '../data/site-table';

/** A mark of a comparison chart: a printed figure, or a number the text implies (`derived`). */
export type CompareMark = CompareFigure & { derived?: boolean };

/** One unit's figures of an indicator: one chart, one axis. */
export interface ComparePanel {
	unit: string;
	figures: CompareMark[];
}

export interface CompareGroup {
	/** The indicator: one card each. */
	key: string;
	indicator: string;
	/** In the order the units come (the comparable query sorts by unit). */
	panels: ComparePanel[];
	/** Every panel's figures, in order, implied ones included. */
	figures: CompareMark[];
	/** What the set is under the comparability rule. */
	verdict: Relation;
	/** Each disagreement's two sides, with who says so on each. */
	conflicts: Conflict[];
	/** Each place's figures at different times, in time order. */
	series: Series[];
	/** Chosen in the selection (the section is the indicator view). */
	selected: boolean;
	/** Printed figures of this indicator under the filters, in every unit; more than shown when capped. */
	indicatorTotal: number;
}

/** What the rule reads, and the implied numbers that may join a card. */
export interface Meaning {
	measures: MeasureIndex;
	derived: readonly SiteDerived[];
}

/** The built measures and implied numbers, as the site serves them. */
export const SITE_MEANING: Meaning = { measures: measureIndex(MEASURES), derived: DERIVED };
/**
 * The same for an edition: the implied numbers with their places and documents' titles in its
 * language, beside the printed figures of the same edition (the rule reads ids and codes, the
 * same in both).
 */
const EDITION_MEANING: Record<Locale, Meaning> = {
	en: SITE_MEANING,
	es: { measures: SITE_MEANING.measures, derived: DERIVED_ES }
};
export const editionMeaning = (locale: Locale): Meaning => EDITION_MEANING[locale];

const LABEL_OF = new Map(MEASURES.map((m) => [m.measure, m.label]));

/** An implied number as a chart's mark: no quote and no page of its own; its arithmetic as printed. */
export function derivedMark(
	d: SiteDerived,
	indicator = LABEL_OF.get(d.measure) ?? d.measure
): CompareMark {
	return {
		figure_id: d.derived_id,
		doc_id: d.doc_id,
		line: d.line,
		quote: '',
		value: d.value,
		low: d.low,
		high: d.high,
		qualifier: d.qualifier,
		unit: d.unit,
		period: d.ref_period,
		period_start: d.ref_start,
		ref_period: d.ref_period,
		ref_start: d.ref_start,
		period_basis: d.period_basis,
		geography: d.geography,
		geo_code: d.geo_code,
		indicator,
		measure: d.measure,
		kind: d.kind,
		speaker: d.speaker,
		attributed_to: d.attributed_to,
		flag: '',
		flag_note: '',
		doc_short_title: d.doc_short_title,
		// After every printed figure of its document: it follows them in a card.
		source_order: Number.MAX_SAFE_INTEGER,
		value_text: d.formula_text,
		derived: true
	};
}

/** What the rule reads of a mark. */
const comparable = (f: CompareMark): Comparable => ({
	id: f.figure_id,
	derived: !!f.derived,
	measure: f.measure,
	kind: f.kind,
	unit: f.unit as Unit,
	qualifier: f.qualifier as Qualifier,
	value: f.value,
	low: f.low,
	high: f.high,
	ref_period: f.ref_period,
	period_basis: f.period_basis as PeriodBasis,
	geo_code: f.geo_code,
	doc_id: f.doc_id,
	doc_short_title: f.doc_short_title,
	line: f.line,
	speaker: f.speaker,
	attributed_to: f.attributed_to,
	value_text: f.value_text
});

/**
 * @param totals figures per indicator under the same filters (the comparable query is capped
 *   per indicator, so a chart can say how many it leaves out)
 * @param selected the selection's indicators: their cards come first
 * @param meaning the measures the rule reads and the implied numbers; an implied number joins
 *   the card of its measure whenever that card is shown
 */
export function groupComparable(
	rows: readonly CompareFigure[],
	totals: ReadonlyMap<string, number> = new Map(),
	selected: readonly string[] = [],
	meaning: Meaning = editionMeaning(getLocale())
): CompareGroup[] {
	const byIndicator = new Map<string, CompareMark[]>();
	for (const f of rows) {
		const list = byIndicator.get(f.indicator);
		if (list) list.push(f);
		else byIndicator.set(f.indicator, [f]);
	}
	const chosen = new Set(selected);
	return [...byIndicator]
		.filter(([, printed]) => printed.length >= 2)
		.map(([indicator, printed]): CompareGroup => {
			const measure = printed.find((f) => f.measure)?.measure;
			const implied = meaning.derived
				.filter((d) => measure && d.measure === measure)
				.map((d) => derivedMark(d, indicator));
			const figures = [...printed, ...implied];
			const units = new Map<string, CompareMark[]>();
			for (const f of figures) {
				const list = units.get(f.unit);
				if (list) list.push(f);
				else units.set(f.unit, [f]);
			}
			// The rule reads the curated figures only: a reader's own rows have no measure.
			const set = compareSet(figures.filter((f) => f.measure).map(comparable), meaning.measures);
			return {
				key: indicator,
				indicator,
				panels: [...units].map(([unit, list]) => ({ unit, figures: list })),
				figures: [...units.values()].flat(),
				verdict: set.figures.length >= 2 ? set.verdict : 'not_comparable',
				conflicts: set.conflicts,
				series: set.series,
				selected: chosen.has(indicator),
				indicatorTotal: Math.max(totals.get(indicator) ?? 0, printed.length)
			};
		})
		.sort(
			(a, b) =>
				Number(b.selected) - Number(a.selected) ||
				RELATIONS.indexOf(a.verdict) - RELATIONS.indexOf(b.verdict) ||
				b.figures.length - a.figures.length ||
				(a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0)
		);
}

/** How many groups there are, and how many of each verdict: the section's summary line. */
export function compareSummary(groups: readonly CompareGroup[]): Record<Relation, number> & {
	indicators: number;
} {
	const out = { indicators: groups.length } as Record<Relation, number> & { indicators: number };
	for (const r of RELATIONS) out[r] = groups.filter((g) => g.verdict === r).length;
	return out;
}

/** The words a unit is shown with under a card's title (messages, read when drawn). */
const UNIT_SUBTITLES: Record<string, () => string> = {
	persons: m.charts_unit_persons,
	count: m.charts_unit_count,
	countries: m.charts_unit_countries,
	households: m.charts_unit_households,
	percent: m.charts_unit_percent,
	usd: m.charts_unit_usd,
	years: m.charts_unit_years,
	months: m.charts_unit_months
};

/** A unit as a word in a sentence: its code in English ("persons", "usd"), a noun in Spanish. */
const UNIT_WORDS: Record<string, () => string> = {
	persons: m.charts_unit_word_persons,
	count: m.charts_unit_word_count,
	countries: m.charts_unit_word_countries,
	households: m.charts_unit_word_households,
	percent: m.charts_unit_word_percent,
	usd: m.charts_unit_word_usd,
	years: m.charts_unit_word_years,
	months: m.charts_unit_word_months
};

/** A card's subtitle for its one unit: "Number of persons", "Percent". */
export function unitSubtitle(unit: string): string {
	return UNIT_SUBTITLES[unit]?.() ?? m.charts_unit_other({ unit: unitWord(unit) });
}

/** A unit in a sentence or a panel's heading: "persons", "personas" (an unknown one as it is). */
export function unitWord(unit: string): string {
	return UNIT_WORDS[unit]?.() ?? unit;
}

/** The heading of one unit's panel in a card of several: "In persons", "En personas". */
export function unitHeading(unit: string): string {
	return m.charts_unit_other({ unit: unitWord(unit) });
}

/** The card's badge: what the set is, in words. */
export function verdictText(g: Pick<CompareGroup, 'verdict' | 'conflicts'>): string {
	switch (g.verdict) {
		case 'disagree':
			// Sides from two documents, or two passages of one.
			return g.conflicts.some(
				(c) =>
					new Set(c.sides.flatMap((s) => s.map((f) => f.doc_id))).size > 1 ||
					c.sides[0].some((f) => c.sides[1].some((o) => o.speaker !== f.speaker))
			)
				? m.charts_verdict_sources_disagree()
				: m.charts_verdict_figures_disagree();
		case 'over_time':
			return m.charts_verdict_over_time();
		case 'consistent':
			return m.charts_verdict_consistent();
		case 'repeated':
			return m.charts_verdict_repeated();
		case 'not_comparable':
			return m.charts_verdict_not_comparable();
	}
}

/** One side of a conflict in words: its numbers, then where and who says so. */
function sideText(side: readonly Comparable[]): string {
	const who = whoSays(side);
	const numbers = side
		.map((f) =>
			f.derived
				? m.charts_side_implied({ figure: formatFigure(f), formula: f.value_text })
				: formatFigure(f)
		)
		.filter((t, i, all) => all.indexOf(t) === i)
		.join(` ${m.charts_and()} `);
	const sayers = who.speakers.length ? who.speakers.join('; ') : m.charts_no_speaker();
	const credited = who.credited.length
		? `, ${m.charts_citing({ who: who.credited.join('; ') })}`
		: '';
	const where = side
		.map((f) => m.charts_doc_line({ doc: f.doc_short_title, line: f.line }))
		.filter((t, i, all) => all.indexOf(t) === i)
		.join('; ');
	return `${numbers} (${sayers}${credited}; ${where})`;
}

/** A disagreement in one sentence that names both sides. */
export function conflictText(c: Conflict): string {
	const [a, b] = c.sides;
	return c.reason === 'part_exceeds_whole'
		? m.charts_conflict_part({ a: sideText(a), b: sideText(b) })
		: m.charts_conflict_against({ a: sideText(a), b: sideText(b) });
}
