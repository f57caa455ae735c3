/**
 * Every explorer query, described once, must give the same rows on both engines: the instant engine (the
 * instant start and fallback) and DuckDB (here @duckdb/node-api, the same SQL as in the browser).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/lib/data/csv';
import { validateDataDir } from '../../src/lib/data/node-files';
import { SITE_COLUMNS, TABLE_COLUMNS, type SiteFigure } from '../../src/lib/data/site-table';
import { toSiteFigures, withOtherLanguage } from '../../src/lib/build-data/site-rows';
import { InstantEngine } from '../../src/lib/db/instant';
import { explorerQueries } from '../../src/lib/queries/explorer';
import { INDEXED_VIEWS, indexQueries } from '../../src/lib/explorer/view-index';
import { cubeSql, inlineParams, searchCubeSql, toSql } from '../../src/lib/queries/sql';
import {
	countBatchSql,
	isCount,
	splitBatch,
	type BatchRow,
	type CountQuery
} from '../../src/lib/queries/batch';
import type { Query } from '../../src/lib/queries/describe';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';
import { filtersFor } from '../../src/lib/queries/filters';

/** The table and the database the tests below query: one edition's, set by its `describe`. */
let figures: SiteFigure[];
let db: DuckDBConnection;

type Edition = 'English' | 'Spanish';
/** Each edition's served rows (with the other language's words) in DuckDB, as the browser loads them. */
const editions = {} as Record<Edition, { figures: SiteFigure[]; db: DuckDBConnection }>;

async function loaded(rows: SiteFigure[]): Promise<DuckDBConnection> {
	const dir = mkdtempSync(join(tmpdir(), 'cifras-parity-'));
	const csv = join(dir, 'figures.csv');
	writeFileSync(
		csv,
		writeCsv(
			SITE_COLUMNS.map(([n]) => n),
			rows as unknown as Record<string, unknown>[]
		)
	);
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const types = SITE_COLUMNS.map(([n, t]) => `'${n}': '${t}'`).join(', ');
	await conn.run(
		`CREATE TABLE figures AS SELECT * FROM read_csv('${csv}', header = true, columns = {${types}})`
	);
	await conn.run(cubeSql());
	await conn.run(searchCubeSql());
	return conn;
}

beforeAll(async () => {
	const r = validateDataDir();
	const en = toSiteFigures(r.figures, r.documents);
	const es = toSiteFigures(r.es.figures, r.es.documents);
	for (const [edition, rows] of [
		['English', withOtherLanguage(en, es)],
		['Spanish', withOtherLanguage(es, en)]
	] as const)
		editions[edition] = { figures: rows, db: await loaded(rows) };
	({ figures, db } = editions.English);
});

/**
 * Runs a query on DuckDB: from the figures table with bound parameters, or as the browser
 * does, from the data cube with the parameters written in as literals.
 */
async function duck(q: Query, useCube = false) {
	const sql = toSql(q, useCube);
	const reader = useCube
		? await db.runAndReadAll(inlineParams(sql))
		: await db.runAndReadAll(sql.text, sql.params);
	// The JSON build stores empty text as ''; CSV round-trips it as NULL, so compare alike.
	return reader
		.getRowObjectsJS()
		.map((row) =>
			Object.fromEntries(
				Object.entries(row).map(([k, v]) => [
					k,
					v === null && isText(k) ? '' : typeof v === 'bigint' ? Number(v) : v
				])
			)
		);
}

const TEXT = new Set<string>(SITE_COLUMNS.filter(([, t]) => t === 'VARCHAR').map(([n]) => n));
const isText = (k: string) => TEXT.has(k) && k !== 'key';

