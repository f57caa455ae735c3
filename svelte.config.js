import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Unknown addresses: static hosts (and scripts/serve.js) answer with 404.html, which shows the error page.
		adapter: adapter({ strict: true, fallback: '404.html' }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The pages' CSS (about 12 kB in several chunks) goes into the HTML: one request fewer per
		// chunk before the first paint. The policy's style-src allows inline styles.
		inlineStyleThreshold: 16_384,
		// A static host sends no headers we control, so the policy travels in a <meta> tag, with
		// a hash for each inline script SvelteKit writes. See README "Security" and docs/architecture.md.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['none'],
				// WebAssembly only (never JS eval): hyparquet-compressors compiles its codecs in the
				// page when /sql reads a user's Parquet file. DuckDB-wasm compiles in its own worker.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'manifest-src': ['self'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
