import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.js';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const url of ['/documents', '/documents/iom-oas-2006', '/figure/iom06-hnd-returnees-assisted-2005']) {
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors = [];
page.on('console', (m) => errors.push(m.type() + ' ' + m.text()));
await page.goto('http://127.0.0.1:4193' + url);
await page.waitForSelector('html[data-hydrated]');
console.log(url, errors, await page.locator('[data-testid=coverage]').first().textContent().catch(() => ''));
await page.close();
}
await browser.close();
