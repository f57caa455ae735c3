/**
 * The table the site serves: each curated figure joined with its document's citation columns,
 * plus derived columns the explorer filters on. One definition feeds the Arrow, Parquet, CSV
 * and JSON builds, the DuckDB schema and the instant engine; the build makes the rows
 * (`src/lib/build-data/site-rows.ts`).
 */
import type { DerivedRow } from './meaning';
import { REGIONS, SUBDIVISION_PATTERN, type FigureRow } from './schema';

export type SiteColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE';

export const SITE_COLUMNS = [
	['figure_id', 'VARCHAR'],
	['doc_id', 'VARCHAR'],
	['line', 'INTEGER'],
	['section', 'VARCHAR'],
	['speaker', 'VARCHAR'],
	['quote', 'VARCHAR'],
	['value', 'DOUBLE'],
	['low', 'DOUBLE'],
	['high', 'DOUBLE'],
	['qualifier', 'VARCHAR'],
	['unit', 'VARCHAR'],
	['period', 'VARCHAR'],
	['geography', 'VARCHAR'],
	['geo_code', 'VARCHAR'],
	['topic', 'VARCHAR'],
	['indicator', 'VARCHAR'],
	['attributed_to', 'VARCHAR'],
	['note', 'VARCHAR'],
	['value_text', 'VARCHAR'],
	['part_of', 'VARCHAR'],
	['kind', 'VARCHAR'],
	['measure', 'VARCHAR'],
	['ref_period', 'VARCHAR'],
	['period_basis', 'VARCHAR'],
	['topics', 'VARCHAR'],
	['flag', 'VARCHAR'],
	['flag_note', 'VARCHAR'],
	['period_start', 'INTEGER'],
	['period_end', 'INTEGER'],
	['ref_start', 'INTEGER'],
	['ref_end', 'INTEGER'],
	['geo_kind', 'VARCHAR'],
	['doc_title', 'VARCHAR'],
	['doc_short_title', 'VARCHAR'],
	['doc_publisher', 'VARCHAR'],
	['doc_date', 'VARCHAR'],
	['doc_symbol', 'VARCHAR'],
	['source_file', 'VARCHAR'],
	['source_order', 'INTEGER'],
	['other_language_text', 'VARCHAR']
] as const satisfies readonly (readonly [string, SiteColumnType])[];

export type SiteColumn = (typeof SITE_COLUMNS)[number][0];

/** The columns a comparison chart needs: its query fetches only these, since it may return thousands of rows. */
export const COMPARE_COLUMNS = [
	'figure_id',
	'doc_id',
	'line',
	'quote',
	'value',
	'low',
	'high',
	'qualifier',
	'unit',
	'period',
	'period_start',
	'ref_period',
	'ref_start',
	'period_basis',
	'geography',
	'geo_code',
	'indicator',
	'measure',
	'kind',
	'speaker',
	'attributed_to',
	'flag',
	'flag_note',
	'doc_short_title',
	'source_order',
	'value_text'
] as const satisfies readonly SiteColumn[];

export type CompareFigure = Pick<SiteFigure, (typeof COMPARE_COLUMNS)[number]>;

/**
 * The columns the explorer's table shows (`doc_id` for the source column's link to the reader):
 * its query fetches only these, which halves what DuckDB-wasm encodes and the page decodes on
 * every click. Exports take every column.
 */
export const TABLE_COLUMNS = [
	'figure_id',
	'source_order',
	'value',
	'low',
	'high',
	'qualifier',
	'unit',
	'indicator',
	'topic',
	'geography',
	'period',
	'ref_period',
	'period_basis',
	'speaker',
	'attributed_to',
	'flag',
	'flag_note',
	'doc_id',
	'doc_short_title',
	'line',
	'quote',
	'value_text'
] as const satisfies readonly SiteColumn[];

/** A row of the explorer's table; `user_source` names the user's table a row came from. */
export type TableFigure = Pick<SiteFigure, (typeof TABLE_COLUMNS)[number]> & {
	user_source?: string | null;
};

export type GeoKind = 'country' | 'region' | 'subnational';

/** A served figure. Empty text is '' and a missing number is null, on every engine. */
export interface SiteFigure extends FigureRow {
	period_start: number | null;
	period_end: number | null;
	/** First and last year of `ref_period`: every figure has them. */
	ref_start: number | null;
	ref_end: number | null;
	geo_kind: GeoKind;
	doc_title: string;
	doc_short_title: string;
	doc_publisher: string;
	doc_date: string;
	doc_symbol: string;
	source_file: string;
	/** 1-based position when all figures are ordered by document date, document, line and id. */
	source_order: number;
	/**
	 * The figure's words in the site's other language, one a line: what it counts, its place and
	 * its document's short title (Spanish in the English table, English in the Spanish
	 * one), so that a search in either language finds it on either edition. '' when there is none.
	 */
	other_language_text: string;
}

export function geoKind(code: string): GeoKind {
	if (code in REGIONS) return 'region';
	if (SUBDIVISION_PATTERN.test(code)) return 'subnational';
	return 'country';
}

/**
 * A derived figure as the site serves it (`/data/derived.json`, never in the exports): its row,
 * its years, and who says so, taken from its first input (the sentence that implies it).
 */
export interface SiteDerived extends DerivedRow {
	ref_start: number | null;
	ref_end: number | null;
	doc_id: string;
	doc_short_title: string;
	line: number;
	speaker: string;
	attributed_to: string;
}
