/**
 * The comparability rule: what a set of figures of one measure is. Two figures *disagree* when
 * they are about the same place and time and no value could satisfy both (respecting "about",
 * "more than", "at least" and ranges), or when a part exceeds its whole (a country above its
 * region, a few years above the whole period); they *change over time* when they are about the
 * same place at different times; they are *repeated* when the same number is stated again;
 * they are *consistent* when both can hold; otherwise (other places, other measures, separate
 * activities) they are *not comparable*. Pure: the same answer at build time and in the browser.
 * The rule and its tolerances are written out in `data/README.md`.
 */
import { FAMILY_RULES, type MeasureRow, type PeriodBasis } from './meaning';
import { isComparablePlace, placeContains } from './places';
import { periodBounds, type Qualifier, type Unit } from './schema';
import type { SiteDerived, SiteFigure } from './site-table';
import { interval, intervalsMeet, partFits } from './value-intervals';

export { ABOUT_TOLERANCE, interval, intervalsMeet, partFits, type Interval } from './value-intervals';

/**
 * A figure with no time in its text speaks as of its document, but what it measures may be a
 * year or two older (a 2002 speech quoting the 2000 census): it may refer to the document's
 * year or the two before. Ages and durations are as of the document exactly.
 */
export const DOCUMENT_DATE_LAG = 2;

/** A figure, printed or implied, with what the rule reads and who says so. */
export interface Comparable {
	id: string;
	/** Implied by the text (`data/derived.csv`), not printed. */
	derived: boolean;
	measure: string;
	kind: string;
	unit: Unit;
	qualifier: Qualifier;
	value: number | null;
	low: number | null;
	high: number | null;
	ref_period: string;
	period_basis: PeriodBasis;
	geo_code: string;
	doc_id: string;
	doc_short_title: string;
	line: number;
	speaker: string;
	attributed_to: string;
	/** The number as printed; for a derived figure, its arithmetic in printed words. */
	value_text: string;
}

type Shared = Omit<Comparable, 'id' | 'derived' | 'value_text'>;
const shared = (f: Shared): Shared => ({
	measure: f.measure,
	kind: f.kind,
	unit: f.unit,
	qualifier: f.qualifier,
	value: f.value,
	low: f.low,
	high: f.high,
	ref_period: f.ref_period,
	period_basis: f.period_basis,
	geo_code: f.geo_code,
	doc_id: f.doc_id,
	doc_short_title: f.doc_short_title,
	line: f.line,
	speaker: f.speaker,
	attributed_to: f.attributed_to
});

export const comparableFigure = (f: SiteFigure): Comparable => ({
	...shared(f),
	id: f.figure_id,
	derived: false,
	value_text: f.value_text
});

export const comparableDerived = (d: SiteDerived): Comparable => ({
	...shared(d),
	id: d.derived_id,
	derived: true,
	value_text: d.formula_text
});

export type MeasureIndex = ReadonlyMap<string, Pick<MeasureRow, 'per' | 'unit_family'>>;
export const measureIndex = (rows: readonly MeasureRow[]): MeasureIndex =>
	new Map(rows.map((m) => [m.measure, m]));

export type Relation = 'disagree' | 'over_time' | 'consistent' | 'repeated' | 'not_comparable';
export type Reason =
	| 'different_measure'
	| 'different_unit'
	| 'separate_activities'
	| 'place_not_stated'
	| 'different_place'
	| 'different_time'
	| 'same_place_and_time'
	| 'part_within_whole'
	| 'part_exceeds_whole';

export interface Pair {
	a: Comparable;
	b: Comparable;
	relation: Relation;
	reason: Reason;
}

interface Span {
	start: number;
	end: number;
	/** Dated only by its document: may be a little older than `end`. */
	lagged: boolean;
}

function span(f: Comparable): Span {
	const [start, end] = periodBounds(f.ref_period) ?? [0, 0];
	const lagged = f.period_basis === 'document_date' && f.kind !== 'duration';
	return { start: lagged ? end - DOCUMENT_DATE_LAG : start, end, lagged };
}

const sameTime = (a: Span, b: Span) =>
	(a.start === b.start && a.end === b.end) ||
	((a.lagged || b.lagged) && a.start <= b.end && b.start <= a.end);
const within = (inner: Span, outer: Span) =>
	inner.start >= outer.start && inner.end <= outer.end && !(inner.start === outer.start && inner.end === outer.end);

const sameNumbers = (a: Comparable, b: Comparable) =>
	a.value === b.value && a.low === b.low && a.high === b.high;

function ofValues(a: Comparable, b: Comparable): [Relation, Reason] {
	const meet = intervalsMeet(interval(a), interval(b));
	if (!meet) return ['disagree', 'same_place_and_time'];
	return [sameNumbers(a, b) ? 'repeated' : 'consistent', 'same_place_and_time'];
}

const ofParts = (part: Comparable, whole: Comparable): [Relation, Reason] =>
	partFits(interval(part), interval(whole))
		? ['consistent', 'part_within_whole']
		: ['disagree', 'part_exceeds_whole'];

