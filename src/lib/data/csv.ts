/** RFC 4180 reading and writing of the curated tables, keeping row numbers for messages. */
import { csvFormatRows, csvParseRows } from 'd3-dsv';

export interface RawTable {
	header: string[];
	/** Each record with its 1-based row number in the file (the header is row 1). */
	records: { row: number; fields: string[] }[];
}

export function readCsv(text: string): RawTable {
	// A byte-order mark would otherwise glue itself to the first column's name.
	const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
	const [header = [], ...rest] = rows;
	return {
		header,
		records: rest
			.map((fields, i) => ({ row: i + 2, fields }))
			.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''))
	};
}

/** CSV text with numbers as plain digits and empty cells for nulls. */
export function writeCsv(columns: string[], rows: Record<string, unknown>[]): string {
	const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
	return csvFormatRows([columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]) + '\n';
}
