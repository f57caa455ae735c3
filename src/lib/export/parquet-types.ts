/**
 * Each export column's Parquet type, written out so that a reader (DuckDB, pandas, R's arrow)
 * gets back the type the page showed: SMALLINT as INT_16, BIGINT as INT64, DATE as a date,
 * TIMESTAMP in microseconds, DECIMAL(p,s) with its precision and scale.
 */
import type { ConvertedType, SchemaElement } from 'hyparquet';
import type { ExportColumn } from './formats';

/** A column's Parquet schema element. */
export type ParquetElement = SchemaElement;

const SMALL_INTS: Record<string, ConvertedType> = {
	TINYINT: 'INT_8',
	SMALLINT: 'INT_16',
	UTINYINT: 'UINT_8',
	USMALLINT: 'UINT_16'
};

export function parquetElement(c: ExportColumn): ParquetElement {
	const base = { name: c.name, repetition_type: 'OPTIONAL' as const };
	switch (c.type) {
		case 'VARCHAR':
			return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
		case 'BOOLEAN':
			return { ...base, type: 'BOOLEAN' };
		case 'INTEGER': {
			const small = c.duckdb ? SMALL_INTS[c.duckdb] : undefined;
			return { ...base, type: 'INT32', ...(small ? { converted_type: small } : {}) };
		}
		case 'BIGINT':
			return { ...base, type: 'INT64' };
		case 'DOUBLE':
			return { ...base, type: c.duckdb === 'FLOAT' ? 'FLOAT' : 'DOUBLE' };
		case 'DATE':
			return { ...base, type: 'INT32', converted_type: 'DATE' };
		case 'TIMESTAMP':
			return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MICROS' };
		case 'DECIMAL': {
			const [, p, s] = /^DECIMAL\((\d+),(\d+)\)$/.exec(c.duckdb ?? '') ?? [];
			const precision = Number(p ?? 38);
			const scale = Number(s ?? 0);
			const decimal = { converted_type: 'DECIMAL' as const, precision, scale };
			if (precision <= 9) return { ...base, type: 'INT32', ...decimal };
			if (precision <= 18) return { ...base, type: 'INT64', ...decimal };
			return { ...base, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, ...decimal };
		}
	}
}

const DAY_MS = 86_400_000;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

const unreadable = (type: string, v: unknown) =>
	new Error(`The ${type} value “${String(v)}” cannot be written to Parquet as a ${type}.`);

/** DECIMAL text (`-12.50`) as its unscaled integer at `scale` (`-1250n` at scale 2), exactly. */
export function unscaled(text: string, scale: number): bigint {
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
	if (!m) throw unreadable('DECIMAL', text);
	const frac = (m[3] ?? '').padEnd(scale, '0');
	if (frac.length > scale) throw unreadable('DECIMAL', text);
	return BigInt(`${m[1]}${m[2]}${frac}`);
}

/** A column's values as the Parquet writer takes them for its element. */
export function parquetValues(e: ParquetElement, values: unknown[]): unknown[] {
	const each = (f: (v: unknown) => unknown) => values.map((v) => (v === null ? null : f(v)));
	if (e.converted_type === 'UTF8') return each((v) => String(v));
	if (e.converted_type === 'DECIMAL') return each((v) => unscaled(String(v), e.scale ?? 0));
	if (e.converted_type === 'DATE')
		return each((v) => {
			const m = DATE_TEXT.exec(String(v));
			if (!m) throw unreadable('DATE', v);
			return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS;
		});
	if (e.converted_type === 'TIMESTAMP_MICROS')
		return each((v) => {
			const m = TIMESTAMP_TEXT.exec(String(v));
			if (!m) throw unreadable('TIMESTAMP', v);
			const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
			return BigInt(ms) * 1000n + BigInt((m[7] ?? '').padEnd(6, '0'));
		});
	if (e.type === 'INT64') return each((v) => BigInt(v as number | string | bigint));
	return values;
}
