/**
 * The comparison charts' marks, in one colour-blind-safe scheme (Okabe–Ito's blue and
 * vermillion, as page tokens with a light and a dark value): the shape says what kind of number
 * a figure is, the colour only whether the text prints it or implies it. The charts
 * (`compare.ts`) and their drawn legend (`CompareLegend.svelte`) read this one list.
 */

/** A printed figure's marks: dots, ranges and arrows. */
export const MARK_PRINTED = 'var(--mark-printed)';
/** A number the text implies but does not print: a dashed ring. */
export const MARK_IMPLIED = 'var(--mark-implied)';

export type MarkKind = 'exact' | 'about' | 'range' | 'open' | 'implied';

/** The legend's entries, in the order a reader meets them. */
export const MARK_KINDS: readonly { kind: MarkKind; label: string }[] = [
	{ kind: 'exact', label: 'Stated value' },
	{ kind: 'about', label: 'About (approximate)' },
	{ kind: 'range', label: 'Range' },
	{ kind: 'open', label: 'More than / up to' },
	{ kind: 'implied', label: 'Implied, not printed' }
];
