/**
 * The explorer's selection as plain data: the values chosen in each view (`views.ts`), the
 * search and the table's order. The crossfilter rule that turns it into filters is in
 * `queries/filters.ts` (`filtersFor`).
 */
import { m } from '$lib/paraglide/messages';
import { LIST_VIEWS, listView, type ListKey, type View } from './views';

/** `headline`: the editor's headline figures first (`data/headline.csv`), then source order. */
export type SortKey = 'doc_line' | 'headline' | 'value' | 'period' | 'indicator' | 'geography';
export const SORT_KEYS: readonly SortKey[] = [
	'doc_line',
	'headline',
	'value',
	'period',
	'indicator',
	'geography'
];

export type Selection = { [K in ListKey]: string[] } & {
	/** Inclusive reference-year range, or null for all years. */
	years: [number, number] | null;
	q: string;
	sort: SortKey;
	desc: boolean;
};

export type { View };

export const EMPTY_SELECTION: Selection = {
	topics: [],
	docs: [],
	geos: [],
	indicators: [],
	years: null,
	q: '',
	sort: 'doc_line',
	desc: false
};

export function toggle(list: string[], value: string): string[] {
	return list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort();
}

export function isEmpty(sel: Selection): boolean {
	return LIST_VIEWS.every((v) => !sel[v.list].length) && !sel.years && !sel.q.trim();
}

/** Clears one view's clause (its "clear" control). */
export function clearView(sel: Selection, view: View): Selection {
	if (view === 'year') return { ...sel, years: null };
	if (view === 'search') return { ...sel, q: '' };
	return { ...sel, [listView(view)!.list]: [] };
}

/** Clears every filter (Escape) but keeps the table's sort. */
export function clearAll(sel: Selection): Selection {
	return { ...EMPTY_SELECTION, sort: sel.sort, desc: sel.desc };
}

/** Display labels for the keys a selection holds, by list (indicators are their own labels). */
export type SelectionLabels = Partial<Record<ListKey, Record<string, string>>>;

/**
 * The selection in words, in the page's language: "topic: Remittances; years 1990–2001"
 * ("tema: Remesas; años 1990–2001"); empty when nothing is chosen.
 */
export function describeSelection(s: Selection, labels: SelectionLabels): string {
	const named = (keys: string[], l: Record<string, string> = {}) =>
		keys.map((k) => l[k] ?? k).join(', ');
	return [
		...LIST_VIEWS.map((v) =>
			s[v.list].length ? `${v.noun()}: ${named(s[v.list], labels[v.list])}` : ''
		),
		s.years ? m.explorer_describe_years({ from: s.years[0], to: s.years[1] }) : '',
		s.q.trim() ? m.explorer_describe_search({ q: s.q.trim() }) : ''
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
	for (const { list } of LIST_VIEWS) {
		const added = link[list].filter((v) => !drawnFrom[list].includes(v));
		const removed = new Set(drawnFrom[list].filter((v) => !link[list].includes(v)));
		if (!added.length && !removed.size) continue;
		out[list] = [...new Set([...current[list].filter((v) => !removed.has(v)), ...added])].sort();
	}
	for (const key of SCALAR_KEYS) {
		if (JSON.stringify(link[key]) !== JSON.stringify(drawnFrom[key]))
			(out as Record<keyof Selection, unknown>)[key] = link[key];
	}
	return out;
}

const SCALAR_KEYS = ['years', 'q', 'sort', 'desc'] as const;
