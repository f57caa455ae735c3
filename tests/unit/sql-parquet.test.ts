import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parquetBatches } from '../../src/lib/sql/parquet-arrow';
import { columnDocs, parseDictionary } from '../../src/lib/data/dictionary';
import { SITE_COLUMNS } from '../../src/lib/data/site-table';
import { exportType, rowsToCsv } from '../../src/lib/export/formats';

describe('Parquet files read into Arrow', () => {
	it('row group by row group, with the types DuckDB wrote, nulls and nested values as JSON', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cifras-parquet-'));
		const file = join(dir, 't.parquet');
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		await db.run(
			`COPY (SELECT i AS id, CASE WHEN i % 10 = 1 THEN NULL ELSE 'ñ' || i END AS name, CASE WHEN i % 10 = 0 THEN NULL ELSE i * 1.5 END AS amount,
			 (i % 7)::TINYINT AS small, DATE '2020-01-01' + (i % 365)::INT AS day, i % 2 = 0 AS even,
			 [i, i + 1] AS pair, 12.34::DECIMAL(10, 2) AS dec
			 FROM range(5000) t(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 2048, COMPRESSION zstd)`
		);
		const buf = readFileSync(file);
		const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
		const batches = [];
		// The site's security policy forbids eval: reading must never compile code (Arrow's
		// builders do), so it runs here with the Function constructor taken away.
		const RealFunction = globalThis.Function;
		globalThis.Function = function () {
			throw new EvalError('eval is forbidden by the security policy');
		} as unknown as FunctionConstructor;
		try {
			for await (const b of parquetBatches(
				{ byteLength: ab.byteLength, slice: (s, e) => ab.slice(s, e) },
				't.parquet'
			))
				batches.push(b);
		} finally {
			globalThis.Function = RealFunction;
		}
		expect(batches.map((b) => b.rowsDone)).toEqual([2048, 4096, 5000]);
		const t = batches[1]!.table;
		expect(t.numRows).toBe(2048);
		expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
			'id:Int64',
			'name:Utf8',
			'amount:Float64',
			'small:Int32',
			'day:Date32<DAY>',
			'even:Bool',
			'pair:Utf8',
			'dec:Float64'
		]);
		const row = t.get(12)!.toJSON();
		expect(row.id).toBe(2060n);
		expect(row.name).toBe('ñ2060');
		expect(row.amount).toBe(null);
		expect(t.get(13)!.toJSON()).toMatchObject({ amount: 3091.5, name: null });
		expect(t.get(14)!.toJSON().name).toBe('ñ2062');
		expect(row.pair).toBe('["2060","2061"]');
		expect(row.dec).toBe(12.34);
		expect(row.small).toBe(2060 % 7);
		expect(row.even).toBe(true);
		expect(t.get(13)!.toJSON().even).toBe(false);
		expect(new Date(row.day as number).toISOString().slice(0, 10)).toBe('2020-08-23');
	});

	it('name a file that is not Parquet inside', async () => {
		const bytes = new TextEncoder().encode('PAR1 this is not really parquet PAR1');
		const ab = bytes.buffer;
		const read = async () => {
			for await (const _ of parquetBatches(
				{ byteLength: ab.byteLength, slice: (s, e) => ab.slice(s, e) },
				'odd.parquet'
			));
		};
		await expect(read()).rejects.toThrow(/“odd.parquet” could not be read as Parquet/);
	});
});

describe('the schema beside the editor and result exports', () => {
	it('take every served column’s description from the data dictionary', () => {
		const docs = columnDocs(parseDictionary(readFileSync('data/README.md', 'utf8')));
		for (const [name] of SITE_COLUMNS) expect(docs.figures[name]?.meaning, name).toBeTruthy();
		expect(docs.documents.publisher?.meaning).toMatch(/organisation/);
	});

	it('write any result as CSV with types chosen from DuckDB’s', () => {
		expect(exportType('INTEGER')).toBe('INTEGER');
		expect(exportType('BIGINT')).toBe('BIGINT');
		expect(exportType('DECIMAL(10,2)')).toBe('DECIMAL');
		expect(exportType('HUGEINT')).toBe('DOUBLE');
		expect(exportType('BOOLEAN')).toBe('BOOLEAN');
		expect(exportType('DATE')).toBe('DATE');
		expect(exportType('TIME')).toBe('VARCHAR');
		const csv = rowsToCsv(
			[
				{ name: 'a', type: 'VARCHAR' },
				{ name: 'n', type: 'DOUBLE' }
			],
			[
				{ a: 'x, "y"', n: 1.5 },
				{ a: null, n: null }
			]
		);
		expect(csv).toBe('a,n\r\n"x, ""y""",1.5\r\n,\r\n');
	});
});
