import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { MESSAGES_OPTIONS } from './scripts/messages-options.js';

export default defineConfig({
	// Paraglide compiles messages/ (English and Spanish) into typed, tree-shaken functions. Not
	// under Vitest, whose run would not end while the plugin watches messages/: `npm test`
	// compiles them first (`npm run check`), and so does `npm install` (prepare).
	plugins: [process.env.VITEST ? [] : paraglideVitePlugin(MESSAGES_OPTIONS), sveltekit()],
	// No resolve.dedupe: nothing the browser loads uses @uwdata/* (Arquero stays in the Node
	// build), and DuckDB-wasm shares the site's one apache-arrow, which
	// tests/unit/dependencies.test.ts checks rather than forcing a copy on it.
	build: { minify: process.env.NO_MINIFY ? false : 'esbuild' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		// Coverage with floors where the data's answers are made, so a branch no test reaches
		// (dead code, or code no one checks) fails `npm test`. Modules that run only in a browser
		// (DuckDB-wasm's worker, the pages' state classes) are covered by the e2e tests instead.
		coverage: {
			provider: 'v8',
			include: ['src/lib/queries/**', 'src/lib/db/**', 'src/lib/explorer/**'],
			exclude: [
				'src/lib/db/duckdb.ts',
				'src/lib/explorer/explorer-state.svelte.ts',
				'src/lib/explorer/engine-state.svelte.ts',
				'src/lib/explorer/user-figures.svelte.ts'
			],
			reporter: ['text-summary', 'json-summary'],
			thresholds: {
				'src/lib/queries/**': { lines: 98, branches: 90, functions: 98 },
				'src/lib/db/**': { lines: 80, branches: 70, functions: 80 },
				'src/lib/explorer/**': { lines: 95, branches: 85, functions: 90 }
			}
		},
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
