import { chromium } from '@playwright/test';
const [url, file, w, h, scheme] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w||1440, height: +h||1000 }, colorScheme: scheme||'light' });
p.on('console', m => console.log('console', m.type(), m.text()));
p.on('pageerror', e => console.log('pageerror', e.message));
await p.goto(url); await p.waitForTimeout(2500);
await p.screenshot({ path: file });
await b.close();
