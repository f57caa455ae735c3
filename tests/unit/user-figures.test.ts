/** The user's figures beside the curated ones: the explorer's table, built in DuckDB from a user table. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { SITE_COLUMNS } from '../../src/lib/data/site-table';
import { cubeSql, inlineParams, searchCubeSql, toSql } from '../../src/lib/queries/sql';
import type { Engine } from '../../src/lib/db/engine';
import type { Query } from '../../src/lib/queries/describe';
import {
	countBatchSql,
	isCount,
	splitBatch,
	type BatchRow,
	type CountQuery
} from '../../src/lib/queries/batch';
import { runExplorer } from '../../src/lib/explorer/run';
import { answerFromIndex, buildIndex, type IndexedView } from '../../src/lib/explorer/view-index';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';
import {
	EXPLORER_TABLE,
	FIGURE_FILE_COLUMNS,
	explorerTableSql,
	figureColumnsSql,
	missingFigureColumns
} from '../../src/lib/queries/user-figures';

describe('the user’s figures in the explorer', () => {
	it('need every column of figures.csv, in any case and order', () => {
		const header = readFileSync('data/figures.csv', 'utf8').split('\n')[0]!.split(',');
		expect(missingFigureColumns(header)).toEqual([]);
		expect(missingFigureColumns(header.map((h) => h.toUpperCase()).reverse())).toEqual([]);
		expect(missingFigureColumns(['figure_id', 'value'])).toContain('doc_id');
	});

	it('are appended after the curated figures in the served table’s shape, marked with their table', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cifras-user-'));
		const mine = join(dir, 'mine.csv');
		// A user's table needs the first twenty columns of figures.csv, not the curated meaning.
		const header = FIGURE_FILE_COLUMNS.map(([n]) => n).join(',');
		writeFileSync(
			mine,
			[
				header,
				'my-1,hemispheric-2002,5,,,"Some 3,000 people",3000,,,about,persons,1995-1999,Mexico,MEX,migrant_stock,my indicator,,,"3,000",',
				'my-2,unknown-doc,,,,Range,,10,20,range,percent,n.d.,Caribbean,CAR,labour,other,,,10-20,'
			].join('\n') + '\n'
		);
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		await db.run(`CREATE TABLE figures AS FROM read_parquet('static/data/figures.parquet')`);
		await db.run(`CREATE TABLE documents AS FROM read_parquet('static/data/documents.parquet')`);
		await db.run(`CREATE TABLE mine_file AS FROM read_csv('${mine}')`);
		// As the workbench hands it to the explorer: the figure columns, every value as text.
		const names = (await db.runAndReadAll('DESCRIBE mine_file'))
			.getRowObjectsJS()
			.map((r) => String(r.column_name));
		await db.run(`CREATE TABLE mine AS ${figureColumnsSql('mine_file', names)}`);
		await db.run(explorerTableSql([{ table: 'mine', label: 'mine' }]));
		const curated = Number(
			(await db.runAndReadAll('SELECT count(*) AS n FROM figures')).getRowObjectsJS()[0]!.n
		);
		const cols = await db.runAndReadAll(`DESCRIBE ${EXPLORER_TABLE}`);
		expect(cols.getRowObjectsJS().map((r) => r.column_name)).toEqual([
			...SITE_COLUMNS.map(([n]) => n),
			'user_source'
		]);
		const rows = (
			await db.runAndReadAll(
				`SELECT * FROM ${EXPLORER_TABLE} WHERE user_source IS NOT NULL ORDER BY source_order`
			)
		).getRowObjectsJS();
		expect(rows.map((r) => r.source_order)).toEqual([curated + 1, curated + 2]);
		expect(rows[0]).toMatchObject({
			figure_id: 'my-1',
			user_source: 'mine',
			value: 3000,
			period_start: 1995,
			period_end: 1999,
			geo_kind: 'country',
			doc_short_title: 'Hemispheric Conference 2002',
			section: ''
		});
		expect(rows[1]).toMatchObject({
			value: null,
			low: 10,
			line: null,
			period_start: null,
			geo_kind: 'region',
			doc_title: ''
		});
		// The explorer's own queries run on it, with its own cube.
		await db.run(cubeSql(EXPLORER_TABLE));
		const sql = toSql(
			{ kind: 'countAll', filters: [{ kind: 'in', field: 'topics', values: ['labour'] }] },
			true,
			EXPLORER_TABLE
		);
		expect(sql.text).toContain('explorer_figures_cube');
		const [n] = (await db.runAndReadAll(inlineParams(sql))).getRowObjectsJS();
		const curatedLabour = Number(
			(
				await db.runAndReadAll("SELECT count(*) AS n FROM figures WHERE topic = 'labour'")
			).getRowObjectsJS()[0]!.n
		);
		expect(n!.n).toBe(curatedLabour + 1);
	});

	it('are counted and listed alike from the views’ indexes, even as a second copy of every figure', async () => {
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		await db.run(`CREATE TABLE figures AS FROM read_parquet('static/data/figures.parquet')`);
		await db.run(`CREATE TABLE documents AS FROM read_parquet('static/data/documents.parquet')`);
		// The user's table is figures.csv itself: every figure_id twice, as sort keys tie.
		await db.run(`CREATE TABLE mine AS FROM read_csv('data/figures.csv')`);
		await db.run(explorerTableSql([{ table: 'mine', label: 'mine' }]));
		await db.run(cubeSql(EXPLORER_TABLE));
		await db.run(searchCubeSql(EXPLORER_TABLE));
		const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
		// An engine over the explorer's table in DuckDB, as the browser's (cube, literals, batch).
		const run = async (q: Query) =>
			(await db.runAndReadAll(inlineParams(toSql(q, true, EXPLORER_TABLE))))
				.getRowObjectsJS()
				.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
		const duck: Engine = {
			name: 'duckdb',
			run: run as Engine['run'],
			async runAll(queries) {
				const counts = Object.entries(queries).filter((e): e is [string, CountQuery] =>
					isCount(e[1])
				);
				const batch = (
					await db.runAndReadAll(inlineParams(countBatchSql(counts, true, EXPLORER_TABLE)))
				).getRowObjectsJS() as unknown as BatchRow[];
				const out: Record<string, unknown> = splitBatch(
					counts,
					batch.map((r) => ({
						...r,
						n: Number(r.n),
						year: r.year === null ? null : Number(r.year)
					}))
				);
				for (const [name, q] of Object.entries(queries)) if (!isCount(q)) out[name] = await run(q);
				return out as never;
			}
		};
		// A search finds the user's copy of each figure it finds, by its document's title too.
		const search = { ...EMPTY_SELECTION, q: 'IOM statement' };
		const curated = Number(
			(
				await db.runAndReadAll(
					inlineParams(
						toSql({ kind: 'countAll', filters: [{ kind: 'search', text: search.q }] }, false)
					)
				)
			).getRowObjectsJS()[0]!.n
		);
		expect(curated).toBeGreaterThanOrEqual(15);
		const shown = await runExplorer(duck, search, 1000);
		expect(shown.total).toBe(2 * curated);
		expect(shown.rows.filter((r) => r.user_source === 'mine')).toHaveLength(curated);
		for (const base of [
			EMPTY_SELECTION,
			{ ...EMPTY_SELECTION, sort: 'value' as const, desc: true },
			{ ...EMPTY_SELECTION, sort: 'indicator' as const, years: [1990, 2005] as [number, number] },
			{ ...search, sort: 'period' as const }
		])
			for (const [view, choice] of [
				['topic', { topics: ['migrant_stock', 'remittances'] }],
				['doc', { docs: ['hemispheric-2002'] }],
				['geo', { geos: ['CAN', 'WLD'] }],
				['year', { years: [1995, 2000] }]
			] as [IndexedView, Partial<Selection>][]) {
				const sel: Selection = { ...base, ...choice };
				const index = await buildIndex(duck, base, view, 25);
				expect(answerFromIndex(index, sel), `${view} on ${JSON.stringify(base)}`).toEqual(
					await runExplorer(duck, sel, 25)
				);
			}
	});
});
