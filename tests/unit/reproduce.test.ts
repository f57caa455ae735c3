import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../src/lib/data/bundled';
import { InstantEngine } from '../../src/lib/db/instant';
import { exportQuery } from '../../src/lib/export/formats';
import {
	duckdbSnippet,
	pythonSnippet,
	reproduceStatements,
	rSnippet
} from '../../src/lib/queries/reproduce';
import { SITE_COLUMNS, type SiteFigure } from '../../src/lib/data/site-table';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';

const parquet = resolve('static/data/figures.parquet');
const o = { parquetUrl: parquet, version: 'test', description: 'a view' };
const db = await (await DuckDBInstance.create(':memory:')).connect();
const instant = new InstantEngine(FIGURES);

const VIEWS: Partial<Selection>[] = [
	{},
	{ topics: ['remittances'] },
	{ topics: ['trafficking_victims', 'smuggling'], years: [1995, 2005] },
	{ docs: ['hemispheric-2002'], sort: 'value', desc: true },
	{ geos: ['MEX', 'USA'], sort: 'period' },
	{ q: 'MÉXICO remesas' },
	{ q: 'martinez', sort: 'geography', desc: true },
	{ q: "100% o'brien_" },
	{ indicators: [FIGURES[0]!.indicator], sort: 'indicator' }
];

describe('the view as code, run in DuckDB against the built Parquet file', () => {
	for (const v of VIEWS)
		it(`gives the page's rows in the page's order: ${JSON.stringify(v)}`, async () => {
			const sel = { ...EMPTY_SELECTION, ...v };
			const { view, query } = reproduceStatements(exportQuery(sel), o);
			await db.run(view);
			const rows = (await db.runAndReadAll(query)).getRowObjectsJS();
			const expected = instant.runSync(exportQuery(sel)) as SiteFigure[];
			expect(rows.map((r) => r.figure_id)).toEqual(expected.map((f) => f.figure_id));
			if (rows.length) expect(Object.keys(rows[0]!)).toEqual(SITE_COLUMNS.map(([n]) => n));
		});

	it('runs whole, as pasted into the command line', async () => {
		const sql = duckdbSnippet(exportQuery({ ...EMPTY_SELECTION, topics: ['remittances'] }), o);
		expect(sql.startsWith('-- Cifras, data version test: a view\n')).toBe(true);
		const reader = await db.runAndReadAll(sql);
		expect(reader.getRowObjectsJS().length).toBe(
			FIGURES.filter((f) => f.topic === 'remittances').length
		);
	});
});

describe('Python and R', () => {
	const sel = { ...EMPTY_SELECTION, q: 'say "hi" \\ there' };
	const { query } = reproduceStatements(exportQuery(sel), o);

	it('hold the same SQL, its quotes and backslashes escaped', () => {
		const py = pythonSnippet(exportQuery(sel), o);
		const inPy = /con\.sql\("""\n([\s\S]*)\n"""\)\.df\(\)/.exec(py)![1]!;
		expect(inPy.replaceAll('\\"', '"').replaceAll('\\\\', '\\')).toBe(query);
		const r = rSnippet(exportQuery(sel), o);
		const inR = /dbGetQuery\(con, "([\s\S]*)"\)\n/.exec(r)![1]!;
		expect(inR.replaceAll('\\"', '"').replaceAll('\\\\', '\\')).toBe(query);
		expect(py).toContain('import duckdb');
		expect(r).toContain('library(DBI)');
	});
});
