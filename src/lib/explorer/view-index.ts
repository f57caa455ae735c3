/**
 * A view's index: every answer the explorer needs for any choice of values in one view, asked
 * for once and then combined in the page without asking the engine again.
 *
 * A click on a bar changes only its own view's clause. The index for that view holds each
 * linked answer split by the view's values (`per`, see `describe.ts`): counts add up over the
 * chosen values (each figure has one list of topics, one document, one place and one
 * indicator, so the parts are apart even where a figure has two topics), the
 * table is the first rows of the chosen values merged in the one sort order, and a comparison
 * chart the first figures of each indicator among them. This is the idea of Mosaic's
 * pre-aggregated indexes and of Falcon's, which build such an index for the view the reader is
 * in and answer its brushes from it: here DuckDB-wasm builds it while the page is idle, so a
 * click costs no worker round trip (three statements take it about 20 ms even on 102 figures).
 * Only DuckDB-wasm builds them: it answers the explorer only at scale (see `answers.ts`).
 */
import type { CompareFigure, TableFigure } from '../data/site-table';
import type { Engine, ResultsOf } from '../db/engine';
import type { Selection, View } from '../state/selection';
import { LIST_VIEWS, type ListKey } from '../state/views';
import { selectionToSearch } from '../state/url';
import type { KeyCount, PeriodCount, Query, YearCount } from '../queries/describe';
import { CUBE_FIRST } from '../queries/plan';
import { explorerQueries, type ExplorerResult } from '../queries/explorer';
import type { PerField } from '../queries/describe';
import { valuesOf, type SetField } from '../queries/filters';

/** The views a click or a brush chooses in. */
export const INDEXED_VIEWS = [...LIST_VIEWS.map((v) => v.key), 'year'] as const;
export type IndexedView = (typeof INDEXED_VIEWS)[number];

const FIELD = {
	...Object.fromEntries(LIST_VIEWS.map((v) => [v.key, v.field])),
	// A year range chooses whole periods: a figure is in it when its period overlaps the range.
	year: 'period'
} as Record<IndexedView, PerField>;
/** The selection's clause each view chooses in. */
export const CHOSEN = {
	...Object.fromEntries(LIST_VIEWS.map((v) => [v.key, v.list])),
	year: 'years'
} as Record<IndexedView, ListKey | 'years'>;

/** Whether a part of the index (the figures of one `per` value) is chosen by the selection. */
function chosenBy(sel: Selection, view: IndexedView): (per: string | null | undefined) => boolean {
	if (view === 'year') {
		if (!sel.years) return () => true;
		const [from, to] = sel.years;
		// The same test as the engines' year filter: the period overlaps [from, to]; undated never.
		return (per) => {
			if (per == null) return false;
			// "start-end" as `perSql` writes it; a year may be negative ("-5--3").
			const m = /^(-?\d+)-(-?\d+)$/.exec(per);
			if (!m) return false;
			const start = Number(m[1]);
			const end = Number(m[2]);
			return start <= to && end >= from;
		};
	}
	const chosen: string[] = sel[CHOSEN[view] as ListKey];
	// No value chosen: the view does not filter, so every value's part counts.
	if (chosen.length === 0) return () => true;
	const set = new Set(chosen);
	const field = FIELD[view] as SetField;
	// A part of the topic view is a figure's whole list of topics: chosen when any is.
	return (per) => per != null && valuesOf(field, per).some((v) => set.has(v));
}

type Name = keyof ReturnType<typeof explorerQueries>;
/** The view whose selection each answer ignores (the crossfilter rule, `filtersFor`). */
const IGNORES: Record<Name, View | null> = {
	topics: 'topic',
	docs: 'doc',
	geos: 'geo',
	years: 'year',
	periods: 'year',
	undated: 'year',
	total: null,
	rows: null,
	cards: null,
	comparable: 'indicator',
	indicators: 'indicator'
};

/** The selection with the view's values left out: what the view's index depends on. */
const rest = (sel: Selection, view: IndexedView): Selection => ({
	...sel,
	[CHOSEN[view]]: view === 'year' ? null : []
});

/** Which index answers a selection for a view: the same for every choice of the view's values. */
export function indexKey(sel: Selection, view: IndexedView, tableLimit: number): string {
	return `${view}#${tableLimit}#${selectionToSearch(rest(sel, view))}`;
}

/** The queries of a view's index: the explorer's, split by the view's values where they depend on them. */
export function indexQueries(sel: Selection, view: IndexedView, tableLimit: number) {
	const queries: Record<string, Query> = { ...explorerQueries(rest(sel, view), tableLimit) };
	for (const [name, q] of Object.entries(queries))
		if (IGNORES[name as Name] !== view) queries[name] = { ...q, per: FIELD[view] };
	return queries as ReturnType<typeof explorerQueries>;
}

