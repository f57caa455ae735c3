/** The workbench's query history: the latest queries first, each once, kept in the browser. */
export const HISTORY_KEY = 'cifras:sql-history';
export const HISTORY_MAX = 50;
/** Longer queries are not kept: local storage holds a few megabytes for the whole site. */
export const HISTORY_MAX_CHARS = 20_000;

export interface HistoryEntry {
	sql: string;
	/** ISO time it was last run. */
	at: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function readHistory(store: Store | undefined): HistoryEntry[] {
	try {
		const parsed: unknown = JSON.parse(store?.getItem(HISTORY_KEY) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		return parsed
			.filter(
				(e): e is HistoryEntry =>
					typeof e === 'object' &&
					e !== null &&
					typeof e.sql === 'string' &&
					typeof e.at === 'string'
			)
			.slice(0, HISTORY_MAX);
	} catch {
		// A damaged entry (edited by hand, another version) is no reason to stop the page.
		return [];
	}
}

/** Puts `sql` first (moving it up if it was already there), bounded, and saves it. */
/** @param now milliseconds since the epoch */
export function addToHistory(store: Store | undefined, sql: string, now: number): HistoryEntry[] {
	const text = sql.trim();
	const current = readHistory(store);
	if (!text || text.length > HISTORY_MAX_CHARS) return current;
	const next = [
		{ sql: text, at: new Date(now).toISOString() },
		...current.filter((e) => e.sql !== text)
	].slice(0, HISTORY_MAX);
	try {
		store?.setItem(HISTORY_KEY, JSON.stringify(next));
	} catch {
		// Storage full or refused (private mode): the history lives on for this page only.
	}
	return next;
}
