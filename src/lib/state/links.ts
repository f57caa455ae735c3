/** URLs the site links to: explorer views (a selection), figure pages and documents in the reader. */
import { selectionToSearch } from './url';
import type { Selection } from './selection';

export function viewHref(base: string, sel: Selection): string {
	return `${base}/${selectionToSearch(sel)}`;
}

export function figureHref(base: string, id: string): string {
	return `${base}/figure/${encodeURIComponent(id)}`;
}

/** A document in the reader, at a line when given: `/documents/hemispheric-2002#L324`. */
export function documentHref(base: string, docId: string, line?: number): string {
	return `${base}/documents/${encodeURIComponent(docId)}${line ? `#L${line}` : ''}`;
}
