/**
 * Every check the curated tables must pass before they are built: types and codes, unique and
 * known ids, quotes found verbatim in their source on their line, values stated in their
 * quote, breakdowns that add up to their total (or carry a note saying why not), and what each
 * figure is (`validate-meaning.ts`).
 */
import { readCsv } from './csv';
import { wordOccurrences } from './format';
import { states } from './numbers';
import { parseTable, type Problem } from './parse-table';
import { findQuote } from './source-text';
import type { DerivedRow, MeasureRow } from './meaning';
import { validateMeaning } from './validate-meaning';
import {
	DERIVED_COLUMNS,
	DOCUMENT_COLUMNS,
	FIGURE_COLUMNS,
	MEASURE_COLUMNS,
	REGIONS,
	SUBDIVISION_PATTERN,
	type DocumentRow,
	type FigureRow
} from './schema';

export type { Problem };

export interface ValidationInput {
	documentsCsv: string;
	figuresCsv: string;
	measuresCsv: string;
	derivedCsv: string;
	/** Source texts by file name; null when `../shared/sources` is absent. */
	sources: Map<string, string> | null;
	/** ISO 3166-1 alpha-3 codes and alpha-2 prefixes accepted as geo codes. */
	countries: { alpha3: Set<string>; alpha2: Set<string> };
	files?: { documents: string; figures: string; measures: string; derived: string };
}

export interface ValidationResult {
	problems: Problem[];
	documents: DocumentRow[];
	figures: FigureRow[];
	measures: MeasureRow[];
	derived: DerivedRow[];
	sourcesChecked: boolean;
}

const ADDITIVE_UNITS = new Set(['persons', 'usd', 'count', 'households', 'countries']);

export function validate(input: ValidationInput): ValidationResult {
	const files = input.files ?? {
		documents: 'data/documents.csv',
		figures: 'data/figures.csv',
		measures: 'data/measures.csv',
		derived: 'data/derived.csv'
	};
	const docFile = files.documents;
	const figFile = files.figures;
	const docs = parseTable<DocumentRow>(docFile, readCsv(input.documentsCsv), DOCUMENT_COLUMNS);
	const figs = parseTable<FigureRow>(figFile, readCsv(input.figuresCsv), FIGURE_COLUMNS);
	const measures = parseTable<MeasureRow>(files.measures, readCsv(input.measuresCsv), MEASURE_COLUMNS);
	const derived = parseTable<DerivedRow>(files.derived, readCsv(input.derivedCsv), DERIVED_COLUMNS);
	const problems = [...docs.problems, ...figs.problems, ...measures.problems, ...derived.problems];
	const at = (row: number, column: string | null, message: string) =>
		problems.push({ file: figFile, row, column, message });

	const docById = new Map<string, DocumentRow>();
	for (const d of docs.rows) {
		if (docById.has(d.doc_id))
			problems.push({ file: docFile, row: d._row, column: 'doc_id', message: `"${d.doc_id}" is used twice` });
		docById.set(d.doc_id, d);
		if (input.sources && !input.sources.has(d.source_file))
			problems.push({
				file: docFile,
				row: d._row,
				column: 'source_file',
				message: `"${d.source_file}" is not in the sources folder`
			});
	}

	const byId = new Map<string, FigureRow & { _row: number }>();
	for (const f of figs.rows) {
		if (byId.has(f.figure_id)) at(f._row, 'figure_id', `"${f.figure_id}" is used twice (first on row ${byId.get(f.figure_id)!._row})`);
		else byId.set(f.figure_id, f);
	}

	for (const f of figs.rows) {
		const doc = docById.get(f.doc_id);
		if (!doc) at(f._row, 'doc_id', `"${f.doc_id}" is not in documents.csv`);
		checkGeoCode(f.geo_code, input.countries, (m) => at(f._row, 'geo_code', m));
		checkNumbers(f, (column, m) => at(f._row, column, m));
		if (f.quote && /\s{2,}|[\n\t]/.test(f.quote))
			at(f._row, 'quote', 'has runs of whitespace; expected them collapsed to single spaces');
		const stands = f.value_text ? wordOccurrences(f.quote, f.value_text).length : 0;
		if (f.value_text && f.quote && !f.quote.includes(f.value_text))
			at(f._row, 'value_text', `"${f.value_text}" is not in the quote`);
		else if (stands > 1)
			// The figure page highlights the number in its quote, and must highlight the right one.
			at(
				f._row,
				'value_text',
				`"${f.value_text}" stands ${stands} times in the quote; expected the printed words around this figure's number, so that they stand once`
			);
		if (f.part_of) {
			const total = byId.get(f.part_of);
			if (!total) at(f._row, 'part_of', `"${f.part_of}" is not a figure_id`);
			else if (total.figure_id === f.figure_id) at(f._row, 'part_of', 'names the figure itself');
		}
		const source = doc && input.sources?.get(doc.source_file);
		if (source && f.quote) {
			const found = findQuote(source, f.line, f.quote);
			if (!found.ok) {
				const msg =
					found.reason === 'no-line'
						? `line ${f.line} is past the end of ${doc.source_file}`
						: found.reason === 'elsewhere'
							? `the quote is in ${doc.source_file} but starts on line ${found.foundAtLine ?? '?'}, not ${f.line}`
							: `the quote is not found verbatim in ${doc.source_file}; expected the exact text (whitespace collapsed) starting on line ${f.line}`;
				at(f._row, found.reason === 'elsewhere' || found.reason === 'no-line' ? 'line' : 'quote', msg);
			}
		}
	}

	checkBreakdowns(figs.rows, byId, (row, column, m) => at(row, column, m));
	for (const d of derived.rows) {
		checkGeoCode(d.geo_code, input.countries, (m) =>
			problems.push({ file: files.derived, row: d._row, column: 'geo_code', message: m })
		);
		// A derived figure prints nothing, so only its bounds are checked here.
		checkNumbers({ ...d, value_text: '' }, (column, message) =>
			problems.push({ file: files.derived, row: d._row, column, message })
		);
	}
	problems.push(
		...validateMeaning({
			documents: docs.rows,
			figures: figs.rows,
			measures: measures.rows,
			derived: derived.rows,
			files
		})
	);

	const strip = <T extends { _row: number }>({ _row, ...rest }: T) => (void _row, rest);
	return {
		problems,
		documents: docs.rows.map(strip) as DocumentRow[],
		figures: figs.rows.map(strip) as FigureRow[],
		measures: measures.rows.map(strip) as MeasureRow[],
		derived: derived.rows.map(strip) as DerivedRow[],
		sourcesChecked: input.sources !== null
	};
}

