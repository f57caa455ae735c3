/** Node-only: the validated rows as Arquero tables, for the build's transforms. */
import * as aq from 'arquero';
import type { ColumnSpec } from '../data/schema';

/**
 * The rows as a table of exactly these columns, in this order. Named, so an empty list has them
 * too: Arquero would otherwise take the first row's keys.
 */
export const tableOf = (rows: readonly object[], columns: readonly string[]) =>
	aq.from(rows, [...columns]);

export type Table = ReturnType<typeof tableOf>;

/** The column names of a schema's specs, or of `[name, type]` pairs. */
export const namesOf = (columns: readonly (ColumnSpec | readonly [string, string])[]) =>
	columns.map((c) => ('name' in c ? c.name : c[0]));
