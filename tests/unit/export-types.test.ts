import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
	BOM,
	exportBlob,
	exportColumn,
	rowsBlob,
	versionColumn,
	type ExportFormat
} from '../../src/lib/export/formats';
import { unscaled } from '../../src/lib/export/parquet-types';
import { FIGURES } from '../../src/lib/data/bundled';
import { SITE_COLUMNS } from '../../src/lib/data/site-table';
import { DATA_VERSION } from '../../src/lib/data/version';

const dir = mkdtempSync(join(tmpdir(), 'cifras-export-'));
const db = await (await DuckDBInstance.create(':memory:')).connect();
const save = async (blob: Blob, name: string) => {
	const path = join(dir, name);
	writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
	return path;
};
const describeTypes = async (from: string) =>
	Object.fromEntries(
		(await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`))
			.getRowObjectsJS()
			.map((r) => [r.column_name as string, r.column_type as string])
	);

/** A query's result as the workbench hands it to an export (see `Workbench.pages`): decimals, dates and timestamps as text, BIGINT as a number (or its digits past 2^53). */
const QUERY = `SELECT 8::BIGINT AS n, 9007199254740993::BIGINT AS big, 7::INTEGER AS i, 3::SMALLINT AS s,
	1.5::DOUBLE AS x, 2.5::FLOAT AS f, 12345.678::DECIMAL(18,3) AS d, 1.25::DECIMAL(38,2) AS wide,
	DATE '2002-11-22' AS day, TIMESTAMP '2006-09-29 13:45:01.123456' AS stamp, true AS ok, 'Martínez' AS who,
	NULL::BIGINT AS missing`;

describe('a result exported from /sql keeps the types shown on screen', async () => {
	const shown = await describeTypes(`(${QUERY})`);
	const columns = Object.entries(shown).map(([name, type]) => exportColumn(name, type));
	const row = {
		n: 8,
		big: '9007199254740993',
		i: 7,
		s: 3,
		x: 1.5,
		f: 2.5,
		d: '12345.678',
		wide: '1.25',
		day: '2002-11-22',
		stamp: '2006-09-29 13:45:01.123456',
		ok: true,
		who: 'Martínez',
		missing: null
	};

	it('in Parquet: BIGINT as INT64, dates as dates, decimals with their precision', async () => {
		const path = await save(await rowsBlob(columns, [row], 'parquet'), 'types.parquet');
		expect(await describeTypes(`read_parquet('${path}')`)).toEqual(shown);
		const back = (
			await db.runAndReadAll(
				`SELECT n, big::VARCHAR AS big, d::VARCHAR AS d, day::VARCHAR AS day, stamp::VARCHAR AS stamp FROM read_parquet('${path}')`
			)
		).getRowObjectsJS();
		expect(back).toEqual([
			{
				n: 8n,
				big: '9007199254740993',
				d: '12345.678',
				day: '2002-11-22',
				stamp: '2006-09-29 13:45:01.123456'
			}
		]);
	});

	it('in JSON: integers without a decimal point, every digit of a BIGINT, dates as ISO text', async () => {
		const text = await (await rowsBlob(columns, [row], 'json')).text();
		expect(text).toContain('"n": 8,');
		expect(text).toContain('"big": 9007199254740993,');
		expect(text).toContain('"d": 12345.678,');
		expect(text).toContain('"day": "2002-11-22",');
		const path = await save(new Blob([text]), 'types.json');
		const back = await describeTypes(`read_json('${path}')`);
		expect(back.n).toBe('BIGINT');
		expect(back.big).toBe('BIGINT');
		expect(back.day).toBe('DATE');
	});

	it('in CSV for Excel: the same CSV after a byte-order mark', async () => {
		const csv = await (await rowsBlob(columns, [row], 'csv')).text();
		const excel = new Uint8Array(await (await rowsBlob(columns, [row], 'excel')).arrayBuffer());
		expect([...excel.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(excel)).toBe(BOM + csv);
		expect(csv.split('\r\n')[1]).toBe(
			'8,9007199254740993,7,3,1.5,2.5,12345.678,1.25,2002-11-22,2006-09-29 13:45:01.123456,true,Martínez,'
		);
	});

	it('turns decimal text into its unscaled integer exactly', () => {
		expect(unscaled('-12.5', 2)).toBe(-1250n);
		expect(unscaled('123456789012345678901234567.89', 2)).toBe(12345678901234567890123456789n);
		expect(() => unscaled('1.234', 2)).toThrow(/DECIMAL/);
	});
});

describe("the explorer's files", () => {
	const rows = FIGURES.slice(0, 5);
	for (const format of ['csv', 'excel', 'json', 'parquet'] as ExportFormat[])
		it(`name the data version in every row (${format})`, async () => {
			const path = await save(await exportBlob(rows, format), `view.${format}`);
			const from =
				format === 'parquet'
					? `read_parquet('${path}')`
					: format === 'json'
						? `read_json('${path}')`
						: `read_csv('${path}')`;
			const back = (
				await db.runAndReadAll(`SELECT DISTINCT data_version FROM ${from}`)
			).getRowObjectsJS();
			expect(back).toEqual([{ data_version: DATA_VERSION.version }]);
			const types = await describeTypes(from);
			expect(Object.keys(types)).toEqual([...SITE_COLUMNS.map(([n]) => n), 'data_version']);
			if (format === 'parquet') {
				for (const [n, t] of SITE_COLUMNS) expect(types[n], n).toBe(t);
				const meta = (
					await db.runAndReadAll(
						`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`
					)
				).getRowObjectsJS();
				expect(meta).toContainEqual({ k: 'cifras.data_version', v: DATA_VERSION.version });
			}
		});

	it('keep a constant column apart from the rows', () => {
		expect(versionColumn('x')).toEqual({ name: 'data_version', type: 'VARCHAR', value: 'x' });
	});
});
