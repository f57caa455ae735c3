/**
 * What the embed tests share: a page on another origin that embeds charts the way a newsroom's
 * CMS would, its frames, and the check that a frame shows its source line whole.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';

/** The column widths an embed is tried at: a small phone to a wide article. */
export const WIDTHS = [320, 375, 640, 720, 1024];

/**
 * A page on another origin (its own port) that embeds `html`, in `lang` ("en" or "es"): close
 * its server when done.
 */
export async function hostPage(
	html: string,
	lang: 'en' | 'es' = 'en'
): Promise<{ url: string; server: Server }> {
	const [title, heading] =
		lang === 'es' ? ['Anfitrión', 'Un artículo'] : ['Host', "A newsroom's article"];
	const server = createServer((_req, res) => {
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(`<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>
			<h1>${heading}</h1>${html}</body></html>`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Every embed frame of the host page, with the width of the column it sits in. */
export async function frames(page: Page): Promise<{ width: number; frame: Frame; src: string }[]> {
	const handles = await page.locator('iframe').elementHandles();
	return Promise.all(
		handles.map(async (h) => ({
			width: await h.evaluate((el) => (el.parentElement as HTMLElement).clientWidth),
			frame: (await h.contentFrame())!,
			src: (await h.getAttribute('src'))!
		}))
	);
}

/** Inside an embed: its source line is wholly inside the frame, and nothing scrolls. */
export const fits = (frame: Frame) =>
	frame.evaluate(() => {
		const source = document.querySelector('[data-testid="embed-source"]');
		const root = document.documentElement;
		if (!source) return 'no source line yet';
		const r = source.getBoundingClientRect();
		if (r.top < 0 || r.bottom > innerHeight)
			return `source line at ${r.top}–${r.bottom} of ${innerHeight}`;
		if (root.scrollHeight > root.clientHeight)
			return `scrolls: ${root.scrollHeight} > ${root.clientHeight}`;
		if (root.scrollWidth > root.clientWidth) return `scrolls sideways: ${root.scrollWidth}`;
		return 'fits';
	});