const SELECTIONS: [string, Partial<Selection>][] = [
	['nothing selected', {}],
	['one topic', { topics: ['trafficking_victims'] }],
	[
		'two topics and a document',
		{ topics: ['migrant_stock', 'displacement_refugees'], docs: ['hemispheric-2002'] }
	],
	['a country and a region', { geos: ['CAN', 'LAC'] }],
	['a year range', { years: [1990, 2001] }],
	['a search', { q: 'deported caribbean' }],
	['a search with accents and quotes', { q: 'Martínez “brain' }],
	['an indicator', { indicators: ['Victims of trafficking in persons (estimate)'] }],
	[
		'everything at once, sorted by value',
		{ topics: ['migrant_stock'], years: [1900, 2010], q: 'migrants', sort: 'value', desc: true }
	],
	['sorted by period', { sort: 'period' }],
	['headline figures first, then source order, descending', { sort: 'headline', desc: true }],
	['sorted by place descending', { sort: 'geography', desc: true }],
	['nothing matches', { q: 'zzzz-no-such-text' }],
	['a search that tries to break out of its literal', { q: "o'brien'); DROP TABLE figures; --" }],
	['a search with a question mark and backslashes', { q: "what? \\' \\" }],
	['a search without the accent', { q: 'martinez' }],
	['a search in Spanish', { q: 'remesas' }],
	[
		'a search in Spanish with accents, sorted by place',
		{ q: 'víctimas de trata', sort: 'geography' }
	],
	['a search for ECLAC in Spanish, sorted by indicator', { q: 'CEPAL', sort: 'indicator' }],
	['a search in capitals with an accent', { q: 'MÉXICO' }],
	["a search for a document's title", { q: 'iom statement' }],
	["a search for a topic's label", { q: 'trafficking victims' }],
	['a search for a percentage', { q: '13%' }],
	['a search with LIKE wildcards', { q: '1_% trafficking_victims' }],
	['a search across fields, sorted by value', { q: 'martinez 13%', sort: 'value', desc: true }],
	[
		'a search and a topic, sorted by period',
		{ q: 'eclac', topics: ['remittances'], sort: 'period' }
	]
];

/** The figures a search finds, by id in source order: the whole table, not the first page. */
const found = (q: string): Query => ({
	kind: 'rows',
	filters: filtersFor({ ...EMPTY_SELECTION, q }),
	sort: 'doc_line',
	descending: false,
	columns: 'table'
});
const ids = (rows: object[]) => rows.map((r) => (r as { figure_id: string }).figure_id);

