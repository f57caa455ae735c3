import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// No resolve.dedupe: nothing the browser loads uses @uwdata/* (Arquero stays in the Node
	// build), and DuckDB-wasm shares the site's one apache-arrow, which
	// tests/unit/dependencies.test.ts checks rather than forcing a copy on it.
	build: { minify: process.env.NO_MINIFY ? false : 'esbuild' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			}
		]
	}
});
