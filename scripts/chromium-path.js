// Finds the system Chromium for browser tests; the project never downloads a browser.
import { existsSync } from 'node:fs';

const CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
];

export function chromiumPath() {
	const found = CANDIDATES.find((p) => p && existsSync(p));
	if (!found) {
		throw new Error(
			'No Chromium found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
				'or set CHROMIUM_PATH to a Chromium or Chrome binary.'
		);
	}
	return found;
}

/** Flags for every headless run here: no GPU, no sandbox (containers), and no network of its own. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