describe.each(['English', 'Spanish'] as const)('engine parity on the %s edition', (edition) => {
	beforeAll(() => {
		({ figures, db } = editions[edition]);
	});

	for (const [name, patch] of SELECTIONS) {
		it(`gives the same rows on the instant engine and DuckDB: ${name}`, async () => {
			const sel = { ...EMPTY_SELECTION, ...patch };
			const instant = new InstantEngine(figures);
			for (const [view, q] of Object.entries(explorerQueries(sel))) {
				const a = JSON.parse(JSON.stringify(await instant.run(q)));
				expect(await duck(q), `${view} on DuckDB`).toEqual(a);
				expect(await duck(q, true), `${view} on DuckDB's cube`).toEqual(a);
			}
			// The browser sends the count queries together, as one statement.
			const counts = Object.entries(explorerQueries(sel)).filter((e): e is [string, CountQuery] =>
				isCount(e[1])
			);
			const batch = await db.runAndReadAll(inlineParams(countBatchSql(counts, true)));
			// The batch promises no order: split it as DuckDB might send it, last row first.
			const rows = batch.getRowObjectsJS() as unknown as BatchRow[];
			const split = splitBatch(counts, rows.reverse());
			for (const [view, q] of counts)
				expect(split[view], `${view} in a batch`).toEqual(await instant.run(q));
		});
	}

	for (const [name, patch] of SELECTIONS) {
		it(`gives the same views' indexes (answers split by a view's values) on both engines: ${name}`, async () => {
			const sel = { ...EMPTY_SELECTION, ...patch };
			const instant = new InstantEngine(figures);
			for (const view of INDEXED_VIEWS) {
				const queries = indexQueries(sel, view, 7);
				for (const [part, q] of Object.entries(queries)) {
					const a = JSON.parse(JSON.stringify(await instant.run(q)));
					expect(await duck(q), `${view} index, ${part} on DuckDB`).toEqual(a);
					expect(await duck(q, true), `${view} index, ${part} on DuckDB's cube`).toEqual(a);
				}
				const counts = Object.entries(queries).filter((e): e is [string, CountQuery] =>
					isCount(e[1])
				);
				const batch = await db.runAndReadAll(inlineParams(countBatchSql(counts, true)));
				const split = splitBatch(
					counts,
					(batch.getRowObjectsJS() as unknown as BatchRow[]).reverse()
				);
				for (const [part, q] of counts)
					expect(split[part], `${view} index, ${part} in a batch`).toEqual(await instant.run(q));
			}
		});
	}

	it('finds what the search box promises, on both engines', async () => {
		const instant = new InstantEngine(figures);
		const search = async (q: string) => {
			const want = ids(await instant.run(found(q)));
			expect(ids(await duck(found(q))), `${q} on DuckDB`).toEqual(want);
			expect(ids(await duck(found(q), true)), `${q} on DuckDB's search cube`).toEqual(want);
			return want;
		};
		const of = (test: (f: SiteFigure) => boolean) => ids(figures.filter(test));
		// Without the accent of "Jorge Martínez Pizarro", the speaker.
		expect(await search('martinez')).toEqual(
			expect.arrayContaining(['hc02-lac-emigrants-abroad', 'hc02-usa-hispanic-population-2000'])
		);
		expect(await search('MÉXICO')).toEqual([
			'hc02-mex-southern-border-migrants-sexual-abuse-share',
			'hc02-mex-southern-border-migrants-violence-share',
			'hc02-mex-usa-border-population',
			'cim06-blz-seminar-participants-2005'
		]);
		// The document's short title ("IOM statement to OAS 2006"), but not its full title or
		// publisher: the 2002 conference's title names trafficking, and its 64 figures would
		// otherwise all match.
		expect(await search('iom statement')).toEqual(
			expect.arrayContaining(of((f) => f.doc_id === 'iom-oas-2006'))
		);
		const trafficking = await search('trafficking');
		expect(trafficking.length).toBeLessThan(figures.length / 2);
		expect(trafficking).toEqual(
			expect.arrayContaining(of((f) => f.topics.includes('trafficking_victims')))
		);
		// Topics' labels: the column holds `trafficking_victims`, which no quote states.
		expect(await search('Trafficking victims')).toEqual(
			expect.arrayContaining(of((f) => f.topic === 'trafficking_victims'))
		);
		expect(await search('remittances')).toEqual(
			of((f) => f.topics.split(';').includes('remittances'))
		);
		expect(await search('programme outputs')).toEqual(
			of((f) => f.topics.split(';').includes('program_output'))
		);
		// `%` and `_` are plain characters: "1_%" would match "13%" as a LIKE pattern, and
		// "trafficking_victims" the label "trafficking victims".
		expect(await search('13%')).toEqual([
			'hc02-lac-emigrants-share-world-migrants',
			'hc02-wld-international-migrants'
		]);
		expect(await search('1_%')).toEqual([]);
		expect(await search('trafficking_victims')).toEqual([]);
		// Every word in some field: the speaker's name and a figure in the quote.
		expect(await search('martinez 13%')).toEqual([
			'hc02-lac-emigrants-share-world-migrants',
			'hc02-wld-international-migrants'
		]);
		// A word never runs from one field into the next: this quote ends "country of birth."
		// and the figure's indicator begins "Emigrants".
		expect(await search('birth.')).toEqual(expect.arrayContaining(['hc02-lac-emigrants-abroad']));
		expect(await search('birth.emigrants')).toEqual([]);
	});

	it('keeps hostile search text inside its literal', async () => {
		const sql = inlineParams(
			toSql({
				kind: 'countAll',
				filters: [{ kind: 'search', text: "x'); DROP TABLE figures; --" }]
			})
		);
		await db.runAndReadAll(sql);
		const left = await db.runAndReadAll('SELECT count(*)::INTEGER AS n FROM figures');
		expect(left.getRowObjectsJS()[0]!.n).toBe(figures.length);
		expect(() => inlineParams({ text: 'SELECT ?', params: [Number.NaN] })).toThrow();
		expect(() => inlineParams({ text: 'SELECT ?, ?', params: ['a'] })).toThrow();
	});

	it("fetches only the table's columns for the explorer's table, and every column for exports", async () => {
		const all = SITE_COLUMNS.map(([n]) => n).sort();
		// With a search too: its folded text is the search cube's, never a row's column.
		for (const patch of [{ topics: ['remittances'] }, { q: 'remittances' }]) {
			const sel = { ...EMPTY_SELECTION, ...patch, sort: 'value' as const };
			const page = explorerQueries(sel).rows;
			const wanted = [...TABLE_COLUMNS].sort();
			for (const q of [page, { ...page, sort: 'doc_line' as const }]) {
				expect(Object.keys((await duck(q, true))[0]!).sort()).toEqual(wanted);
				expect(Object.keys((await new InstantEngine(figures).run(q))[0]!).sort()).toEqual(wanted);
			}
			const { columns: _, ...exported } = page;
			expect(Object.keys((await duck(exported))[0]!).sort()).toEqual(all);
			expect(Object.keys((await duck(exported, true))[0]!).sort()).toEqual(all);
			expect(Object.keys((await new InstantEngine(figures).run(exported))[0]!).sort()).toEqual(all);
		}
	});

	it('answers the crossfilter rule: a view ignores its own selection', async () => {
		const instant = new InstantEngine(figures);
		const sel = { ...EMPTY_SELECTION, topics: ['remittances'] };
		const q = explorerQueries(sel);
		const topics = await instant.run(q.topics);
		expect(topics.find((t) => t.key === 'migrant_stock')!.n).toBeGreaterThan(0);
		const docs = await instant.run(q.docs);
		expect(docs.reduce((s, d) => s + d.n, 0)).toBe(
			figures.filter((f) => f.topic === 'remittances').length
		);
	});
});

