/**
 * Where a page's "← Explorer" leads: the explorer's address the reader last left in this tab,
 * query string and all, so a figure opened from a filtered view returns to that view. Kept in
 * sessionStorage, so it lasts from figure page to figure page and through a reload; a page
 * opened afresh (a shared link, a bookmark) returns to the whole explorer, as it does without
 * JavaScript.
 */

const STORAGE_KEY = 'cifras:explorer-address';
/** Longer than any address the explorer writes (its lists are cut at 50 values). */
const MAX_SEARCH = 8000;

/** How the page was reached, as `afterNavigate` and the Navigation Timing entry tell it. */
export interface Arrival {
	/** The page left, when the site itself navigated (null when the page was loaded). */
	from: URL | null;
	/** The page that linked here, for a page loaded by the browser (`document.referrer`). */
	referrer: string;
	/** Whether the browser loaded the page again (reload, Back or Forward) rather than afresh. */
	revisited: boolean;
}

function parsed(href: string): URL | null {
	try {
		return new URL(href);
	} catch {
		return null;
	}
}

/** The query string an address holds when it is the explorer's (`<base>/`), or null. */
export function explorerSearch(url: URL, here: URL, base: string): string | null {
	if (url.origin !== here.origin || url.pathname !== `${base}/`) return null;
	return url.search.length <= MAX_SEARCH ? url.search : null;
}

/**
 * The explorer's query string to return to after this arrival: the explorer just left, the
 * one remembered when arriving from another page of the site or coming back to this one, or
 * none (the whole explorer) for a page opened afresh.
 */
export function returnSearch(
	arrival: Arrival,
	here: URL,
	base: string,
	remembered: string
): string {
	if (arrival.from) return explorerSearch(arrival.from, here, base) ?? remembered;
	if (arrival.referrer) {
		const left = parsed(arrival.referrer);
		const search = left ? explorerSearch(left, here, base) : null;
		if (search !== null) return search;
		if (left?.origin === here.origin) return remembered;
	}
	return arrival.revisited ? remembered : '';
}

/** Notes how this page was reached and gives the explorer's address to return to. */
export function rememberReturn(arrival: Arrival, here: URL, base: string): string {
	let remembered = '';
	try {
		const saved = sessionStorage.getItem(STORAGE_KEY) ?? '';
		remembered = saved.startsWith('?') && saved.length <= MAX_SEARCH ? saved : '';
	} catch {
		// Storage can be switched off: the explorer just left is still known.
	}
	const search = returnSearch(arrival, here, base, remembered);
	try {
		sessionStorage.setItem(STORAGE_KEY, search);
	} catch {
		// As above.
	}
	return `${base}/${search}`;
}

/**
 * Notes how the page now shown was reached (`from`: the page the site's own navigation left,
 * if any) and gives the explorer's address to return to. The pages from which a figure page
 * is opened without passing the explorer (the document reader, its list) call it too, so the
 * figure page finds the explorer they were reached from.
 */
export function rememberArrival(from: URL | null, here: URL, base: string): string {
	return rememberReturn({ from, referrer: document.referrer, revisited: revisited() }, here, base);
}

/** Whether the browser loaded this page again (reload, Back or Forward) rather than afresh. */
export function revisited(): boolean {
	const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	return entry?.type === 'reload' || entry?.type === 'back_forward';
}
