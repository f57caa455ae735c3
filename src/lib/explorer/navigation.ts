/**
 * The explorer's rules for the address, as pure functions: which history entry a search
 * keystroke or a key on the timeline's years adds or replaces, where a clicked link leads when
 * the address has moved on since the screen was drawn, and what Escape does. `ExplorerState`
 * applies them; they are tested without a browser (tests/unit/navigation.test.ts).
 */
import { clearAll, isEmpty, rebase, type Selection } from '../state/selection';
import {
	parseSelection,
	selectionToSearch,
	type BenchSwitch,
	type KnownValues
} from '../state/url';
import { viewHref } from '../state/links';

export interface SearchStep {
	/** The address the search leads to. */
	url: string;
	/** Replace the current history entry (the search's own, made by its first keystroke). */
	replace: boolean;
}

/**
 * Where applying a typed search leads. The first keystroke of a search adds a history entry
 * and the next ones (erasing too) replace it, so Back returns to the view before the search
 * rather than to each letter: `searchEntry` is the address that search last went to.
 * Null when the search changes nothing (blank space typed): the view stays and so does the box.
 * @param from the selection of the address as it is or is about to be (not the view on screen)
 */
export function searchStep(
	base: string,
	from: Selection,
	bench: BenchSwitch,
	text: string,
	searchEntry: string
): SearchStep | null {
	const here = viewHref(base, from, bench);
	const url = viewHref(base, { ...from, q: text }, bench);
	if (url === here) return null;
	return { url, replace: here === searchEntry };
}

/**
 * Where a clicked link to another view leads. Links are drawn from the view on screen, which
 * is a moment behind the address while an answer is on its way: the link's change is carried
 * over to the address as it is now (`rebase`), and "Clear all" clears that address.
 * @param drawnFrom the selection the screen (and so the link) was drawn from
 * @param now the selection of the address as it is or is about to be
 */
export function linkTarget(
	link: URL,
	drawnFrom: Selection,
	now: Selection,
	known: KnownValues,
	bench: BenchSwitch,
	base: string,
	clearsAll: boolean
): string {
	if (clearsAll) return viewHref(base, clearAll(now), bench);
	if (selectionToSearch(now) === selectionToSearch(drawnFrom)) return link.pathname + link.search;
	const next = parseSelection(link.searchParams, known).selection;
	return viewHref(base, rebase(next, drawnFrom, now), bench);
}

export type EscapeAction =
	/** Nothing chosen and nothing typed: Escape is the browser's (and other handlers'). */
	| { kind: 'none' }
	/** Drop a search typed but not yet applied; go to `url` when there is one (clear all). */
	| { kind: 'clear'; url: string | null };

/** What Escape does: clears every filter of the address, and any search typed but not applied. */
export function escapeAction(
	base: string,
	now: Selection,
	bench: BenchSwitch,
	typed: string | null
): EscapeAction {
	if (isEmpty(now) && typed === null) return { kind: 'none' };
	return { kind: 'clear', url: isEmpty(now) ? null : viewHref(base, clearAll(now), bench) };
}

/** A year range from two inputs or a brush, in order and within the data's years. */
export function yearRange(from: number, to: number, known: KnownValues): [number, number] {
	return [
		Math.max(known.years[0], Math.min(from, to)),
		Math.min(known.years[1], Math.max(from, to))
	];
}

/** The selection of an address this page asked to go to (`requested`, relative to `here`). */
export function requestedSelection(requested: string, here: URL, known: KnownValues): Selection {
	return parseSelection(new URL(requested, here).searchParams, known).selection;
}

/**
 * The address a link's `href` leads to when it is another view of this page (same origin and
 * path), or null: a jump within the page (`#…`) or a link elsewhere is the browser's to follow.
 */
export function sameViewLink(href: string, here: URL): URL | null {
	if (href.startsWith('#')) return null;
	const url = new URL(href, here);
	return url.origin === here.origin && url.pathname === here.pathname ? url : null;
}

export interface KeyedStep extends SearchStep {
	/** The addresses the run of keys has gone to, this one included. */
	runEntries: string[];
}

/**
 * Where a year range chosen with a key leads, and whether it replaces the history entry. The
 * first key of a run adds an entry and each next key replaces it, so Back returns to the view
 * before the keys rather than to each year they passed. A key whose run's last navigation is
 * still on its way adds again (that navigation, cancelled, made no entry to replace): at worst
 * a fast run leaves two entries, never none. Null when the range is the address's already.
 * @param from the selection of the address as it is or is about to be
 * @param here the address now, as `viewHref` writes it
 * @param runEntries the addresses the run of keys went to so far
 */
export function keyedYearsStep(
	base: string,
	from: Selection,
	bench: BenchSwitch,
	years: [number, number],
	here: string,
	runEntries: readonly string[]
): KeyedStep | null {
	const url = viewHref(base, { ...from, years }, bench);
	if (url === viewHref(base, from, bench)) return null;
	const replace = runEntries.includes(here);
	return { url, replace, runEntries: replace ? [...runEntries, url] : [url] };
}
