/**
 * The built tables, bundled for server-side prerendering of pages that need only part of them:
 * typed modules that `npm run build:data` writes from the same rows as `static/data/*.json`,
 * and the Spanish edition's (`static/data/es/*.json`), chosen by `editionTables`. Imported by
 * server loads only, so no page's JavaScript carries either.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { DERIVED as DERIVED_EN } from './generated/derived';
import { DOCUMENTS as DOCUMENTS_EN } from './generated/documents';
import { DERIVED as DERIVED_ES } from './generated/es/derived';
import { DOCUMENTS as DOCUMENTS_ES } from './generated/es/documents';
import { FIGURES as FIGURES_ES } from './generated/es/figures';
import { MEASURES as MEASURES_ES } from './generated/es/measures';
import { FIGURES as FIGURES_EN } from './generated/figures';
import { MEASURES as MEASURES_EN } from './generated/measures';

export { FIGURES } from './generated/figures';
export { DOCUMENTS } from './generated/documents';
export { MEASURES } from './generated/measures';
/** Numbers the text implies: shown beside the printed figures, never exported. */
export { DERIVED } from './generated/derived';
/** What each version of the data changed, newest first (`/changes`). */
export { CHANGES } from './generated/changes';

const EDITIONS = {
	en: { FIGURES: FIGURES_EN, DOCUMENTS: DOCUMENTS_EN, MEASURES: MEASURES_EN, DERIVED: DERIVED_EN },
	es: { FIGURES: FIGURES_ES, DOCUMENTS: DOCUMENTS_ES, MEASURES: MEASURES_ES, DERIVED: DERIVED_ES }
} satisfies Record<Locale, unknown>;

/**
 * The tables of one edition: the same rows in both, with the data's own words (what a figure
 * counts, notes, warnings, places, measures, titles) in its language; quotes stay as printed.
 * Pass the page's language (`getLocale()` in a server load).
 */
export function editionTables(locale: Locale) {
	return EDITIONS[locale];
}
