// Writes .br and .gz beside each compressible file of the built site, so the server sends
// DuckDB's 34 MB wasm as about 6 MB. Brotli quality 11 takes minutes on that file; 9 is close.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'build';
const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|arrow|csv|svg|txt|xml|duckdb)$/;

/** @param {string} d @returns {Generator<string>} */
function* files(d) {
	for (const name of readdirSync(d)) {
		const p = join(d, name);
		if (statSync(p).isDirectory()) yield* files(p);
		else if (COMPRESSIBLE.test(name)) yield p;
	}
}

let before = 0;
let after = 0;
for (const file of files(dir)) {
	const body = readFileSync(file);
	if (body.length < 1024) continue;
	const quality = body.length > 1_000_000 ? 9 : 11;
	const br = brotliCompressSync(body, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.length
		}
	});
	writeFileSync(`${file}.br`, br);
	writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
	before += body.length;
	after += br.length;
}
console.log(`precompress: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB brotli`);
