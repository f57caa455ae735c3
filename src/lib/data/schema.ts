/**
 * The shape of the curated tables: column order, types and the closed code lists.
 * Shared by the data build, the verifier and the site, so a code added here is known everywhere.
 * The code lists that say what a figure is (kind, reference time, warnings, measures) are in
 * `meaning.ts`.
 */
import type { DerivedRow, Kind, MeasureRow, PeriodBasis } from './meaning';

export const TOPICS = [
	'migrant_stock',
	'remittances',
	'deportation_return',
	'return_assistance',
	'trafficking_victims',
	'trafficking_networks',
	'smuggling',
	'displacement_refugees',
	'violence_abuse',
	'labour',
	'program_output',
	'population',
	'other'
] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
	migrant_stock: 'Migrant stocks',
	remittances: 'Remittances',
	deportation_return: 'Deportations and returns',
	return_assistance: 'Return assistance',
	trafficking_victims: 'Trafficking victims',
	trafficking_networks: 'Trafficking networks',
	smuggling: 'Smuggling',
	displacement_refugees: 'Displacement and refugees',
	violence_abuse: 'Violence and abuse',
	labour: 'Labour',
	program_output: 'Programme outputs',
	population: 'Population',
	other: 'Other'
};

export const QUALIFIERS = [
	'exact',
	'about',
	'more_than',
	'at_least',
	'less_than',
	'up_to',
	'range'
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const UNITS = [
	'persons',
	'usd',
	'percent',
	'count',
	'countries',
	'households',
	'years',
	'months'
] as const;
export type Unit = (typeof UNITS)[number];

/** Region and grouping codes; chosen so none collides with an ISO 3166-1 alpha-3 code. */
export const REGIONS: Record<string, string> = {
	WLD: 'World',
	AMR: 'The Americas',
	LAC: 'Latin America and the Caribbean',
	LAM: 'Latin America',
	CAR: 'The Caribbean',
	CAM: 'Central America',
	SAM: 'South America',
	NAC: 'North America',
	ANR: 'Andean region',
	SCN: 'Southern Cone',
	EUR: 'Europe',
	ASI: 'Asia',
	AFR: 'Africa',
	DEV: 'Developed countries',
	DEG: 'Developing countries',
	RCM: 'Member countries of the Regional Conference on Migration (Puebla Process)',
	MUB: 'Mexico–United States border region',
	NST: 'Place not stated'
};

export const PERIOD_PATTERN = /^(\d{4})(?:-(\d{4}))?$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** ISO 3166-2 subdivision, e.g. MX-CAM. */
export const SUBDIVISION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** `codes` and `slugs` are lists separated by `;` (`LIST_SEPARATOR`). */
export type ColumnType =
	| 'slug'
	| 'slugs'
	| 'text'
	| 'int'
	| 'number'
	| 'code'
	| 'codes'
	| 'period'
	| 'date';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	required: boolean;
}

const col = (name: string, type: ColumnType, required = false): ColumnSpec => ({
	name,
	type,
	required
});

export const DOCUMENT_COLUMNS: ColumnSpec[] = [
	col('doc_id', 'slug', true),
	col('source_file', 'text', true),
	col('title', 'text', true),
	col('short_title', 'text', true),
	col('publisher', 'text', true),
	col('date', 'date', true),
	col('place', 'text', true),
	col('symbol', 'text'),
	col('language', 'code', true),
	col('original_language', 'code', true),
	col('note', 'text')
];

export const FIGURE_COLUMNS: ColumnSpec[] = [
	col('figure_id', 'slug', true),
	col('doc_id', 'slug', true),
	col('line', 'int', true),
	col('section', 'text', true),
	col('speaker', 'text'),
	col('quote', 'text', true),
	col('value', 'number'),
	col('low', 'number'),
	col('high', 'number'),
	col('qualifier', 'code', true),
	col('unit', 'code', true),
	col('period', 'period'),
	col('geography', 'text', true),
	col('geo_code', 'code', true),
	col('topic', 'code', true),
	col('indicator', 'text', true),
	col('attributed_to', 'text'),
	col('note', 'text'),
	col('value_text', 'text', true),
	col('part_of', 'slug'),
	col('kind', 'code', true),
	col('measure', 'slug', true),
	col('ref_period', 'period', true),
	col('period_basis', 'code', true),
	col('topics', 'codes', true),
	col('flag', 'codes'),
	col('flag_note', 'text')
];

export const MEASURE_COLUMNS: ColumnSpec[] = [
	col('measure', 'slug', true),
	col('label', 'text', true),
	col('counts', 'text', true),
	col('of_whom', 'text', true),
	col('per', 'code', true),
	col('unit_family', 'code', true)
];

export const DERIVED_COLUMNS: ColumnSpec[] = [
	col('derived_id', 'slug', true),
	col('formula', 'code', true),
	col('inputs', 'slugs', true),
	col('formula_text', 'text', true),
	col('value', 'number'),
	col('low', 'number'),
	col('high', 'number'),
	col('qualifier', 'code', true),
	col('unit', 'code', true),
	col('kind', 'code', true),
	col('measure', 'slug', true),
	col('ref_period', 'period', true),
	col('period_basis', 'code', true),
	col('geography', 'text', true),
	col('geo_code', 'code', true),
	col('topics', 'codes', true),
	col('note', 'text', true)
];

export type { DerivedRow, MeasureRow };

export interface DocumentRow {
	doc_id: string;
	source_file: string;
	title: string;
	short_title: string;
	publisher: string;
	date: string;
	place: string;
	symbol: string;
	/** ISO 639-1 code of the text curated (`en`). */
	language: string;
	/**
	 * ISO 639-1 code of the language the document was written in: `es` for a translation of a
	 * Spanish original, whose Spanish title is then the original's (`data/es/documents.csv`).
	 */
	original_language: string;
	note: string;
}

export interface FigureRow {
	figure_id: string;
	doc_id: string;
	line: number;
	section: string;
	speaker: string;
	quote: string;
	value: number | null;
	low: number | null;
	high: number | null;
	qualifier: Qualifier;
	unit: Unit;
	period: string;
	geography: string;
	geo_code: string;
	topic: Topic;
	indicator: string;
	attributed_to: string;
	note: string;
	value_text: string;
	part_of: string;
	kind: Kind;
	/** Id in `data/measures.csv`; `indicator` is its label. */
	measure: string;
	/** The time the figure refers to, always filled (`YYYY` or `YYYY-YYYY`). */
	ref_period: string;
	period_basis: PeriodBasis;
	/** Topic codes separated by `;`, the primary (`topic`) first. */
	topics: string;
	/** Warning codes separated by `;`, most serious first; empty when none. */
	flag: string;
	/** The warning as a reader-facing sentence; filled exactly when `flag` is. */
	flag_note: string;
}

/** Reference years a period covers, for the timeline: "1990-1999" → [1990, 1999]. */
export function periodBounds(period: string): [number, number] | null {
	const m = PERIOD_PATTERN.exec(period);
	if (!m) return null;
	const start = Number(m[1]);
	return [start, m[2] ? Number(m[2]) : start];
}
