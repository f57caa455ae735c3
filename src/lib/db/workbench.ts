/**
 * The SQL workbench's side of DuckDB: runs what the user typed, keeps a single query's whole
 * result in DuckDB as a temporary table (so it is paged, sorted and exported there), lists the
 * tables, and turns Arrow into plain rows for the page. Runs only the user's own text.
 */
import { DataType, type Table } from 'apache-arrow';
import { isSingleQuery, pageSql, quoteIdent, type PageRequest } from '../sql/statements';
import { utf8Values } from '../sql/arrow-vectors';
import type { SqlConnection } from './duckdb';
import { CURATED_DB } from './sandbox';

export const RESULT_TABLE = 'temp.main.cifras_result';
/** A script's result (DDL, several statements, SHOW…) is shown up to this many rows. */
export const SCRIPT_ROWS = 1000;

export interface ResultColumn {
	name: string;
	/** DuckDB's type name (`VARCHAR`, `BIGINT`, `DATE`…). */
	type: string;
}

export type Row = Record<string, unknown>;

export type RunResult =
	| { kind: 'kept'; columns: ResultColumn[]; total: number; ms: number }
	| {
			kind: 'rows';
			columns: ResultColumn[];
			rows: Row[];
			total: number;
			ms: number;
			/** The result had more rows than were read (`SCRIPT_ROWS`). */
			more: boolean;
	  };

export interface TableInfo {
	name: string;
	rows: number;
	columns: ResultColumn[];
	/** One of the curated tables (read-only, in the `curated` database). */
	curated: boolean;
}

/** Numbers, text and booleans come to the page as they are; DuckDB writes the rest as text. */
const NATIVE =
	/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|VARCHAR)$/;

/**
 * What the page reads of a result: types Arrow brings as JavaScript values as they are, the
 * rest cast. For the page, wide integers and decimals as DOUBLE; for an export (`exact`),
 * decimals as their text, so the file keeps every digit (see `exportType`).
 */
function selectList(columns: ResultColumn[], exact = false): string {
	const cast = columns.filter((c) => !NATIVE.test(c.type));
	if (!cast.length) return '*';
	const as = (c: ResultColumn) =>
		exact && c.type.startsWith('DECIMAL')
			? 'VARCHAR'
			: /^(DECIMAL|HUGEINT|UHUGEINT|UBIGINT)/.test(c.type)
				? 'DOUBLE'
				: 'VARCHAR';
	return `* REPLACE (${cast.map((c) => `${quoteIdent(c.name)}::${as(c)} AS ${quoteIdent(c.name)}`).join(', ')})`;
}

