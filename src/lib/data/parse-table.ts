/**
 * Typed reading of a curated CSV against its column specs: one problem per bad cell, naming
 * file, row, column, what is wrong and what was expected.
 */
import type { RawTable } from './csv';
import {
	FLAGS,
	FORMULAS,
	KINDS,
	LIST_SEPARATOR,
	PERIOD_BASES,
	PERS,
	UNIT_FAMILIES
} from './meaning';
import {
	PERIOD_PATTERN,
	QUALIFIERS,
	SLUG_PATTERN,
	TOPICS,
	UNITS,
	type ColumnSpec
} from './schema';
import { UNCURATED_REASONS } from './uncurated';

export interface Problem {
	file: string;
	/** 1-based row in the file (header is row 1); null for whole-file problems. */
	row: number | null;
	column: string | null;
	message: string;
}

export const CODE_LISTS: Record<string, readonly string[]> = {
	qualifier: QUALIFIERS,
	unit: UNITS,
	topic: TOPICS,
	topics: TOPICS,
	kind: KINDS,
	period_basis: PERIOD_BASES,
	flag: FLAGS,
	per: PERS,
	unit_family: UNIT_FAMILIES,
	formula: FORMULAS,
	language: ['en', 'es', 'fr', 'pt'],
	original_language: ['en', 'es', 'fr', 'pt'],
	reason: UNCURATED_REASONS
};

const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function formatProblem(p: Problem): string {
	const where = [p.file, p.row === null ? null : `row ${p.row}`, p.column]
		.filter(Boolean)
		.join(', ');
	return `${where}: ${p.message}`;
}

function checkCell(spec: ColumnSpec, raw: string): { value: unknown; error?: string } {
	if (raw !== raw.trim()) return { value: raw, error: 'has spaces at its start or end' };
	if (raw === '') {
		return spec.required
			? { value: raw, error: 'is empty; expected a value' }
			: { value: spec.type === 'number' ? null : '' };
	}
	switch (spec.type) {
		case 'slug':
			return SLUG_PATTERN.test(raw)
				? { value: raw }
				: { value: raw, error: `"${raw}" is not a slug; expected lowercase a-z, 0-9 and hyphens` };
		case 'int':
			return /^[1-9]\d*$/.test(raw)
				? { value: Number(raw) }
				: { value: raw, error: `"${raw}" is not a whole number ≥ 1` };
		case 'number':
			return PLAIN_NUMBER.test(raw)
				? { value: Number(raw) }
				: {
						value: raw,
						error: `"${raw}" is not a plain number; expected digits with an optional decimal point, no separators or words`
					};
		case 'period':
			return PERIOD_PATTERN.test(raw)
				? { value: raw }
				: { value: raw, error: `"${raw}" is not a period; expected YYYY or YYYY-YYYY` };
		case 'date':
			return DATE_PATTERN.test(raw)
				? { value: raw }
				: { value: raw, error: `"${raw}" is not an ISO date; expected YYYY, YYYY-MM or YYYY-MM-DD` };
		case 'code': {
			const list = CODE_LISTS[spec.name];
			if (list && !list.includes(raw))
				return { value: raw, error: `"${raw}" is not a known code; expected one of ${list.join(', ')}` };
			return { value: raw };
		}
		case 'codes':
		case 'slugs': {
			const items = raw.split(LIST_SEPARATOR);
			const list = CODE_LISTS[spec.name];
			const bad = items.find((x) =>
				spec.type === 'slugs' ? !SLUG_PATTERN.test(x) : !list || !list.includes(x)
			);
			if (bad !== undefined)
				return {
					value: raw,
					error: `"${bad}" in "${raw}" is not ${spec.type === 'slugs' ? 'a slug' : `a known code; expected codes from ${list?.join(', ')}`}, separated by "${LIST_SEPARATOR}" without spaces`
				};
			if (new Set(items).size < items.length)
				return { value: raw, error: `"${raw}" names the same item twice` };
			return { value: raw };
		}
		default:
			return { value: raw };
	}
}

/** Rows typed by `columns`, or the problems that kept them from being typed. */
export function parseTable<T>(
	file: string,
	table: RawTable,
	columns: ColumnSpec[]
): { rows: (T & { _row: number })[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const expected = columns.map((c) => c.name);
	const header = table.header;
	const headerOk =
		header.length >= expected.length && expected.every((name, i) => header[i] === name);
	if (!headerOk) {
		problems.push({
			file,
			row: 1,
			column: null,
			message: `header is "${header.join(',')}"; expected the columns ${expected.join(',')} in this order`
		});
		return { rows: [], problems };
	}
	const rows: (T & { _row: number })[] = [];
	for (const { row, fields } of table.records) {
		if (fields.length !== header.length) {
			problems.push({
				file,
				row,
				column: null,
				message: `has ${fields.length} fields; expected ${header.length} (is a comma or quote missing?)`
			});
			continue;
		}
		const out: Record<string, unknown> = { _row: row };
		columns.forEach((spec, i) => {
			const { value, error } = checkCell(spec, fields[i]!);
			if (error) problems.push({ file, row, column: spec.name, message: error });
			out[spec.name] = value;
		});
		rows.push(out as T & { _row: number });
	}
	return { rows, problems };
}
