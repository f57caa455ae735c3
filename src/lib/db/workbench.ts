/**
 * The SQL workbench's side of DuckDB: runs what the user typed, keeps a single query's whole
 * result in DuckDB as a temporary table (so it is paged, sorted and exported there), lists the
 * tables, and turns Arrow into plain rows for the page. Runs only the user's own text.
 */
import { DataType, type Table } from 'apache-arrow';
import { isSingleQuery, pageSql, quoteIdent, type PageRequest } from '../sql/statements';
import type { SqlConnection } from './duckdb';

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
}

/** Numbers, text and booleans come to the page as they are; DuckDB writes the rest as text. */
const NATIVE =
	/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|VARCHAR)$/;

function selectList(columns: ResultColumn[]): string {
	const cast = columns.filter((c) => !NATIVE.test(c.type));
	if (!cast.length) return '*';
	const as = (c: ResultColumn) =>
		/^(DECIMAL|HUGEINT|UHUGEINT|UBIGINT)/.test(c.type) ? 'DOUBLE' : 'VARCHAR';
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

export function tableRows(t: Table): Row[] {
	const names = t.schema.fields.map((f) => f.name);
	const cols = names.map((_, i) => t.getChildAt(i));
	const rows: Row[] = new Array(t.numRows);
	for (let r = 0; r < t.numRows; r++) {
		const row: Row = {};
		for (let c = 0; c < names.length; c++) row[names[c]!] = plainValue(cols[c]?.get(r));
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

	async run(sql: string): Promise<RunResult> {
		const t0 = performance.now();
		if (isSingleQuery(sql)) {
			// Parsed and bound on its own first, so an error's position is in the user's text.
			await this.conn.check(sql.trim().replace(/;\s*$/, ''));
			await this.conn.run(
				`CREATE OR REPLACE TEMP TABLE cifras_result AS\n${sql.trim().replace(/;\s*$/, '')}\n`
			);
			const columns = await this.columns(RESULT_TABLE);
			const total = await this.count(RESULT_TABLE);
			return { kind: 'kept', columns, total, ms: Math.round(performance.now() - t0) };
		}
		// Only the first rows come to the page: the rest of a large result stays unread.
		const t = await this.conn.run(sql, SCRIPT_ROWS + 1);
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

	cancel(): Promise<void> {
		return this.conn.cancel();
	}

	async page(columns: ResultColumn[], req: PageRequest): Promise<Row[]> {
		return tableRows(await this.conn.run(pageSql(RESULT_TABLE, req, selectList(columns))));
	}

	/** Every row of the kept result, in the order on screen, for an export. */
	async all(columns: ResultColumn[], sort?: PageRequest['sort']): Promise<Row[]> {
		return this.page(columns, { offset: 0, limit: Number.MAX_SAFE_INTEGER, sort });
	}

	async columns(table: string): Promise<ResultColumn[]> {
		const t = await this.conn.run(`DESCRIBE ${table}`);
		return tableRows(t).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
	}

	async count(table: string): Promise<number> {
		const t = await this.conn.run(`SELECT count(*)::DOUBLE AS n FROM ${table}`);
		return Number(t.getChild('n')?.get(0) ?? 0);
	}

	/** The tables of the main database with their columns and row counts. */
	async tables(): Promise<TableInfo[]> {
		const t = await this.conn.run(
			`SELECT table_name, column_name, data_type FROM information_schema.columns
			 WHERE table_catalog = current_database() AND table_schema = 'main'
			 ORDER BY table_name, ordinal_position`
		);
		const byTable = new Map<string, ResultColumn[]>();
		for (const r of tableRows(t)) {
			const name = String(r.table_name);
			const list = byTable.get(name) ?? [];
			list.push({ name: String(r.column_name), type: String(r.data_type) });
			byTable.set(name, list);
		}
		const out: TableInfo[] = [];
		for (const [name, columns] of byTable)
			out.push({ name, columns, rows: await this.count(quoteIdent(name)) });
		return out;
	}
}