export interface ViewIndex {
	view: IndexedView;
	/** Rows per value, as many as the table shows. */
	rowLimit: number;
	/** Cards per value. */
	cardLimit: number;
	perIndicator: number;
	answers: ResultsOf<ReturnType<typeof explorerQueries>>;
}

/** Asks the engine for a view's index (three statements on DuckDB-wasm, like an update). */
export async function buildIndex(
	engine: Engine,
	sel: Selection,
	view: IndexedView,
	tableLimit: number
): Promise<ViewIndex> {
	const queries = indexQueries(sel, view, tableLimit);
	return {
		view,
		rowLimit: queries.rows.limit,
		cardLimit: queries.cards.limit,
		perIndicator: queries.comparable.perIndicator,
		answers: await engine.runAll(queries)
	};
}

type Tagged = { per?: string | null };

/** The explorer's answer for `sel`, which must have the index's key (`indexKey`) for its view. */
export function answerFromIndex(index: ViewIndex, sel: Selection): ExplorerResult {
	const { view, answers } = index;
	const chosen = chosenBy(sel, view);
	const counts = (r: Tagged) => chosen(r.per);
	const own = (name: Name) => IGNORES[name] === view;

	const byKey = (name: 'topics' | 'docs' | 'geos' | 'indicators'): KeyCount[] => {
		if (own(name)) return answers[name];
		const n = new Map<string, number>();
		// Every key of the table is listed (its pairs come with 0 where none match).
		for (const r of answers[name]) n.set(r.key, (n.get(r.key) ?? 0) + (counts(r) ? r.n : 0));
		return [...n]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([key, c]) => ({ key, n: c }));
	};
	const sum = (rows: KeyCount[]) => rows.reduce((s, r) => s + (counts(r) ? r.n : 0), 0);
	const years = (): YearCount[] => {
		if (own('years')) return answers.years;
		const n = new Map<number, { n: number; stated: number }>();
		for (const r of answers.years)
			if (counts(r)) {
				const t = n.get(r.year) ?? { n: 0, stated: 0 };
				t.n += r.n;
				t.stated += r.stated;
				n.set(r.year, t);
			}
		return [...n].sort((a, b) => a[0] - b[0]).map(([year, t]) => ({ year, ...t }));
	};
	const periods = (): PeriodCount[] => {
		if (own('periods')) return answers.periods;
		// A group's parts add up; its first figures are the first of the parts' first figures.
		const groups = new Map<string, PeriodCount>();
		for (const part of answers.periods)
			if (counts(part)) {
				const { per: _, ...r } = part;
				const key = `${r.ref_start}/${r.ref_end}/${r.period_basis}`;
				const g = groups.get(key);
				if (!g) groups.set(key, { ...r, first: [...r.first] });
				else {
					g.n += r.n;
					g.first = [...g.first, ...r.first].sort((a, b) => a - b).slice(0, CUBE_FIRST);
				}
			}
		return [...groups.values()].sort(
			(a, b) =>
				a.ref_start - b.ref_start ||
				a.ref_end - b.ref_end ||
				(a.period_basis < b.period_basis ? -1 : a.period_basis > b.period_basis ? 1 : 0)
		);
	};
	const untag = <T extends Tagged>({ per: _, ...row }: T) => row;

	const indicators = byKey('indicators');
	let comparable: CompareFigure[];
	if (own('comparable')) comparable = answers.comparable;
	else {
		// Per indicator, the first figures in source order among the chosen values, and only
		// indicators stated at least twice under the selection (the comparison charts' rule).
		const twice = new Set(indicators.filter((d) => d.n >= 2).map((d) => d.key));
		const candidates = (answers.comparable as (CompareFigure & Tagged)[]).filter(
			(r) => counts(r) && twice.has(r.indicator)
		);
		const firsts = new Map<string, number[]>();
		for (const r of candidates) {
			const list = firsts.get(r.indicator);
			if (list) list.push(r.source_order);
			else firsts.set(r.indicator, [r.source_order]);
		}
		const kept = new Set<number>();
		for (const list of firsts.values())
			for (const o of list.sort((a, b) => a - b).slice(0, index.perIndicator)) kept.add(o);
		comparable = candidates.filter((r) => kept.has(r.source_order)).map(untag);
	}

	return {
		topics: byKey('topics'),
		docs: byKey('docs'),
		geos: byKey('geos'),
		indicators,
		years: years(),
		periods: periods(),
		undated: own('undated') ? (answers.undated[0]?.n ?? 0) : sum(answers.undated),
		total: sum(answers.total),
		rows: (answers.rows as (TableFigure & Tagged)[])
			.filter(counts)
			.slice(0, index.rowLimit)
			.map(untag),
		cards: (answers.cards as (TableFigure & Tagged)[])
			.filter(counts)
			.slice(0, index.cardLimit)
			.map(untag),
		comparable
	};
}
