import { describe, expect, it } from 'vitest';
import { LoadProblem, detectKind, lineAt, tableNameFor } from '../../src/lib/sql/file-kind';
import {
	TextScanner,
	detectDelimiter,
	firstInvalidUtf8,
	normaliseLineEnds
} from '../../src/lib/sql/text-scan';
import { RESERVED_NAMES } from '../../src/lib/db/sandbox';
import { isSingleQuery, pageSql, splitStatements } from '../../src/lib/sql/statements';

const bytes = (s: string) => new TextEncoder().encode(s);
const kind = (name: string, content: Uint8Array) =>
	detectKind(name, content.length, content.subarray(0, 4096), content.subarray(-4));
const problem = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		if (e instanceof LoadProblem) return e;
		throw e;
	}
	throw new Error('no problem reported');
};

/** Scans `text` in slices of `size` bytes the way the loader does, returning the scanner. */
function scanAll(text: string | Uint8Array, size: number, delimiter = ',') {
	const all = typeof text === 'string' ? bytes(text) : text;
	const s = new TextScanner('t.csv', delimiter.charCodeAt(0));
	let pos = 0;
	const cuts: number[] = [];
	const bodies: string[] = [];
	while (pos < all.length) {
		let end = Math.min(all.length, pos + size);
		let slice: { body: Uint8Array; consumed: number };
		for (;;) {
			slice = s.scan(all.subarray(pos, end), end === all.length);
			if (slice.consumed > 0 || end === all.length) break;
			end = Math.min(all.length, pos + 2 * (end - pos));
		}
		cuts.push(pos + slice.consumed);
		bodies.push(new TextDecoder().decode(slice.body));
		pos += slice.consumed;
	}
	s.finish();
	return { scanner: s, cuts, text: bodies.join('') };
}

describe('file kinds', () => {
	it('know CSV, TSV, JSON and Parquet from the name and the bytes', () => {
		expect(kind('a.csv', bytes('a,b\n1,2\n'))).toBe('csv');
		expect(kind('a.tsv', bytes('a\tb\n1\t2\n'))).toBe('tsv');
		expect(kind('a.txt', bytes('[{"a":1}]'))).toBe('json');
		expect(kind('a.ndjson', bytes('{"a":1}\n'))).toBe('json');
		expect(kind('data.bin', bytes('PAR1....PAR1'))).toBe('parquet');
	});

	it('name the problem of an empty file, a fake Parquet file and UTF-16 text', () => {
		expect(problem(() => kind('e.csv', new Uint8Array())).message).toMatch(/is empty/);
		expect(problem(() => kind('fake.parquet', bytes('a,b\n1,2\n'))).message).toMatch(
			/not a Parquet file.*begins with “a,b 1,2”/
		);
		expect(problem(() => kind('cut.parquet', bytes('PAR1 and then nothing'))).message).toMatch(
			/does not end with them/
		);
		const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]);
		expect(problem(() => kind('w.csv', utf16)).message).toMatch(/UTF-16/);
		const noBom = new Uint8Array([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]);
		expect(problem(() => kind('w.csv', noBom)).line).toBe(1);
		expect(problem(() => kind('blank.csv', bytes('  \n\n'))).message).toMatch(/only blank/);
	});

	it('give each file an unused table name made of letters, digits and _', () => {
		expect(tableNameFor('Remesas 2010 (México).csv', [])).toBe('remesas_2010_mexico');
		expect(tableNameFor('2010.csv', [])).toBe('t_2010');
		// Names the workbench uses itself are never taken by a file.
		expect(tableNameFor('figures.csv', [], RESERVED_NAMES)).toBe('figures_2');
		expect(tableNameFor('explorer_figures.csv', [], RESERVED_NAMES)).toBe('explorer_figures_2');
		expect(tableNameFor('cifras_result.csv', [], RESERVED_NAMES)).toBe('cifras_result_2');
		expect(tableNameFor('Curated.csv', [], RESERVED_NAMES)).toBe('curated_2');
		// A name ending like the explorer's cubes is an ordinary name now (they live elsewhere).
		expect(tableNameFor('figures_cube.csv', [], RESERVED_NAMES)).toBe('figures_cube');
		expect(tableNameFor('a.csv', ['a', 'a_2'])).toBe('a_3');
		expect(tableNameFor('.csv', [])).toBe('my_table');
		expect(lineAt(bytes('a\nb\nc'), 4)).toBe(3);
	});
});

