/**
 * DuckDB's error messages, kept as DuckDB wrote them, with the position they point at read back:
 * a parser or binder error ends with "LINE n: <the line>" and a caret under the culprit.
 */
export interface ErrorPosition {
	/** 1-based line of the statement text. */
	line: number;
	/** 0-based column on that line. */
	column: number;
	/** 0-based offset in the whole text. */
	offset: number;
}

/**
 * Where DuckDB's caret points in `sql`, or null when the message marks no position. DuckDB
 * shortens a long line with "..." at either end; the visible part is found in the line again.
 */
export function errorPosition(message: string, sql: string): ErrorPosition | null {
	const m = /^LINE (\d+): (.*)\n( *)\^/m.exec(message);
	if (!m) return null;
	const lines = sql.split('\n');
	const line = Number(m[1]);
	const text = lines[line - 1];
	if (text === undefined) return null;
	let shown = m[2]!;
	let caret = m[3]!.length - `LINE ${m[1]}: `.length;
	let start = 0;
	if (shown.startsWith('...')) {
		shown = shown.slice(3);
		caret -= 3;
		const visible = shown.endsWith('...') ? shown.slice(0, -3) : shown;
		start = Math.max(0, text.indexOf(visible));
	}
	const column = Math.min(text.length, Math.max(0, start + caret));
	const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column;
	return { line, column, offset };
}

/** The message's first line, for a short summary ("Parser Error: syntax error at or near …"). */
export function errorTitle(message: string): string {
	return message.split('\n')[0]?.trim() ?? message;
}

/** DuckDB's and the browser's ways of saying a query ran out of memory. */
export function isMemoryError(message: string): boolean {
	return /out of memory|memory access out of bounds|cannot enlarge memory|allocation failed|array buffer allocation/i.test(
		message
	);
}

/** A cancelled pending query, however the worker reports it. */
export function isCancelled(message: string): boolean {
	return /cancel|interrupt/i.test(message);
}

/** The workbench's own bounds that refused a statement (not a mistake in the reader's SQL). */
export type BoundsProblem = 'read-only' | 'extensions' | 'locked' | 'files';

/**
 * Which of the workbench's bounds an error comes from, when it comes from them rather than from
 * the reader's SQL: the curated tables are read-only, and nothing reaches past the page.
 */
export function boundsProblem(message: string): BoundsProblem | null {
	if (/read-only mode|attached in read.only/i.test(message)) return 'read-only';
	if (/external extensions is disabled|extension.*disabled/i.test(message)) return 'extensions';
	if (/configuration has been locked|Cannot change (configuration|allowed)/i.test(message))
		return 'locked';
	if (/file system operations are disabled|Permission Error/i.test(message)) return 'files';
	return null;
}

/** What an error is about, from DuckDB's "<Kind> Error:" at its start, for a line in the reader's language. */
export type ErrorKind = 'syntax' | 'catalog' | 'binder' | 'value' | 'other';

export function errorKind(message: string): ErrorKind {
	const kind = /^\s*([A-Za-z ]+?) Error:/.exec(message)?.[1]?.toLowerCase();
	if (kind === 'parser') return 'syntax';
	if (kind === 'catalog') return 'catalog';
	if (kind === 'binder') return 'binder';
	if (kind === 'conversion' || kind === 'invalid input' || kind === 'out of range') return 'value';
	return 'other';
}
