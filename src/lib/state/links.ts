/** URLs the explorer links to: views (a selection), figure pages and the data files. */
import { selectionToSearch } from './url';
import type { Selection } from './selection';

export function viewHref(base: string, sel: Selection): string {
	return `${base}/${selectionToSearch(sel)}`;
}

export function figureHref(base: string, id: string): string {
	return `${base}/figure/${encodeURIComponent(id)}`;
}
