/**
 * Arrow vectors written straight into their buffers, for tables the page builds from a reader's
 * file (Parquet, JSON). Arrow's own builders (`vectorFromArray`, `tableFromJSON`) compile a null
 * check with `new Function`, which the site's Content Security Policy forbids.
 */
import { Bool, DataType, DateDay, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

/**
 * Numbers, booleans, dates and timestamps as an Arrow vector, written straight into the type's
 * storage. Arrow's own builders (`vectorFromArray`) compile a null check with `new Function`,
 * which the site's security policy forbids.
 */
export function fixedWidthVector(values: unknown[], type: DataType): Vector {
	const n = values.length;
	const validity = new Uint8Array((n + 7) >> 3);
	let nulls = 0;
	const bits = type instanceof Bool ? new Uint8Array((n + 7) >> 3) : null;
	const data =
		bits ?? new (type.ArrayType as Float64ArrayConstructor | BigInt64ArrayConstructor)(n);
	for (let i = 0; i < n; i++) {
		let v = values[i];
		if (
			v === null ||
			v === undefined ||
			(typeof v === 'number' && Number.isNaN(v) && !DataType.isFloat(type))
		) {
			nulls++;
			continue;
		}
		validity[i >> 3]! |= 1 << (i & 7);
		if (bits) {
			if (v) bits[i >> 3]! |= 1 << (i & 7);
			continue;
		}
		if (type instanceof DateDay) v = Math.floor((v as Date).getTime() / 86_400_000);
		if (data instanceof BigInt64Array)
			data[i] = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
		else (data as Float64Array)[i] = Number(v);
	}
	return makeVector(
		makeData({
			type,
			length: n,
			nullCount: nulls,
			nullBitmap: nulls ? validity : null,
			data
		} as Parameters<typeof makeData>[0])
	);
}

/** Text as an Arrow Utf8 vector, several times faster than Arrow's general builder. */
export function utf8Vector(values: (string | null)[]): Vector {
	const n = values.length;
	const offsets = new Int32Array(n + 1);
	const validity = new Uint8Array((n + 7) >> 3);
	const encoder = new TextEncoder();
	let bytes = new Uint8Array(Math.max(64, n * 8));
	let at = 0;
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === null || v === undefined) nulls++;
		else {
			validity[i >> 3]! |= 1 << (i & 7);
			// Three bytes per UTF-16 unit is the most UTF-8 can need.
			if (at + v.length * 3 > bytes.length) {
				const grown = new Uint8Array(Math.max(bytes.length * 2, at + v.length * 3));
				grown.set(bytes.subarray(0, at));
				bytes = grown;
			}
			at += encoder.encodeInto(v, bytes.subarray(at)).written;
		}
		offsets[i + 1] = at;
	}
	return makeVector(
		makeData({
			type: new Utf8(),
			length: n,
			nullCount: nulls,
			nullBitmap: nulls ? validity : null,
			valueOffsets: offsets,
			data: bytes.subarray(0, at)
		})
	);
}

const utf8 = new TextDecoder();

/**
 * The strings of a Utf8 column chunk, decoded in one call rather than one per value (Arrow's
 * own `get` decodes each value alone, which made a million-row export spend seconds here): the
 * bytes are decoded whole, and each value's byte offsets are mapped to string positions.
 */
export function utf8Values(data: {
	length: number;
	offset: number;
	values: Uint8Array;
	valueOffsets: Int32Array;
	nullBitmap?: Uint8Array | null;
	nullCount: number;
}): (string | null)[] {
	// Arrow slices a chunk's value offsets with it, but not its null bits, which keep counting
	// from the chunk's `offset`.
	const { length, offset, values, valueOffsets, nullBitmap } = data;
	const from = valueOffsets[0]!;
	const to = valueOffsets[length]!;
	const bytes = values.subarray(from, to);
	const text = utf8.decode(bytes);
	const out = new Array<string | null>(length);
	const hasNulls = data.nullCount > 0 && !!nullBitmap?.length;
	if (text.length === bytes.length) {
		// All ASCII: a byte is a character.
		for (let i = 0; i < length; i++) {
			const j = offset + i;
			out[i] =
				hasNulls && !((nullBitmap![j >> 3]! >> (j & 7)) & 1)
					? null
					: text.slice(valueOffsets[i]! - from, valueOffsets[i + 1]! - from);
		}
		return out;
	}
	// String positions of each byte boundary: UTF-16 units so far (lead bytes of four-byte
	// sequences make two units; continuation bytes none).
	let units = 0;
	let b = 0;
	const posOf = (target: number) => {
		for (; b < target; b++) {
			const c = bytes[b]!;
			if (c < 0x80 || (c >= 0xc0 && c < 0xf0)) units++;
			else if (c >= 0xf0) units += 2;
		}
		return units;
	};
	for (let i = 0; i < length; i++) {
		const j = offset + i;
		const start = posOf(valueOffsets[i]! - from);
		const end = posOf(valueOffsets[i + 1]! - from);
		out[i] = hasNulls && !((nullBitmap![j >> 3]! >> (j & 7)) & 1) ? null : text.slice(start, end);
	}
	return out;
}
