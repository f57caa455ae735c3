import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.js';

// Its own port, and never a server left running: sirv lists files at start, so an old server would serve a stale build.
const port = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// Upper bounds, not waits: a test goes on as soon as what it waits for is there. Generous,
	// because a contributor's machine may be a busy two-core one (see `npm run test:load`);
	// tests that load many pages call `test.slow()`, which triples them.
	timeout: 120_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'off',
		launchOptions: {
			executablePath: chromiumPath(),
			args: CHROMIUM_ARGS
		}
	},
	webServer: {
		command: `node scripts/serve.js build ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
