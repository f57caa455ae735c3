/**
 * Which of the user's tables the explorer shows beside the curated figures. Kept for this tab
 * only, like the tables themselves, which live in DuckDB-wasm's memory: a reload forgets both.
 */
import { EXPLORER_TABLE, explorerTableSql } from '../queries/user-figures';
import type { SqlConnection } from './duckdb';

export const userFigures: { tables: string[]; rows: number } = $state({ tables: [], rows: 0 });

/** Adds a table to the explorer's (rebuilding `explorer_figures`), or removes them all. */
export async function setExplorerTables(conn: SqlConnection, tables: string[]): Promise<void> {
	if (!tables.length) {
		await conn.run(`DROP TABLE IF EXISTS ${EXPLORER_TABLE}`);
		userFigures.tables = [];
		userFigures.rows = 0;
		return;
	}
	await conn.run(explorerTableSql(tables));
	const t = await conn.run(
		`SELECT count(*)::DOUBLE AS n FROM ${EXPLORER_TABLE} WHERE user_source IS NOT NULL`
	);
	userFigures.tables = tables;
	userFigures.rows = Number(t.getChild('n')?.get(0) ?? 0);
}

/** The explorer goes back to the curated figures alone (the combined table stays until rebuilt). */
export function hideUserFigures(): void {
	userFigures.tables = [];
	userFigures.rows = 0;
}
