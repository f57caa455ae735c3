/**
 * Dependencies the bundle relies on being single: DuckDB-wasm hands the page Arrow record
 * batches built by its copy of apache-arrow, and takes the page's Arrow tables back
 * (`src/lib/db/duckdb.ts`), so both must use one copy, or `instanceof` checks inside Arrow fail
 * silently. npm installs one today; this fails when an upgrade nests a second.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Where `name` resolves from inside the installed package `from`, as Node and Vite find it. */
const resolvedFrom = (from: string, name: string) =>
	createRequire(resolve('node_modules', from, 'index.js')).resolve(name);

describe('dependencies', () => {
	it('give DuckDB-wasm and the site one apache-arrow', () => {
		expect(resolvedFrom('@duckdb/duckdb-wasm', 'apache-arrow')).toBe(
			createRequire(resolve('package.json')).resolve('apache-arrow')
		);
	});
});
