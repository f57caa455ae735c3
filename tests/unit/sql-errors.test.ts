import { describe, expect, it } from 'vitest';
import {
	boundsProblem,
	errorKind,
	errorPosition,
	errorTitle,
	isCancelled,
	isMemoryError
} from '../../src/lib/sql/errors';

const cols = Array.from({ length: 30 }, (_, i) => `${i} AS column_number_${i}`).join(', ');

describe('DuckDB error positions', () => {
	it('read the caret under "LINE n:" as a line, column and offset', () => {
		const sql = 'SELECT figure_id, valeu FROM figures';
		const message =
			'Binder Error: Referenced column "valeu" not found in FROM clause!\nCandidate bindings: "value"\n\nLINE 1: SELECT figure_id, valeu FROM figures\n                          ^';
		expect(errorPosition(message, sql)).toEqual({ line: 1, column: 18, offset: 18 });
		expect(sql.slice(18, 23)).toBe('valeu');
		expect(errorTitle(message)).toBe(
			'Binder Error: Referenced column "valeu" not found in FROM clause!'
		);
	});

	it('count earlier lines into the offset', () => {
		const sql = "SELECT 1 +\n  'a'::INT";
		const message =
			"Conversion Error: Could not convert string 'a' to INT32\n\nLINE 2:   'a'::INT\n             ^";
		const p = errorPosition(message, sql)!;
		expect(p).toMatchObject({ line: 2, column: 5 });
		expect(sql.slice(p.offset, p.offset + 5)).toBe('::INT');
	});

	it('find the place in a long line DuckDB shortened with "..." (as DuckDB 1.4 prints it)', () => {
		const sql = `SELECT ${cols}, valeu FROM (SELECT 1 AS value)`;
		const message = [
			'Binder Error: Referenced column "valeu" not found in FROM clause!',
			'',
			'LINE 1: ...number_27, 28 AS column_number_28, 29 AS column_number_29, valeu FROM (SELECT 1 AS value)',
			'                                                                      ^'
		].join('\n');
		const p = errorPosition(message, sql)!;
		expect(sql.slice(p.offset, p.offset + 5)).toBe('valeu');
		const tail = [
			'LINE 1: SELECT valeu, 0 AS column_number_0, 1 AS column_number_1, 2 AS...',
			'               ^'
		].join('\n');
		const q = `SELECT valeu, ${cols} FROM (SELECT 1 AS value)`;
		expect(q.slice(errorPosition(tail, q)!.offset).startsWith('valeu')).toBe(true);
	});

	it('give no position when the message marks none, or names a line the text lacks', () => {
		expect(errorPosition('Catalog Error: Table with name nope does not exist!', 'FROM nope')).toBe(
			null
		);
		expect(errorPosition('Parser Error: x\n\nLINE 9: x\n        ^', 'SELECT 1')).toBe(null);
	});

	it('tell memory errors and cancellations apart from other errors', () => {
		expect(isMemoryError('Out of Memory Error: failed to allocate data of size 16.0 MiB')).toBe(
			true
		);
		expect(isMemoryError('RangeError: Array buffer allocation failed')).toBe(true);
		expect(isMemoryError('Binder Error: no such column')).toBe(false);
		expect(isCancelled('INTERRUPT Error: Interrupted!')).toBe(true);
		expect(isCancelled('query was canceled')).toBe(true);
	});

	it('name what an error is about, for a line in the reader’s language', () => {
		expect(errorKind('Parser Error: syntax error at or near "FORM"')).toBe('syntax');
		expect(errorKind('Catalog Error: Table with name figuers does not exist!')).toBe('catalog');
		expect(errorKind('Binder Error: Referenced column "valeu" not found')).toBe('binder');
		expect(errorKind("Conversion Error: Could not convert string 'x' to INT32")).toBe('value');
		expect(errorKind('Invalid Input Error: bad')).toBe('value');
		expect(errorKind('Something else went wrong')).toBe('other');
		expect(boundsProblem('Cannot execute statement in read-only mode')).toBe('read-only');
		expect(boundsProblem('Permission Error: file system operations are disabled')).toBe('files');
		expect(boundsProblem('Binder Error: x')).toBe(null);
	});
});
