import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.js';

// Its own port, and never a server left running: sirv lists files at start, so an old server would serve a stale build.
const port = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
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
