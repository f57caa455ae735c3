/**
 * The checks on what each figure is: its measure (and that its label is the figure's
 * `indicator`), kind, reference time and basis, topics, warnings; the measures list itself;
 * every derived figure recomputed from its inputs; and public text free of curators' shorthand.
 */
import { computeDerived } from './derived';
import {
	FAMILY_RULES,
	splitList,
	type DerivedRow,
	type MeasureRow
} from './meaning';
import type { Problem } from './parse-table';
import { TOPICS, type DocumentRow, type FigureRow, type Topic } from './schema';

type Row<T> = T & { _row: number };
type Fail = (row: number, column: string | null, message: string) => void;

export interface MeaningInput {
	documents: Row<DocumentRow>[];
	figures: Row<FigureRow>[];
	measures: Row<MeasureRow>[];
	derived: Row<DerivedRow>[];
	files: { documents: string; figures: string; measures: string; derived: string };
}

/**
 * Words that belong to curation, not to readers: instructions ("per brief"), placeholders
 * (TODO) and column names. A note says what the reader needs in the reader's words.
 */
const SHORTHAND =
	/\b(brief|todo|tbd|fixme|xxx|per spec|left empty|geo_code|value_text|part_of|figure_id|doc_id|ref_period|period_basis)\b|\bperiod:/i;

/** What is wrong with a piece of public text, or null. Ids of figures are not reader words either. */
export function publicTextProblem(text: string, idPrefixes: ReadonlySet<string>): string | null {
	const shorthand = SHORTHAND.exec(text);
	if (shorthand)
		return `uses the curators' shorthand "${shorthand[0]}"; expected words written for readers`;
	for (const m of text.matchAll(/\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/g))
		if (idPrefixes.has(m[0].split('-')[0]!))
			return `names "${m[0]}" by its id; expected the figure in words (its number, speaker or line)`;
	return null;
}

const ESTIMATE_WORDS = /\bestimat/i;

export function validateMeaning(input: MeaningInput): Problem[] {
	const problems: Problem[] = [];
	const failIn =
		(file: string): Fail =>
		(row, column, message) =>
			problems.push({ file, row, column, message });
	const onFigure = failIn(input.files.figures);
	const onMeasure = failIn(input.files.measures);
	const onDerived = failIn(input.files.derived);

	const measures = new Map<string, Row<MeasureRow>>();
	const labels = new Map<string, string>();
	for (const m of input.measures) {
		if (measures.has(m.measure)) onMeasure(m._row, 'measure', `"${m.measure}" is used twice`);
		measures.set(m.measure, m);
		const other = labels.get(m.label);
		if (other) onMeasure(m._row, 'label', `"${m.label}" is also the label of "${other}"; expected one label per measure`);
		labels.set(m.label, m.measure);
	}

	const figures = new Map(input.figures.map((f) => [f.figure_id, f]));
	const idPrefixes = new Set(input.figures.map((f) => f.figure_id.split('-')[0]!));
	const text = (fail: Fail, row: number, column: string, value: string) => {
		const problem = value && publicTextProblem(value, idPrefixes);
		if (problem) fail(row, column, problem);
	};
	const docYear = new Map(input.documents.map((d) => [d.doc_id, d.date.slice(0, 4)]));
	for (const d of input.documents) text(failIn(input.files.documents), d._row, 'note', d.note);
	for (const m of input.measures)
		for (const column of ['label', 'counts', 'of_whom'] as const) text(onMeasure, m._row, column, m[column]);

	const kindsByMeasure = new Map<string, Set<string>>();
	const fitsMeasure = (
		fail: Fail,
		row: number,
		f: Pick<FigureRow, 'measure' | 'unit' | 'kind'>
	): MeasureRow | undefined => {
		const m = measures.get(f.measure);
		if (!m) {
			if (f.measure) fail(row, 'measure', `"${f.measure}" is not in measures.csv`);
			return undefined;
		}
		const rules = FAMILY_RULES[m.unit_family];
		if (!rules.units.includes(f.unit))
			fail(row, 'unit', `"${f.unit}" does not fit the measure "${m.measure}" (${m.unit_family}); expected ${rules.units.join(' or ')}`);
		if (!rules.kinds.includes(f.kind))
			fail(row, 'kind', `"${f.kind}" does not fit the measure "${m.measure}" (${m.unit_family}); expected ${rules.kinds.join(', ')}`);
		kindsByMeasure.set(m.measure, (kindsByMeasure.get(m.measure) ?? new Set()).add(f.kind));
		return m;
	};

	for (const f of input.figures) {
		const m = fitsMeasure(onFigure, f._row, f);
		if (m && f.indicator !== m.label)
			onFigure(f._row, 'indicator', `"${f.indicator}" is not the label of its measure "${m.measure}"; expected "${m.label}"`);
		checkTime(f, docYear.get(f.doc_id), (column, message) => onFigure(f._row, column, message));
		const topics = splitList(f.topics);
		// An unknown primary topic is reported once, on its own column.
		if (f.topics && TOPICS.includes(f.topic as Topic) && topics[0] !== f.topic)
			onFigure(f._row, 'topics', `starts with "${topics[0]}"; expected the primary topic "${f.topic}" first`);
		checkFlags(f, (column, message) => onFigure(f._row, column, message));
		text(onFigure, f._row, 'note', f.note);
		text(onFigure, f._row, 'flag_note', f.flag_note);
	}

	for (const d of input.derived) {
		const fail = (column: string | null, message: string) => onDerived(d._row, column, message);
		if (figures.has(d.derived_id)) fail('derived_id', `"${d.derived_id}" is also a figure_id`);
		fitsMeasure(onDerived, d._row, d);
		checkDerived(d, figures, fail);
		text(onDerived, d._row, 'note', d.note);
		text(onDerived, d._row, 'formula_text', d.formula_text);
	}
	const derivedIds = new Set<string>();
	for (const d of input.derived) {
		if (derivedIds.has(d.derived_id)) onDerived(d._row, 'derived_id', `"${d.derived_id}" is used twice`);
		derivedIds.add(d.derived_id);
	}

	for (const m of input.measures) {
		const kinds = kindsByMeasure.get(m.measure);
		if (!kinds) onMeasure(m._row, 'measure', `"${m.measure}" is used by no figure; expected every measure in use`);
		else if (kinds.has('target') && kinds.size > 1)
			onMeasure(m._row, 'measure', `mixes targets with ${[...kinds].filter((k) => k !== 'target').join(', ')}; a plan never shares a measure with what was achieved`);
	}
	return problems;
}

