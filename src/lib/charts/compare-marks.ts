/**
 * The comparison charts' marks, in one colour-blind-safe scheme (Okabe–Ito's blue and
 * vermillion, as page tokens with a light and a dark value): the shape says what kind of number
 * a figure is, the colour only whether the text prints it or implies it. The charts
 * (`compare.ts`) and their drawn legend (`CompareLegend.svelte`) read this one list.
 */
import { m } from '$lib/paraglide/messages';

/** A printed figure's marks: dots, ranges and arrows. */
export const MARK_PRINTED = 'var(--mark-printed)';
/** A number the text implies but does not print: a dashed ring. */
export const MARK_IMPLIED = 'var(--mark-implied)';

export type MarkKind = 'exact' | 'about' | 'range' | 'open' | 'implied';

/** The legend's entries, in the order a reader meets them; each label a message, read where drawn. */
export const MARK_KINDS: readonly { kind: MarkKind; label: () => string }[] = [
	{ kind: 'exact', label: m.charts_mark_exact },
	{ kind: 'about', label: m.charts_mark_about },
	{ kind: 'range', label: m.charts_mark_range },
	{ kind: 'open', label: m.charts_mark_open },
	{ kind: 'implied', label: m.charts_mark_implied }
];

/**
 * Where a comparison's mark (and its row in the chart's table) leads: a printed figure to its
 * page (null where it has none: the reader's own rows); a number the text implies, which has
 * no page, to its line in the document (null without `lineHref`).
 */
export function markHref(
	f: { figure_id: string; doc_id: string; line: number; derived?: boolean },
	figureHref: (id: string) => string | null,
	lineHref?: (doc: string, line: number) => string
): string | null {
	return f.derived ? (lineHref?.(f.doc_id, f.line) ?? null) : figureHref(f.figure_id);
}
