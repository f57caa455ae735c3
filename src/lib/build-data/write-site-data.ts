/**
 * Node-only: writes the files the site serves from validated rows — Arrow IPC for DuckDB-wasm,
 * Parquet and CSV for download, JSON for prerendering and the instant engine, and the map shapes.
 * Each table is an Arquero table of its served columns, in order; the Arrow files are written
 * with apache-arrow (the browser reads them with the same library, through DuckDB-wasm).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
	Float64,
	Int32,
	Table,
	Utf8,
	tableToIPC,
	vectorFromArray,
	type DataType
} from 'apache-arrow';
import type { Topology } from 'topojson-specification';
import {
	DOCUMENT_COLUMNS,
	MEASURE_COLUMNS,
	type DocumentRow,
	type MeasureRow
} from '../data/schema';
import {
	SITE_COLUMNS,
	type SiteColumnType,
	type SiteDerived,
	type SiteFigure
} from '../data/site-table';
import { namesOf, tableOf, type Table as RowTable } from './tables';

const arrowType = (t: SiteColumnType): DataType =>
	t === 'INTEGER' ? new Int32() : t === 'DOUBLE' ? new Float64() : new Utf8();

type Columns = readonly (readonly [string, SiteColumnType])[];

function arrowTable(table: RowTable, columns: Columns): Table {
	const vectors = Object.fromEntries(
		columns.map(([name, type]) => [
			name,
			vectorFromArray(
				Array.from(table.array(name), (v) => v ?? null),
				arrowType(type)
			)
		])
	);
	return new Table(vectors);
}

const DOCUMENT_SITE_COLUMNS = DOCUMENT_COLUMNS.map((c) => [c.name, 'VARCHAR'] as const);

async function writeParquet(dir: string, name: string, columns: Columns) {
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	const types = columns.map(([n, t]) => `'${n}': '${t}'`).join(', ');
	const csv = join(dir, `${name}.csv`).replace(/'/g, "''");
	await db.run(
		`COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {${types}}, quote = '"', escape = '"'))
		 TO '${join(dir, `${name}.parquet`).replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`
	);
	const check = await db.runAndReadAll(`SELECT count(*) FROM '${join(dir, `${name}.parquet`)}'`);
	db.closeSync();
	return Number(check.getRows()[0]![0]);
}

/**
 * The curated tables as a DuckDB database file, which the SQL workbench attaches read-only (see
 * src/lib/db/duckdb.ts), typed as the Parquet files are. Written in the oldest storage format the
 * browser's DuckDB reads, so a newer DuckDB here cannot write a file the browser cannot open.
 */
async function writeDuckDbFile(dir: string, file: string) {
	const path = join(dir, file);
	rmSync(path, { force: true });
	rmSync(`${path}.wal`, { force: true });
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	const quote = (p: string) => `'${p.replace(/'/g, "''")}'`;
	await db.run(`ATTACH ${quote(path)} AS curated (STORAGE_VERSION 'v1.0.0')`);
	for (const name of ['figures', 'documents'])
		await db.run(
			`CREATE TABLE curated.${name} AS FROM read_parquet(${quote(join(dir, `${name}.parquet`))})`
		);
	await db.run('DETACH curated');
	db.closeSync();
}

export interface WrittenFiles {
	files: string[];
	parquetRows: number;
}

/** An edition's tables, as the site serves them. */
export interface SiteTables {
	figures: SiteFigure[];
	documents: DocumentRow[];
	measures: MeasureRow[];
	derived: SiteDerived[];
}

/**
 * `derived` goes to `derived.json` only: a number the text implies is shown beside the printed
 * ones, never exported or cited as printed, so no download carries it.
 */
export async function writeSiteData(
	outDir: string,
	tables: SiteTables,
	americas: Topology
): Promise<WrittenFiles> {
	const { figures, documents, measures, derived } = tables;
	mkdirSync(outDir, { recursive: true });
	const figureTable = tableOf(figures, namesOf(SITE_COLUMNS));
	const documentTable = tableOf(documents, namesOf(DOCUMENT_COLUMNS));
	const out = (f: string, body: string | Uint8Array) => {
		writeFileSync(join(outDir, f), body);
		return f;
	};
	const files = [
		out('figures.csv', figureTable.toCSV()),
		out('documents.csv', documentTable.toCSV()),
		out('figures.json', JSON.stringify(figureTable.objects())),
		out('documents.json', JSON.stringify(documents)),
		out('measures.csv', tableOf(measures, namesOf(MEASURE_COLUMNS)).toCSV()),
		out('measures.json', JSON.stringify(measures)),
		out('derived.json', JSON.stringify(derived)),
		out('figures.arrow', tableToIPC(arrowTable(figureTable, SITE_COLUMNS), 'stream')),
		out('documents.arrow', tableToIPC(arrowTable(documentTable, DOCUMENT_SITE_COLUMNS), 'stream')),
		out('americas.topo.json', JSON.stringify(americas))
	];
	const parquetRows = await writeParquet(outDir, 'figures', SITE_COLUMNS);
	await writeParquet(outDir, 'documents', DOCUMENT_SITE_COLUMNS);
	files.push('figures.parquet', 'documents.parquet');
	await writeDuckDbFile(outDir, 'cifras.duckdb');
	files.push('cifras.duckdb');
	return { files, parquetRows };
}

/**
 * The Spanish edition's tables, in `outDir` (`static/data/es/`): what its pages fetch (JSON) and
 * what DuckDB-wasm reads on them (Arrow), the same columns as the English files. Not a download
 * of its own: the downloads the site links are the English files, and the Spanish explorer's
 * exports are written from these rows (see docs/i18n.md).
 */
export function writeEditionData(outDir: string, tables: SiteTables): string[] {
	mkdirSync(outDir, { recursive: true });
	const figureTable = tableOf(tables.figures, namesOf(SITE_COLUMNS));
	const documentTable = tableOf(tables.documents, namesOf(DOCUMENT_COLUMNS));
	const out = (f: string, body: string | Uint8Array) => {
		writeFileSync(join(outDir, f), body);
		return f;
	};
	return [
		out('figures.json', JSON.stringify(figureTable.objects())),
		out('documents.json', JSON.stringify(tables.documents)),
		out('measures.json', JSON.stringify(tables.measures)),
		out('derived.json', JSON.stringify(tables.derived)),
		out('figures.arrow', tableToIPC(arrowTable(figureTable, SITE_COLUMNS), 'stream')),
		out('documents.arrow', tableToIPC(arrowTable(documentTable, DOCUMENT_SITE_COLUMNS), 'stream'))
	];
}
