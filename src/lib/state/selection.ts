/**
 * The explorer's selection as plain data, and the crossfilter rule: each view is filtered by
 * every clause but its own, so it keeps showing what else could be chosen (as in Mosaic).
 */
import type { SortKey } from '../queries/describe';
import type { Filter } from '../queries/filters';

export interface Selection {
	topics: string[];
	docs: string[];
	geos: string[];
	indicators: string[];
	/** Inclusive reference-year range, or null for all years. */
	years: [number, number] | null;
	q: string;
	sort: SortKey;
	desc: boolean;
	/** `instant` keeps the instant engine and never loads DuckDB-wasm (reduced mode, benchmarks). */
	engine: 'auto' | 'instant';
	/** Rows of synthetic data to explore instead of the curated figures (0 = the real data). */
	synthetic: number;
}

export type View = 'topic' | 'doc' | 'geo' | 'indicator' | 'year' | 'search';

export const EMPTY_SELECTION: Selection = {
	topics: [],
	docs: [],
	geos: [],
	indicators: [],
	years: null,
	q: '',
	sort: 'doc_line',
	desc: false,
	engine: 'auto',
	synthetic: 0
};

/** The filters a view sees: every clause of the selection except the view's own. */
export function filtersFor(sel: Selection, except?: View): Filter[] {
	const out: Filter[] = [];
	if (except !== 'topic' && sel.topics.length)
		out.push({ kind: 'in', field: 'topic', values: sel.topics });
	if (except !== 'doc' && sel.docs.length)
		out.push({ kind: 'in', field: 'doc_id', values: sel.docs });
	if (except !== 'geo' && sel.geos.length)
		out.push({ kind: 'in', field: 'geo_code', values: sel.geos });
	if (except !== 'indicator' && sel.indicators.length)
		out.push({ kind: 'in', field: 'indicator', values: sel.indicators });
	if (except !== 'year' && sel.years)
		out.push({ kind: 'years', from: sel.years[0], to: sel.years[1] });
	if (except !== 'search' && sel.q.trim()) out.push({ kind: 'search', text: sel.q });
	return out;
}

export function toggle(list: string[], value: string): string[] {
	return list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort();
}

export function isEmpty(sel: Selection): boolean {
	return (
		!sel.topics.length &&
		!sel.docs.length &&
		!sel.geos.length &&
		!sel.indicators.length &&
		!sel.years &&
		!sel.q.trim()
	);
}

/** Clears one view's clause (its "clear" control). */
export function clearView(sel: Selection, view: View): Selection {
	switch (view) {
		case 'topic':
			return { ...sel, topics: [] };
		case 'doc':
			return { ...sel, docs: [] };
		case 'geo':
			return { ...sel, geos: [] };
		case 'indicator':
			return { ...sel, indicators: [] };
		case 'year':
			return { ...sel, years: null };
		case 'search':
			return { ...sel, q: '' };
	}
}

/** Clears every filter (Escape) but keeps the table's sort and the data and engine chosen. */
export function clearAll(sel: Selection): Selection {
	return {
		...EMPTY_SELECTION,
		sort: sel.sort,
		desc: sel.desc,
		engine: sel.engine,
		synthetic: sel.synthetic
	};
}

/** Display labels for the keys a selection holds. */
export interface SelectionLabels {
	topics: Record<string, string>;
	docs: Record<string, string>;
	geos: Record<string, string>;
}

/** The selection in words: "topic: Remittances; years 1990–2001"; empty when nothing is chosen. */
export function describeSelection(s: Selection, labels: SelectionLabels): string {
	const named = (keys: string[], l: Record<string, string>) =>
		keys.map((k) => l[k] ?? k).join(', ');
	return [
		s.topics.length ? `topic: ${named(s.topics, labels.topics)}` : '',
		s.docs.length ? `document: ${named(s.docs, labels.docs)}` : '',
		s.geos.length ? `place: ${named(s.geos, labels.geos)}` : '',
		s.indicators.length ? `indicator: ${s.indicators.join(', ')}` : '',
		s.years ? `years ${s.years[0]}–${s.years[1]}` : '',
		s.q.trim() ? `search “${s.q.trim()}”` : ''
	]
		.filter(Boolean)
		.join('; ');
}

/**
 * The view a link leads to, applied to the address as it is now. Links are drawn from the view
 * on screen, which is a moment behind the address while an answer is on its way (a search just
 * applied, a click just made): the link's change is carried over, and what it did not change
 * comes from the address, so nothing chosen meanwhile is lost. A list's change is what the link
 * adds and takes away (two quick clicks on two bars choose both). "Clear all" is not a link
 * to rebase: it clears the address as it is (`clearAll`).
 */
export function rebase(link: Selection, drawnFrom: Selection, current: Selection): Selection {
	const out = { ...current };
	for (const key of LIST_KEYS) {
		const added = link[key].filter((v) => !drawnFrom[key].includes(v));
		const removed = new Set(drawnFrom[key].filter((v) => !link[key].includes(v)));
		if (!added.length && !removed.size) continue;
		out[key] = [...new Set([...current[key].filter((v) => !removed.has(v)), ...added])].sort();
	}
	for (const key of SCALAR_KEYS) {
		if (JSON.stringify(link[key]) !== JSON.stringify(drawnFrom[key]))
			(out as Record<keyof Selection, unknown>)[key] = link[key];
	}
	return out;
}

const LIST_KEYS = ['topics', 'docs', 'geos', 'indicators'] as const;
const SCALAR_KEYS = ['years', 'q', 'sort', 'desc', 'engine', 'synthetic'] as const;
