/**
 * Node-only: writes the files the site serves from validated rows — Arrow IPC for DuckDB-wasm,
 * Parquet and CSV for download, JSON for prerendering and the instant engine, and the map shapes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { writeCsv } from './csv';
import { DOCUMENT_COLUMNS, MEASURE_COLUMNS, type DocumentRow, type MeasureRow } from './schema';
import { SITE_COLUMNS, type SiteColumnType, type SiteDerived, type SiteFigure } from './site-table';

const arrowType = (t: SiteColumnType): DataType =>
	t === 'INTEGER' ? new Int32() : t === 'DOUBLE' ? new Float64() : new Utf8();

function arrowTable(columns: readonly (readonly [string, SiteColumnType])[], rows: Record<string, unknown>[]): Table {
	const vectors = Object.fromEntries(
		columns.map(([name, type]) => [
			name,
			vectorFromArray(
				rows.map((r) => (r[name] === undefined ? null : r[name])),
				arrowType(type)
			)
		])
	);
	return new Table(vectors);
}

const DOCUMENT_SITE_COLUMNS = DOCUMENT_COLUMNS.map((c) => [c.name, 'VARCHAR'] as const);

async function writeParquet(dir: string, name: string, columns: readonly (readonly [string, SiteColumnType])[]) {
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

type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const OCEANIA = new Set(['ASM', 'COK', 'FJI', 'KIR', 'NIU', 'PCN', 'PYF', 'TON', 'TUV', 'UMI', 'WLF', 'WSM']);

function americasFeatures(world: World) {
	return world.objects.countries.geometries.flatMap((g) => {
		const iso3 = countries.numericToAlpha3(String(g.id).padStart(3, '0'));
		if (!iso3) return [];
		const f = feature(world, g) as GeoJSON.Feature<GeoJSON.Geometry, { name?: string }>;
		const [lon, lat] = centroidOf(f);
		// The Americas: west of -25° longitude, north of Antarctica, without the Pacific islands
		// of Oceania that fall in the same longitudes.
		if (lon > -25 || lat < -60 || OCEANIA.has(iso3)) return [];
		return [{ ...f, id: iso3, properties: { name: f.properties?.name ?? iso3 } }];
	});
}

/**
 * Countries of the Americas with ISO alpha-3 ids, as a small TopoJSON: the coarse 1:110m shapes,
 * plus the 1:50m shapes of the small Caribbean states the coarse set leaves out.
 */
function americasTopology(coarseFile: string, detailedFile: string) {
	const coarse = americasFeatures(JSON.parse(readFileSync(coarseFile, 'utf8')) as World);
	const have = new Set(coarse.map((f) => f.id));
	const small = americasFeatures(JSON.parse(readFileSync(detailedFile, 'utf8')) as World).filter(
		(f) => !have.has(f.id)
	);
	const collection: GeoJSON.FeatureCollection = {
		type: 'FeatureCollection',
		features: [...coarse, ...small]
	};
	return topology({ countries: collection }, 1e4);
}

function centroidOf(f: GeoJSON.Feature): [number, number] {
	let sx = 0;
	let sy = 0;
	let n = 0;
	const visit = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			sx += c[0] as number;
			sy += c[1] as number;
			n++;
		} else if (Array.isArray(c)) c.forEach(visit);
	};
	if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
	return n ? [sx / n, sy / n] : [0, 0];
}

export interface WrittenFiles {
	files: string[];
	parquetRows: number;
}

/**
 * `derived` goes to `derived.json` only: a number the text implies is shown beside the printed
 * ones, never exported or cited as printed, so no download carries it.
 */
export async function writeSiteData(
	outDir: string,
	tables: {
		figures: SiteFigure[];
		documents: DocumentRow[];
		measures: MeasureRow[];
		derived: SiteDerived[];
	},
	worldAtlas: { coarse: string; detailed: string }
): Promise<WrittenFiles> {
	const { figures, documents, measures, derived } = tables;
	mkdirSync(outDir, { recursive: true });
	const names = SITE_COLUMNS.map(([n]) => n);
	const docNames = DOCUMENT_COLUMNS.map((c) => c.name);
	const rows = figures as unknown as Record<string, unknown>[];
	const docRows = documents as unknown as Record<string, unknown>[];
	const out = (f: string, body: string | Uint8Array) => {
		writeFileSync(join(outDir, f), body);
		return f;
	};
	const files = [
		out('figures.csv', writeCsv(names, rows)),
		out('documents.csv', writeCsv(docNames, docRows)),
		out('figures.json', JSON.stringify(figures.map((f) => Object.fromEntries(names.map((n) => [n, f[n]]))))),
		out('documents.json', JSON.stringify(documents)),
		out('measures.csv', writeCsv(MEASURE_COLUMNS.map((c) => c.name), measures as unknown as Record<string, unknown>[])),
		out('measures.json', JSON.stringify(measures)),
		out('derived.json', JSON.stringify(derived)),
		out('figures.arrow', tableToIPC(arrowTable(SITE_COLUMNS, rows), 'stream')),
		out('documents.arrow', tableToIPC(arrowTable(DOCUMENT_SITE_COLUMNS, docRows), 'stream')),
		out('americas.topo.json', JSON.stringify(americasTopology(worldAtlas.coarse, worldAtlas.detailed)))
	];
	const parquetRows = await writeParquet(outDir, 'figures', SITE_COLUMNS);
	await writeParquet(outDir, 'documents', DOCUMENT_SITE_COLUMNS);
	files.push('figures.parquet', 'documents.parquet');
	await writeDuckDbFile(outDir, 'cifras.duckdb');
	files.push('cifras.duckdb');
	return { files, parquetRows };
}
