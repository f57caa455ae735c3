import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.js';
const [,, path, w, h, scheme, out, scrollSel] = process.argv;
const b = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme, isMobile: +w < 600, hasTouch: +w < 600 });
await p.goto('http://127.0.0.1:4173' + path);
await p.waitForFunction(() => { const e = document.querySelector('.explorer'); return !e || e.dataset.later === '2'; });
if (scrollSel) { await p.locator(scrollSel).first().scrollIntoViewIfNeeded(); await p.waitForTimeout(800); }
await p.screenshot({ path: out });
await b.close();
