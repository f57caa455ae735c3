/**
 * Orders as DuckDB's ORDER BY gives them, for code that sorts in the page what an engine or a
 * batch returned: NULL last, text in binary (code unit) order. One place, so both engines and
 * the workbench's own sorting agree.
 */

/** Ascending, without regard to nulls: `a < b` as SQL compares numbers and binary text. */
export const ascending = (a: unknown, b: unknown): number =>
	a === b ? 0 : (a as never) < (b as never) ? -1 : 1;

/** Ascending (or descending with `dir = -1`), null and undefined last either way. */
export function nullsLast(a: unknown, b: unknown, dir: 1 | -1 = 1): number {
	const aNull = a === null || a === undefined;
	const bNull = b === null || b === undefined;
	if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
	return dir * ascending(a, b);
}
