/**
 * A reader's JSON rows as an Arrow table with one type per column, decided here from every row
 * rather than by a reader that looks at the first ones: a column whose values are of more than
 * one kind (numbers and text, say) is text, nested objects and arrays are kept as their JSON
 * text (a struct inferred from the first row would silently drop keys that appear later), and
 * every key of every row is a column.
 */
import { Bool, Float64, Int32, Table, Utf8, type DataType } from 'apache-arrow';
import { fixedWidthVector, utf8Vector } from './arrow-vectors';
import { LoadProblem } from './file-kind';
import { m } from '$lib/paraglide/messages';

/** Deeper than this, a value is refused: nothing real nests so far, and a stack would not. */
export const MAX_DEPTH = 64;

type Kind = 'number' | 'integer' | 'boolean' | 'string' | 'nested';

export interface JsonColumns {
	table: Table;
	/** Columns written as text because their values were of several kinds, with those kinds. */
	mixed: { name: string; kinds: string[] }[];
	/** Columns holding objects or arrays, kept as JSON text. */
	nested: string[];
}

function kindOf(v: unknown): Kind | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'number')
		return Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1 ? 'integer' : 'number';
	if (typeof v === 'boolean') return 'boolean';
	if (typeof v === 'string') return 'string';
	return 'nested';
}

/** Whether a value nests deeper than `max`, found without recursion. */
export function deeperThan(value: unknown, max: number): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, depth] = stack.pop()!;
		if (v === null || typeof v !== 'object') continue;
		if (depth >= max) return true;
		for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
	}
	return false;
}

const TYPE: Record<Kind, () => DataType> = {
	integer: () => new Int32(),
	number: () => new Float64(),
	boolean: () => new Bool(),
	string: () => new Utf8(),
	nested: () => new Utf8()
};

const KIND_WORDS: Record<Kind, string> = {
	integer: 'numbers',
	number: 'numbers',
	boolean: 'true/false',
	string: 'text',
	nested: 'objects or lists'
};

/** @param rows parsed JSON objects, one per row */
export function jsonColumns(rows: Record<string, unknown>[], fileName: string): JsonColumns {
	const kinds = new Map<string, Set<Kind>>();
	for (const [i, row] of rows.entries())
		for (const [key, v] of Object.entries(row)) {
			const k = kindOf(v);
			const seen = kinds.get(key) ?? new Set<Kind>();
			kinds.set(key, seen);
			if (!k) continue;
			seen.add(k);
			if (k === 'nested' && deeperThan(v, MAX_DEPTH))
				throw new LoadProblem(
					m.sql_file_too_deep({ name: fileName, max: MAX_DEPTH, item: i + 1, key })
				);
		}
	const mixed: JsonColumns['mixed'] = [];
	const nested: string[] = [];
	const vectors = Object.fromEntries(
		[...kinds].map(([name, seen]) => {
			const numeric = [...seen].every((k) => k === 'integer' || k === 'number');
			const kind: Kind =
				seen.size === 0
					? 'string'
					: numeric
						? seen.has('number')
							? 'number'
							: 'integer'
						: seen.size === 1
							? [...seen][0]!
							: 'string';
			if (!numeric && seen.size > 1)
				mixed.push({ name, kinds: [...new Set([...seen].map((k) => KIND_WORDS[k]))] });
			if (kind === 'nested') nested.push(name);
			const asText = kind === 'string' || kind === 'nested';
			const values = rows.map((r) => {
				const v = r[name];
				if (v === null || v === undefined) return null;
				return asText && typeof v !== 'string' ? JSON.stringify(v) : v;
			});
			const type = TYPE[kind]();
			return [
				name,
				type instanceof Utf8
					? utf8Vector(values as (string | null)[])
					: fixedWidthVector(values, type)
			];
		})
	);
	return { table: new Table(vectors), mixed, nested };
}
