/** URLs the site links to: explorer views (a selection), figure pages and documents in the reader. */
import { selectionToSearch, type BenchSwitch } from './url';
import type { Selection } from './selection';

/** The explorer's address for a selection (and the bench's switches, when they are on). */
export function viewHref(base: string, sel: Selection, bench?: BenchSwitch): string {
	return `${base}/${selectionToSearch(sel, bench)}`;
}

export function figureHref(base: string, id: string): string {
	return `${base}/figure/${encodeURIComponent(id)}`;
}

/** A document in the reader, at a line when given: `/documents/hemispheric-2002#L324`. */
export function documentHref(base: string, docId: string, line?: number): string {
	return `${base}/documents/${encodeURIComponent(docId)}${line ? `#L${line}` : ''}`;
}
