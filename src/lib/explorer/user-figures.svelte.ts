/**
 * Which of the reader's tables the explorer shows beside the curated figures, as copies of their
 * figure columns (Arrow IPC, every value as text) taken from the workbench's database when the
 * reader asks: the explorer loads them into its own database and never reads the workbench's.
 * Kept for this tab only, like the tables themselves: a reload forgets both.
 */
export interface ShownTable {
	/** The table's name in the workbench, shown as where each row came from. */
	name: string;
	/** Its figure columns as an Arrow IPC stream. */
	ipc: Uint8Array;
	rows: number;
}

export const userFigures: { tables: ShownTable[]; rows: number } = $state({ tables: [], rows: 0 });

/** Adds (or replaces) a table the explorer shows. */
export function showUserTable(table: ShownTable): void {
	userFigures.tables = [...userFigures.tables.filter((t) => t.name !== table.name), table];
	userFigures.rows = userFigures.tables.reduce((n, t) => n + t.rows, 0);
}

/** The explorer goes back to the curated figures alone. */
export function hideUserFigures(): void {
	userFigures.tables = [];
	userFigures.rows = 0;
}