/** How two figures stand to each other under the rule. */
export function relate(a: Comparable, b: Comparable, measures: MeasureIndex): Pair {
	const out = ([relation, reason]: [Relation, Reason]): Pair => ({ a, b, relation, reason });
	const m = measures.get(a.measure);
	if (a.measure !== b.measure || !m) return out(['not_comparable', 'different_measure']);
	if (a.unit !== b.unit) return out(['not_comparable', 'different_unit']);
	// Each activity's figure is about that activity alone: one seminar's participants say
	// nothing about another's.
	if (m.per === 'activity') return out(['not_comparable', 'separate_activities']);
	if (!isComparablePlace(a.geo_code) || !isComparablePlace(b.geo_code))
		return out(['not_comparable', 'place_not_stated']);
	const additive = FAMILY_RULES[m.unit_family].additive;
	const [sa, sb] = [span(a), span(b)];
	if (a.geo_code === b.geo_code) {
		if (sameTime(sa, sb)) return out(ofValues(a, b));
		// A total over a few years cannot exceed the total over a period that holds them.
		if (m.per === 'period' && additive) {
			if (within(sa, sb)) return out(ofParts(a, b));
			if (within(sb, sa)) return out(ofParts(b, a));
		}
		return out(['over_time', 'different_time']);
	}
	const [part, whole] = placeContains(a.geo_code, b.geo_code)
		? [b, a]
		: placeContains(b.geo_code, a.geo_code)
			? [a, b]
			: [null, null];
	if (!part || !whole || !additive) return out(['not_comparable', 'different_place']);
	const [sp, sw] = [span(part), span(whole)];
	if (sameTime(sp, sw) || (m.per === 'period' && within(sp, sw))) return out(ofParts(part, whole));
	return out(['not_comparable', 'different_time']);
}

/** Figures that state the same number for the same place and time: one side of a conflict. */
export type Side = Comparable[];

export interface Conflict {
	sides: [Side, Side];
	reason: 'same_place_and_time' | 'part_exceeds_whole';
}

/** One place's figures at different times, in time order: a series, not a conflict. */
export interface Series {
	geo_code: string;
	figures: Comparable[];
}

export interface SetVerdict {
	measure: string;
	/** The strongest relation among the pairs, in the order of `RELATIONS`. */
	verdict: Relation;
	figures: Comparable[];
	pairs: Pair[];
	conflicts: Conflict[];
	series: Series[];
}

/** Relations from strongest to weakest: a set with one conflict is a disagreement. */
export const RELATIONS: readonly Relation[] = ['disagree', 'over_time', 'consistent', 'repeated', 'not_comparable'];

const byStart = (x: Comparable, y: Comparable) => {
	const [sx, sy] = [span(x), span(y)];
	return sx.start - sy.start || sx.end - sy.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
};

/** What a set of figures of one measure is, with each conflict's sides and each place's series. */
export function compareSet(figures: readonly Comparable[], measures: MeasureIndex): SetVerdict {
	const pairs: Pair[] = [];
	for (let i = 0; i < figures.length; i++)
		for (let j = i + 1; j < figures.length; j++) pairs.push(relate(figures[i]!, figures[j]!, measures));
	const verdict = RELATIONS.find((r) => pairs.some((p) => p.relation === r)) ?? 'not_comparable';

	// Sides: figures joined by "repeated" state one number, so they stand on one side together.
	const side = new Map<string, string>(figures.map((f) => [f.id, f.id]));
	const root = (id: string): string => (side.get(id) === id ? id : root(side.get(id)!));
	for (const p of pairs) if (p.relation === 'repeated') side.set(root(p.b.id), root(p.a.id));
	const members = (id: string) => figures.filter((f) => root(f.id) === root(id)).sort(byStart);
	const seen = new Set<string>();
	const conflicts: Conflict[] = [];
	for (const p of pairs) {
		if (p.relation !== 'disagree') continue;
		const [ra, rb] = [root(p.a.id), root(p.b.id)].sort();
		if (seen.has(`${ra}|${rb}`)) continue;
		seen.add(`${ra}|${rb}`);
		conflicts.push({ sides: [members(ra!), members(rb!)], reason: p.reason as Conflict['reason'] });
	}

	const series: Series[] = [];
	for (const geo of [...new Set(figures.map((f) => f.geo_code))].sort()) {
		const here = pairs.filter((p) => p.relation === 'over_time' && p.a.geo_code === geo);
		if (!here.length) continue;
		const ids = new Set(here.flatMap((p) => [p.a.id, p.b.id]));
		series.push({ geo_code: geo, figures: figures.filter((f) => ids.has(f.id)).sort(byStart) });
	}
	return { measure: figures[0]?.measure ?? '', verdict, figures: [...figures], pairs, conflicts, series };
}

/** Every measure stated by two or more figures, disagreements first, then by measure. */
export function compareMeasures(figures: readonly Comparable[], measures: MeasureIndex): SetVerdict[] {
	const groups = new Map<string, Comparable[]>();
	for (const f of figures) groups.set(f.measure, [...(groups.get(f.measure) ?? []), f]);
	return [...groups.values()]
		.filter((g) => g.length > 1)
		.map((g) => compareSet(g, measures))
		.sort(
			(x, y) =>
				RELATIONS.indexOf(x.verdict) - RELATIONS.indexOf(y.verdict) ||
				(x.measure < y.measure ? -1 : x.measure > y.measure ? 1 : 0)
		);
}

/** Who says so on one side: its documents, speakers, whom they credit and the numbers as printed. */
export function whoSays(side: readonly Comparable[]) {
	const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];
	return {
		documents: unique(side.map((f) => f.doc_short_title)),
		speakers: unique(side.map((f) => f.speaker)),
		credited: unique(side.map((f) => f.attributed_to)),
		values: unique(side.map((f) => f.value_text))
	};
}