describe('synthetic table', () => {
	beforeAll(() => {
		({ figures, db } = editions.English);
	});

	it('is the same on both engines, so scale benchmarks compare like with like', async () => {
		const { syntheticFigures, syntheticSql } = await import('../../src/lib/data/synthetic');
		const n = 5000;
		const synth = syntheticFigures(figures, n);
		await db.run('CREATE TABLE keep AS SELECT * FROM figures');
		for (const sql of syntheticSql(n)) await db.run(sql);
		await db.run(cubeSql());
		await db.run(searchCubeSql());
		try {
			const instant = new InstantEngine(synth);
			for (const patch of [
				{},
				{ topics: ['remittances'], years: [1990, 2000] as [number, number] },
				// Synthetic rows change topic, and their label with it; many rows share one text.
				{ q: 'remittances martinez' },
				{ q: 'MÉXICO', sort: 'value' as const, desc: true }
			]) {
				for (const [view, q] of Object.entries(explorerQueries({ ...EMPTY_SELECTION, ...patch }))) {
					const a = await instant.run({
						...q,
						...(q.kind === 'rows' ? { limit: 50 } : {})
					} as Query);
					const limited = { ...q, ...(q.kind === 'rows' ? { limit: 50 } : {}) } as Query;
					expect(await duck(limited), view).toEqual(JSON.parse(JSON.stringify(a)));
					expect(await duck(limited, true), `${view} (cube)`).toEqual(
						JSON.parse(JSON.stringify(a))
					);
				}
			}
		} finally {
			await db.run('DROP TABLE figures');
			await db.run('ALTER TABLE keep RENAME TO figures');
			await db.run(cubeSql());
			await db.run(searchCubeSql());
		}
		// A search without the search cube folds every row's text in each query: a second or more
		// over these 5,000 rows, on two busy cores; the whole test took 10–30 s under load.
	}, 120_000);
});

describe('the figure cards', () => {
	it('lead with the headline figures in their rank, then the rest in source order', async () => {
		const { HEADLINE } = await import('../../src/lib/data/generated/headline');
		expect(HEADLINE.length).toBeGreaterThanOrEqual(6);
		const q = explorerQueries(EMPTY_SELECTION).cards;
		const rows = ids(await new InstantEngine(figures).run(q));
		expect(rows).toEqual(HEADLINE.slice(0, q.limit));
		expect(ids(await duck(q))).toEqual(rows);
		// Under a filter, the headline figures that match come first, then source order.
		const sel = { ...EMPTY_SELECTION, topics: ['trafficking_victims'] };
		const filtered = ids(await new InstantEngine(figures).run(explorerQueries(sel).cards));
		const lead = HEADLINE.filter((id) => filtered.includes(id));
		expect(lead.length).toBeGreaterThan(0);
		expect(filtered.slice(0, lead.length)).toEqual(lead);
		const rest = filtered.slice(lead.length);
		const order = new Map(figures.map((f) => [f.figure_id, f.source_order]));
		expect(rest).toEqual([...rest].sort((a, b) => order.get(a)! - order.get(b)!));
		expect(ids(await duck(explorerQueries(sel).cards))).toEqual(filtered);
	});
});
