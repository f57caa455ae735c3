// Takes screenshots of the built site's pages at desktop and phone sizes into bench-results/shots,
// for a person to look at. Needs the site served (npm run serve).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.js';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const pages = process.argv.slice(2).length
	? process.argv.slice(2)
	: [
			'/',
			'/?topic=trafficking_victims',
			'/figure/hc02-lac-emigrants-abroad',
			'/about',
			'/documents',
			'/documents/hemispheric-2002',
			'/documents/hemispheric-2002#L324',
			'/documents/eclac-hld-2013#L216'
		];
const out = 'bench-results/shots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
/** @type {{ name: string, viewport: { width: number, height: number }, scheme: 'light' | 'dark' }[]} */
const setups = [
	{ name: 'desktop', viewport: { width: 1440, height: 900 }, scheme: 'light' },
	{ name: 'phone', viewport: { width: 375, height: 740 }, scheme: 'light' },
	{ name: 'dark', viewport: { width: 1440, height: 900 }, scheme: 'dark' },
	{ name: 'phone-dark', viewport: { width: 375, height: 740 }, scheme: 'dark' }
];
for (const { name, viewport, scheme } of setups) {
	const page = await browser.newPage({ viewport, colorScheme: scheme });
	for (const p of pages) {
		await page.goto(base + p);
		await page.waitForTimeout(1500);
		const file = `${out}/${name}-${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`;
		// A full-page shot shows the reader's sections blank (content-visibility: auto lays out only
		// what is near the screen); a reader page at a line is shot as a screen, where it opens.
		if (!p.includes('#')) await page.screenshot({ path: file, fullPage: true });
		// The first screen alone, as a reader sees it on arrival.
		await page.screenshot({ path: file.replace(/\.png$/, '-top.png') });
		console.log(file);
	}
	await page.close();
}
await browser.close();
