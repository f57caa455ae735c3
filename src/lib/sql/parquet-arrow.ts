/**
 * A user's Parquet file read in the browser with hyparquet, one row group at a time, into Arrow
 * tables DuckDB-wasm can take (`insertArrowTable`): DuckDB-wasm's own Parquet reader is an
 * extension it would download from the internet. Nested columns (lists, maps, structs) arrive
 * as JSON text.
 */
import {
	parquetMetadataAsync,
	parquetRead,
	parquetSchema,
	type AsyncBuffer,
	type FileMetaData,
	type SchemaElement,
	type SchemaTree
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
	Bool,
	DataType,
	DateDay,
	Float32,
	Float64,
	Int32,
	Int64,
	Table,
	TimestampMillisecond,
	Utf8,
	makeVector,
	type Vector
} from 'apache-arrow';
import { LoadProblem } from './file-kind';
import { m } from '$lib/paraglide/messages';
import { fixedWidthVector, utf8Vector } from './arrow-vectors';

interface ColumnPlan {
	name: string;
	type: DataType;
	convert: (v: unknown) => unknown;
}

const same = (v: unknown) => v;
const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toBigInt = (v: unknown) =>
	v === null || v === undefined ? null : typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
const toMillis = (v: unknown) =>
	v === null || v === undefined ? null : v instanceof Date ? v.getTime() : Number(v);
const toDate = (v: unknown) =>
	v === null || v === undefined ? null : v instanceof Date ? v : new Date(Number(v));
export function toText(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') return v;
	if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
	if (v instanceof Date) return v.toISOString();
	return JSON.stringify(v, (_, x: unknown) =>
		typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? toText(x) : x
	);
}

function plan(node: SchemaTree): ColumnPlan {
	const el: SchemaElement = node.element;
	const name = el.name;
	const text = { name, type: new Utf8(), convert: toText };
	if (node.children.length) return text;
	const logical = el.logical_type;
	const converted = el.converted_type;
	if (logical?.type === 'DECIMAL' || converted === 'DECIMAL')
		return { name, type: new Float64(), convert: toNumber };
	if (logical?.type === 'DATE' || converted === 'DATE')
		return { name, type: new DateDay(), convert: toDate };
	if (
		logical?.type === 'TIMESTAMP' ||
		converted === 'TIMESTAMP_MILLIS' ||
		converted === 'TIMESTAMP_MICROS' ||
		el.type === 'INT96'
	)
		return { name, type: new TimestampMillisecond(), convert: toMillis };
	if (logical && logical.type !== 'INTEGER') return text;
	if (converted && !/^U?INT_/.test(converted)) return text;
	switch (el.type) {
		case 'BOOLEAN':
			return { name, type: new Bool(), convert: same };
		case 'INT32':
			return converted === 'UINT_32' || (logical?.type === 'INTEGER' && !logical.isSigned)
				? { name, type: new Int64(), convert: toBigInt }
				: { name, type: new Int32(), convert: toNumber };
		case 'INT64':
			return converted === 'UINT_64' || (logical?.type === 'INTEGER' && !logical.isSigned)
				? { name, type: new Float64(), convert: toNumber }
				: { name, type: new Int64(), convert: toBigInt };
		case 'FLOAT':
			return { name, type: new Float32(), convert: toNumber };
		case 'DOUBLE':
			return { name, type: new Float64(), convert: toNumber };
		default:
			return text;
	}
}

type Part = { start: number; data: ArrayLike<unknown> };

/** One column of a row group as an Arrow vector; typed arrays without nulls are taken as they are. */
function columnVector(c: ColumnPlan, parts: Part[], rowStart: number, rowEnd: number): Vector {
	const [only] = parts;
	const whole =
		parts.length === 1 && only!.start === rowStart && only!.data.length === rowEnd - rowStart;
	if (
		whole &&
		((DataType.isFloat(c.type) && c.type.precision === 2 && only!.data instanceof Float64Array) ||
			(c.type instanceof Int32 && only!.data instanceof Int32Array) ||
			(c.type instanceof Int64 && only!.data instanceof BigInt64Array))
	)
		return makeVector(only!.data as Float64Array | Int32Array | BigInt64Array);
	const values = new Array<unknown>(rowEnd - rowStart).fill(null);
	for (const { start, data } of parts)
		for (let i = 0; i < data.length; i++) {
			const row = start + i - rowStart;
			if (row >= 0 && row < values.length) values[row] = c.convert(data[i]);
		}
	return c.type instanceof Utf8
		? utf8Vector(values as (string | null)[])
		: fixedWidthVector(values, c.type);
}

export interface ParquetBatch {
	table: Table;
	rowsDone: number;
	rowsTotal: number;
}

async function metadataOf(file: AsyncBuffer, fileName: string): Promise<FileMetaData> {
	try {
		return await parquetMetadataAsync(file);
	} catch (e) {
		throw new LoadProblem(
			m.sql_file_parquet_unreadable({
				name: fileName,
				reason: e instanceof Error ? e.message : String(e)
			})
		);
	}
}

/** The file's rows as Arrow tables, one per row group, in order. */
export async function* parquetBatches(
	file: AsyncBuffer,
	fileName: string
): AsyncGenerator<ParquetBatch> {
	const metadata = await metadataOf(file, fileName);
	const columns = parquetSchema(metadata).children.map(plan);
	const rowsTotal = Number(metadata.num_rows);
	let rowStart = 0;
	for (const group of metadata.row_groups) {
		const rowEnd = rowStart + Number(group.num_rows);
		const parts = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
		try {
			await parquetRead({
				file,
				metadata,
				rowStart,
				rowEnd,
				compressors,
				onChunk: ({ columnName, columnData, rowStart: start }) => {
					const list = parts.get(columnName) ?? [];
					list.push({ start, data: columnData });
					parts.set(columnName, list);
				}
			});
		} catch (e) {
			throw new LoadProblem(
				m.sql_file_parquet_rows({
					name: fileName,
					from: rowStart + 1,
					to: rowEnd,
					reason: e instanceof Error ? e.message : String(e)
				})
			);
		}
		const vectors = Object.fromEntries(
			columns.map((c) => [c.name, columnVector(c, parts.get(c.name) ?? [], rowStart, rowEnd)])
		);
		rowStart = rowEnd;
		yield { table: new Table(vectors), rowsDone: rowEnd, rowsTotal };
	}
}