describe('scanning CSV and TSV in slices', () => {
	it('cut slices after whole records, also inside quoted line breaks, and count the rows', () => {
		const text = 'a,b\n1,"x\ny"\n2,"p,q"\n3,z\n';
		for (const size of [1, 3, 5, 8, 64]) {
			const { scanner, cuts } = scanAll(text, size);
			expect(scanner.records).toBe(3);
			expect(scanner.headerFields).toBe(2);
			expect(new TextDecoder().decode(scanner.header!)).toBe('a,b\n');
			for (const c of cuts.slice(0, -1)) expect(['\n'].includes(text[c - 1]!)).toBe(true);
		}
	});

	it('name the line of a ragged row, counted across slices and quoted line breaks', () => {
		const text = 'a,b,c\n1,"two\nlines",3\n4,5,6\n7,8,9,10\n';
		for (const size of [4, 1000]) {
			const p = problem(() => scanAll(text, size));
			expect(p.message).toMatch(/ragged rows: line 5 has 4 fields where the header has 3/);
			expect(p.line).toBe(5);
		}
		expect(problem(() => scanAll('a,b\n1,2\n3\n', 1000)).line).toBe(3);
	});

	it('name the line of a byte that is not UTF-8 (Latin-1 text)', () => {
		const latin1 = new Uint8Array([...bytes('a,b\n1,x\n2,'), 0xe9, ...bytes('t\n')]);
		for (const size of [2, 1000]) {
			const p = problem(() => scanAll(latin1, size));
			expect(p.message).toMatch(/not UTF-8 text: line 3 .*0xE9/);
			expect(p.line).toBe(3);
		}
	});

	it('say a header-only file has no rows, and accept CRLF, a missing last line break and blank lines', () => {
		const p = problem(() => scanAll('a,b,c\r\n', 1000));
		expect(p.message).toMatch(/header line but no rows: line 1 names 3 columns/);
		expect(scanAll('a,b\r\n1,2\r\n\r\n3,4', 3).scanner.records).toBe(2);
		expect(scanAll('a\tb\n1\t2\n', 1000, '\t').scanner.records).toBe(1);
		expect(problem(() => scanAll('a,b\n1,"open\n', 1000)).message).toMatch(/closing " is missing/);
	});

	it('read CRLF, CR alone and a mix of endings as LF records, keeping line breaks inside quotes', () => {
		const cases = {
			crlf: 'a,b\r\n1,2\r\n3,4\r\n',
			cr: 'a,b\r1,2\r3,4\r',
			mixed: 'a,b\r\n1,2\n3,4\r\n',
			quoted: 'a,b\r\n1,"x\r\ny"\n3,4\r'
		};
		for (const size of [1, 2, 3, 5, 1000]) {
			for (const [name, text] of Object.entries(cases)) {
				const { scanner, cuts, text: read } = scanAll(text, size);
				expect(scanner.records, `${name} in slices of ${size}`).toBe(2);
				expect(cuts.at(-1)).toBe(text.length);
				if (name !== 'quoted') expect(read).toBe('a,b\n1,2\n3,4\n');
				else expect(read).toBe('a,b\n1,"x\r\ny"\n3,4\n');
			}
		}
		// A ragged row is named at its real line whatever the endings.
		expect(problem(() => scanAll('a,b\r1,2\r3\r', 1000)).line).toBe(3);
		expect(normaliseLineEnds(bytes('a\r'), false).bytes).toEqual(bytes('a\r'));
		expect(normaliseLineEnds(bytes('a\r'), true).bytes).toEqual(bytes('a\n'));
	});

	it('measure the longest record and copy a header of megabytes without spreading it', () => {
		const wide = Array.from({ length: 300_000 }, (_, i) => `column_${i}`).join(',');
		const { scanner } = scanAll(`${wide}\n${'1,'.repeat(299_999)}1\n`, 16 * 1024 * 1024);
		expect(scanner.headerFields).toBe(300_000);
		expect(scanner.header!.length).toBe(wide.length + 1);
		// A header alone with no line break (it once overflowed the stack, copied as arguments).
		expect(problem(() => scanAll(wide, 16 * 1024 * 1024)).message).toMatch(
			/header line but no rows: line 1 names 300,?000 columns/
		);
		const big = 'x'.repeat(3_000_000);
		expect(scanAll(`a,b\n1,"${big}"\n2,y\n`, 1 << 20).scanner.longest).toBe(big.length + 5);
	});

	it('find the delimiter a header uses, and the first byte UTF-8 does not allow', () => {
		expect(detectDelimiter('a;b;c', ',')).toBe(';');
		expect(detectDelimiter('"a,b";c', ',')).toBe(';');
		expect(detectDelimiter('a\tb', '\t')).toBe('\t');
		expect(detectDelimiter('single', ',')).toBe(',');
		expect(firstInvalidUtf8(bytes('héllo ✓ 😀'))).toBe(-1);
		expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0x74]))).toBe(1);
		expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
		expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
	});
});

describe('statements', () => {
	it('split at semicolons outside quotes and comments', () => {
		expect(splitStatements("SELECT ';'; -- a; comment\nSELECT 2;")).toEqual([
			"SELECT ';'",
			' -- a; comment\nSELECT 2'
		]);
		expect(isSingleQuery('  -- note\n  WITH x AS (SELECT 1) SELECT * FROM x;')).toBe(true);
		expect(isSingleQuery('FROM figures')).toBe(true);
		expect(isSingleQuery('CREATE TABLE t AS SELECT 1')).toBe(false);
		expect(isSingleQuery('SELECT 1; SELECT 2')).toBe(false);
		expect(isSingleQuery('DESCRIBE figures')).toBe(false);
	});

	it('page and sort a kept result in DuckDB, quoting the column', () => {
		expect(pageSql('r', { offset: 200, limit: 100, sort: { column: 'a"b', desc: true } })).toBe(
			'SELECT * FROM r ORDER BY "a""b" DESC NULLS LAST, rowid LIMIT 100 OFFSET 200'
		);
		expect(pageSql('r', { offset: -5, limit: 10.7 })).toBe('SELECT * FROM r LIMIT 10 OFFSET 0');
	});
});
