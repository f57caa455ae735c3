/**
 * The statements that read a reader's CSV or TSV into DuckDB, built from data only. DuckDB's
 * `sniff_csv` also returns a ready-made `read_csv(…)` call (`Prompt`), but it writes column
 * names into it without escaping quotes (a header cell `x'}); UPDATE …; --` ends the call and
 * runs a second statement), so the call is built here from the sniffer's structured answer,
 * every name and option as a quoted literal, and no type that is not a plain type name.
 */
import { sqlLiteral } from '../queries/sql';

/** What `sniff_csv` detects, as it returns it (the fields used here). */
export interface SniffedCsv {
	NewLineDelimiter: string | null;
	SkipRows: number | null;
	Columns: { name: string; type: string }[];
	DateFormat: string | null;
	TimestampFormat: string | null;
}

export interface CsvDialect {
	/** One character: `,` `;` tab or `|`. */
	delimiter: string;
}

/** DuckDB's own default: a longer line is an error unless the reader is told otherwise. */
export const DEFAULT_MAX_LINE_BYTES = 2_097_152;

/**
 * The sniffer's answer for a registered file, its types chosen from every row of the slice.
 * @param longestRecord bytes in the slice's longest record, so DuckDB's line limit fits it
 */
export function sniffSql(path: string, { delimiter }: CsvDialect, longestRecord = 0): string {
	return `SELECT NewLineDelimiter, SkipRows, Columns, DateFormat, TimestampFormat FROM sniff_csv(${sqlLiteral(path)}, delim=${sqlLiteral(delimiter)}, quote='"', escape='"', header=true, sample_size=-1${lineSize(longestRecord + 1024)})`;
}

/** Type names as DuckDB's sniffer writes them: `BIGINT`, `DECIMAL(18,3)`, `TIMESTAMP WITH TIME ZONE`. */
const PLAIN_TYPE = /^[A-Z][A-Z0-9_]*(?: [A-Z][A-Z0-9_]*)*(?:\(\d+(?:, ?\d+)?\))?$/;
/** The line endings the sniffer reports, as it writes them (backslash escapes, not characters). */
const NEW_LINES = new Set(['\\n', '\\r\\n', '\\r']);

const lineSize = (bytes: number) =>
	bytes > DEFAULT_MAX_LINE_BYTES
		? `, max_line_size=${Math.ceil(bytes)}, buffer_size=${Math.ceil(bytes) * 4}`
		: '';

/**
 * A `read_csv(…)` call for a registered file with the sniffed columns and formats: the same
 * call reads every later slice (only the path changes), so all slices get the first one's types.
 * @param longestRecord bytes in the file's longest record, so DuckDB's line limit fits it
 */
export function readCsvSql(
	path: string,
	{ delimiter }: CsvDialect,
	sniffed: SniffedCsv,
	longestRecord = 0
): string {
	if (!sniffed.Columns.length) throw new Error('the sniffer found no columns');
	const columns = sniffed.Columns.map(
		({ name, type }) =>
			`${sqlLiteral(name)}: ${sqlLiteral(PLAIN_TYPE.test(type) ? type : 'VARCHAR')}`
	);
	const options = [
		'auto_detect=false',
		'header=true',
		`delim=${sqlLiteral(delimiter)}`,
		`quote='"'`,
		`escape='"'`,
		`columns={${columns.join(', ')}}`
	];
	if (sniffed.NewLineDelimiter && NEW_LINES.has(sniffed.NewLineDelimiter))
		options.push(`new_line=${sqlLiteral(sniffed.NewLineDelimiter)}`);
	const skip = Number(sniffed.SkipRows ?? 0);
	if (Number.isInteger(skip) && skip > 0) options.push(`skip=${skip}`);
	if (sniffed.DateFormat) options.push(`dateformat=${sqlLiteral(sniffed.DateFormat)}`);
	if (sniffed.TimestampFormat)
		options.push(`timestampformat=${sqlLiteral(sniffed.TimestampFormat)}`);
	// Headroom for the line break and quotes DuckDB counts with the record.
	return `FROM read_csv(${sqlLiteral(path)}, ${options.join(', ')}${lineSize(longestRecord + 1024)})`;
}