/** A value as the page shows and exports it: numbers, text, booleans or null. */
export function plainValue(v: unknown): unknown {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString();
	return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/** A column's values in order; text columns decoded a chunk at a time (see `utf8Values`). */
function columnValues(t: Table, i: number): unknown[] {
	const col = t.getChildAt(i);
	if (!col) return new Array<unknown>(t.numRows).fill(null);
	if (DataType.isUtf8(col.type))
		return col.data.flatMap((d) => utf8Values(d as unknown as Parameters<typeof utf8Values>[0]));
	const out = new Array<unknown>(col.length);
	for (let r = 0; r < col.length; r++) out[r] = plainValue(col.get(r));
	return out;
}

export function tableRows(t: Table): Row[] {
	const names = t.schema.fields.map((f) => f.name);
	const cols = names.map((_, i) => columnValues(t, i));
	// Arrow sums its batches' lengths at every read of `numRows`.
	const n = t.numRows;
	const rows: Row[] = new Array(n);
	for (let r = 0; r < n; r++) {
		const row: Row = {};
		for (let c = 0; c < names.length; c++) row[names[c]!] = cols[c]![r] ?? null;
		rows[r] = row;
	}
	return rows;
}

function arrowColumns(t: Table): ResultColumn[] {
	return t.schema.fields.map((f) => ({
		name: f.name,
		type: DataType.isUtf8(f.type) ? 'VARCHAR' : DataType.isFloat(f.type) ? 'DOUBLE' : String(f.type)
	}));
}

export class Workbench {
	constructor(readonly conn: SqlConnection) {}

	/**
	 * Runs the reader's SQL. Aborting `signal` stops it until the reader's statements are done;
	 * after that, reading the kept result's shape is quick and finishes.
	 */
	async run(sql: string, signal?: AbortSignal): Promise<RunResult> {
		const t0 = performance.now();
		if (isSingleQuery(sql)) {
			// Parsed and bound on its own first, so an error's position is in the user's text.
			await this.conn.check(sql.trim().replace(/;\s*$/, ''), signal);
			await this.conn.run(
				`CREATE OR REPLACE TEMP TABLE cifras_result AS\n${sql.trim().replace(/;\s*$/, '')}\n`,
				{ signal }
			);
			const columns = await this.columns(RESULT_TABLE);
			const total = await this.count(RESULT_TABLE);
			return { kind: 'kept', columns, total, ms: Math.round(performance.now() - t0) };
		}
		// Only the first rows come to the page: the rest of a large result stays unread.
		const t = await this.conn.run(sql, { maxRows: SCRIPT_ROWS + 1, signal });
		const rows = tableRows(t.slice(0, SCRIPT_ROWS));
		return {
			kind: 'rows',
			columns: arrowColumns(t),
			rows,
			total: rows.length,
			ms: Math.round(performance.now() - t0),
			more: t.numRows > SCRIPT_ROWS
		};
	}

	async page(columns: ResultColumn[], req: PageRequest): Promise<Row[]> {
		return tableRows(await this.conn.run(pageSql(RESULT_TABLE, req, selectList(columns))));
	}

	/** Every row of the kept result in the order on screen, as DuckDB streams it, for an export. */
	async *pages(columns: ResultColumn[], sort?: PageRequest['sort']): AsyncGenerator<Row[]> {
		const sql = pageSql(
			RESULT_TABLE,
			{ offset: 0, limit: Number.MAX_SAFE_INTEGER, sort },
			selectList(columns, true)
		);
		for await (const batch of this.conn.batches(sql)) yield tableRows(batch);
	}

	async columns(table: string): Promise<ResultColumn[]> {
		const t = await this.conn.run(`DESCRIBE ${table}`);
		return tableRows(t).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
	}

	async count(table: string): Promise<number> {
		const t = await this.conn.run(`SELECT count(*)::DOUBLE AS n FROM ${table}`);
		return Number(t.getChild('n')?.get(0) ?? 0);
	}

	/**
	 * The reader's tables (the in-memory database's) and the curated ones, with their columns
	 * and row counts. A reader's table named like a curated one hides it from unqualified SQL,
	 * so both are listed.
	 */
	async tables(): Promise<TableInfo[]> {
		const t = await this.conn.run(
			`SELECT table_catalog, table_name, column_name, data_type FROM information_schema.columns
			 WHERE table_schema = 'main' AND table_catalog IN ('memory', '${CURATED_DB}')
			 ORDER BY table_catalog = '${CURATED_DB}' DESC, table_name, ordinal_position`
		);
		const byTable = new Map<string, TableInfo>();
		for (const r of tableRows(t)) {
			const curated = r.table_catalog === CURATED_DB;
			const name = String(r.table_name);
			const key = `${curated}:${name}`;
			const info = byTable.get(key) ?? { name, columns: [], rows: 0, curated };
			info.columns.push({ name: String(r.column_name), type: String(r.data_type) });
			byTable.set(key, info);
		}
		const out = [...byTable.values()];
		for (const info of out)
			info.rows = await this.count(
				`${info.curated ? CURATED_DB : 'memory'}.main.${quoteIdent(info.name)}`
			);
		return out;
	}
}
