/**
 * Node-only: the rows the site serves, built from the validated tables with Arquero's verbs —
 * each figure joined with its document's citation columns, its years and kind of place derived,
 * numbered in source order; and each derived figure with its years and who says so. Arquero
 * compiles expressions with `new Function`, which the site's policy forbids, so nothing the
 * browser loads may import this folder (a rule in eslint.config.js).
 *
 * Our own functions enter expressions through `aq.escape`, and Arquero's through `op.…()`
 * objects: a function's source is what Arquero compiles, and Vitest rewrites imported names in it.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { splitList, type DerivedRow } from '../data/meaning';
import {
	DERIVED_COLUMNS,
	DOCUMENT_COLUMNS,
	FIGURE_COLUMNS,
	periodBounds,
	type DocumentRow,
	type FigureRow
} from '../data/schema';
import { geoKind, SITE_COLUMNS, type SiteDerived, type SiteFigure } from '../data/site-table';
import { namesOf, tableOf } from './tables';

const firstYear = (period: string) => periodBounds(period)?.[0] ?? null;
const lastYear = (period: string) => periodBounds(period)?.[1] ?? null;

/** The document columns a figure carries, renamed as the served table names them. */
const DOC_COLUMNS = {
	doc_id: 'doc_id',
	title: 'doc_title',
	short_title: 'doc_short_title',
	publisher: 'doc_publisher',
	date: 'doc_date',
	symbol: 'doc_symbol',
	source_file: 'source_file'
};

/** Empty text, never a missing value, where a join found nothing (verify:data reports why). */
const emptyText = (columns: readonly string[]) =>
	Object.fromEntries(columns.map((c) => [c, () => '']));

export function toSiteFigures(figures: FigureRow[], documents: DocumentRow[]): SiteFigure[] {
	return tableOf(figures, namesOf(FIGURE_COLUMNS))
		.derive({
			period_start: aq.escape((d: FigureRow) => firstYear(d.period)),
			period_end: aq.escape((d: FigureRow) => lastYear(d.period)),
			ref_start: aq.escape((d: FigureRow) => firstYear(d.ref_period)),
			ref_end: aq.escape((d: FigureRow) => lastYear(d.ref_period)),
			geo_kind: aq.escape((d: FigureRow) => geoKind(d.geo_code))
		})
		.join_left(tableOf(documents, namesOf(DOCUMENT_COLUMNS)).select(DOC_COLUMNS), 'doc_id')
		.impute(emptyText(Object.values(DOC_COLUMNS)))
		.orderby('doc_date', 'doc_id', 'line', 'figure_id')
		.derive({ source_order: op.row_number(), other_language_text: () => '' })
		.select(namesOf(SITE_COLUMNS))
		.objects() as SiteFigure[];
}

/**
 * The words of a figure that a search in the other language looks for, one a line. Not its
 * note: notes are long, and every page that carries the table would carry them twice; a note is
 * searched in its edition's language.
 */
export const OTHER_LANGUAGE_FIELDS = ['indicator', 'geography', 'doc_short_title'] as const;

/**
 * The rows of one edition, each with the words of the same figure in the other edition
 * (`other_language_text`): the figures are the same, in the same order, in both.
 */
export function withOtherLanguage(rows: SiteFigure[], other: SiteFigure[]): SiteFigure[] {
	const byId = new Map(other.map((f) => [f.figure_id, f]));
	return rows.map((f) => {
		const o = byId.get(f.figure_id);
		return {
			...f,
			other_language_text: o ? OTHER_LANGUAGE_FIELDS.map((c) => o[c]).join('\n') : ''
		};
	});
}

/** What a derived figure takes from the sentence that implies it, its first input. */
const SAID = ['doc_id', 'doc_short_title', 'line', 'speaker'];

export function toSiteDerived(derived: DerivedRow[], figures: SiteFigure[]): SiteDerived[] {
	// One row per input, in the order the derived figure lists them, with the figure it names.
	const inputs = tableOf(derived, namesOf(DERIVED_COLUMNS))
		.select('derived_id', 'inputs')
		.derive({ input: aq.escape((d: DerivedRow) => splitList(d.inputs)) })
		.unroll('input', { index: 'position' })
		.lookup(
			tableOf(figures, namesOf(SITE_COLUMNS)),
			['input', 'figure_id'],
			...SAID,
			'attributed_to'
		);
	const first = inputs.filter((d: { position: number }) => d.position === 0);
	// Whom the document credits for any input is credited for the product too, each once.
	const credited = inputs
		.filter((d: { attributed_to?: string }) => !!d.attributed_to)
		.groupby('derived_id')
		.rollup({ credits: op.array_agg_distinct('attributed_to') })
		.derive({ attributed_to: aq.escape((d: { credits: string[] }) => d.credits.join('; ')) });
	return tableOf(derived, namesOf(DERIVED_COLUMNS))
		.derive({
			ref_start: aq.escape((d: DerivedRow) => firstYear(d.ref_period)),
			ref_end: aq.escape((d: DerivedRow) => lastYear(d.ref_period))
		})
		.lookup(first, 'derived_id', ...SAID)
		.lookup(credited, 'derived_id', 'attributed_to')
		.impute({
			...emptyText(['doc_id', 'doc_short_title', 'speaker', 'attributed_to']),
			line: () => 0
		})
		.select(...namesOf(DERIVED_COLUMNS), 'ref_start', 'ref_end', ...SAID, 'attributed_to')
		.objects() as SiteDerived[];
}
