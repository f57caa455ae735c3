import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Two copies of one @uwdata/* or arrow package break instanceof checks silently.
	resolve: { dedupe: ['apache-arrow', '@uwdata/flechette'] },
	build: { minify: process.env.NO_MINIFY ? false : 'esbuild' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// Upper bounds, not waits: the parity tests run hundreds of DuckDB queries, which
					// take 2–5 s a test on a busy two-core machine (see `npm run test:load`).
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
