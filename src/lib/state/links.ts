/** URLs the explorer links to: views (a selection), figure pages and the data files. */
import { selectionToSearch, type BenchSwitch } from './url';
import type { Selection } from './selection';

/** The explorer's address for a selection (and the bench's switches, when they are on). */
export function viewHref(base: string, sel: Selection, bench?: BenchSwitch): string {
	return `${base}/${selectionToSearch(sel, bench)}`;
}

export function figureHref(base: string, id: string): string {
	return `${base}/figure/${encodeURIComponent(id)}`;
}