function checkGeoCode(code: string, countries: ValidationInput['countries'], fail: (m: string) => void) {
	if (!code) return;
	if (countries.alpha3.has(code) || code in REGIONS) return;
	if (SUBDIVISION_PATTERN.test(code) && countries.alpha2.has(code.slice(0, 2))) return;
	fail(
		`"${code}" is not a known code; expected an ISO 3166-1 alpha-3 code, an ISO 3166-2 code, or a region (${Object.keys(REGIONS).join(', ')})`
	);
}

function checkNumbers(
	f: Pick<FigureRow, 'qualifier' | 'value' | 'low' | 'high' | 'value_text'>,
	fail: (column: string, m: string) => void
) {
	const isRange = f.qualifier === 'range';
	if (isRange) {
		if (f.value !== null) fail('value', 'is filled for a range; expected it empty with low and high filled');
		if (f.low === null) fail('low', 'is empty for a range');
		if (f.high === null) fail('high', 'is empty for a range');
		if (f.low !== null && f.high !== null && f.low > f.high) fail('low', `${f.low} is above high ${f.high}`);
	} else {
		if (f.value === null) fail('value', `is empty; expected the figure (qualifier "${f.qualifier}")`);
		if (f.low !== null || f.high !== null)
			fail('low', 'low/high are filled but the qualifier is not "range"');
	}
	if (!f.value_text) return;
	for (const column of ['value', 'low', 'high'] as const) {
		const v = f[column];
		if (typeof v === 'number' && !states(f.value_text, v))
			fail(column, `${v} is not stated by "${f.value_text}" (read in base units: "20 million" is 20000000, "half" is 50)`);
	}
}

function checkBreakdowns(
	figures: (FigureRow & { _row: number })[],
	byId: Map<string, FigureRow & { _row: number }>,
	fail: (row: number, column: string, m: string) => void
) {
	const parts = new Map<string, (FigureRow & { _row: number })[]>();
	for (const f of figures) if (f.part_of && byId.has(f.part_of)) parts.set(f.part_of, [...(parts.get(f.part_of) ?? []), f]);
	for (const [id, list] of parts) {
		const total = byId.get(id)!;
		const same = list.filter((p) => p.unit === total.unit && p.value !== null);
		if (total.value === null || !ADDITIVE_UNITS.has(total.unit) || same.length < 2) continue;
		const sum = same.reduce((s, p) => s + (p.value ?? 0), 0);
		if (Math.abs(sum - total.value) > 1e-9 && !total.note && same.every((p) => !p.note))
			fail(
				total._row,
				'note',
				`its parts (${same.map((p) => p.figure_id).join(', ')}) sum to ${sum}, not ${total.value}; expected a note saying why`
			);
	}
}