function checkTime(
	f: FigureRow,
	docYear: string | undefined,
	fail: (column: string, message: string) => void
) {
	if (f.period) {
		if (f.period_basis !== 'stated')
			fail('period_basis', `is "${f.period_basis}" but the period ${f.period} is printed; expected "stated"`);
		if (f.ref_period && f.ref_period !== f.period)
			fail('ref_period', `is ${f.ref_period}; expected the printed period ${f.period}`);
	} else if (f.period_basis === 'stated') {
		fail('period_basis', 'is "stated" but no period is printed; expected "implied" or "document_date"');
	}
	if (f.period_basis === 'document_date' && docYear && f.ref_period !== docYear)
		fail('ref_period', `is ${f.ref_period}; a figure dated by its document refers to the document's year, ${docYear}`);
}

function checkFlags(f: FigureRow, fail: (column: string, message: string) => void) {
	const flags = splitList(f.flag);
	if (flags.length && !f.flag_note) fail('flag_note', `is empty; a flagged figure needs a sentence saying why (${f.flag})`);
	if (!flags.length && f.flag_note) fail('flag', 'is empty but flag_note is filled; expected the warning codes');
	if (flags.includes('no_source') && f.attributed_to)
		fail('flag', `says no source is named, but attributed_to names "${f.attributed_to}"`);
	if (ESTIMATE_WORDS.test(f.quote) && !f.attributed_to && !flags.includes('no_source'))
		fail('flag', 'the quote gives an estimate and names no source; expected "no_source" among the warnings');
}

function checkDerived(
	d: DerivedRow,
	figures: ReadonlyMap<string, FigureRow>,
	fail: (column: string | null, message: string) => void
) {
	const ids = splitList(d.inputs);
	const inputs = ids.map((id) => figures.get(id));
	const missing = ids.filter((_, i) => !inputs[i]);
	if (missing.length) return fail('inputs', `${missing.map((id) => `"${id}"`).join(', ')} not a figure_id`);
	const found = inputs as FigureRow[];
	const got = computeDerived(d.formula, found);
	if ('error' in got) return fail('formula', got.error);
	for (const column of ['value', 'low', 'high', 'qualifier', 'unit'] as const)
		if (got[column] !== d[column])
			fail(column, `is ${d[column] ?? 'empty'}; ${d.formula} of ${ids.join(' and ')} gives ${got[column] ?? 'empty'}`);
	const first = found[0]!;
	for (const column of ['geo_code', 'ref_period', 'period_basis'] as const)
		if (d[column] !== first[column])
			fail(column, `is "${d[column]}"; expected "${first[column]}", as for its first input ${first.figure_id}, which it applies to`);
	const operands = d.formula_text.split(' × ');
	if (operands.length !== found.length)
		fail('formula_text', `has ${operands.length} operand(s) separated by " × "; expected one per input (${found.length})`);
	else
		operands.forEach((words, i) => {
			if (!found[i]!.quote.includes(words))
				fail('formula_text', `"${words}" is not in the quote of ${found[i]!.figure_id}; expected the printed words`);
		});
}
