// Serves the built site like a static host would: precompressed files, wasm MIME type, no cache
// tricks. Usage: node scripts/serve.js [dir=build] [port=4173]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

const dir = process.argv[2] ?? 'build';
const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
const notFoundPage = () =>
	existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : null;
const assets = sirv(dir, { brotli: true, gzip: true, etag: true, extensions: ['html'] });

/**
 * Only /embed/* and /es/embed/* may be framed by other sites (that is what embeds are for); every other page
 * says so in headers, which a <meta> policy cannot (`frame-ancestors` is ignored there). Hosts
 * that can send headers should do the same: see README "Security".
 */
const FRAME_HEADERS = {
	'content-security-policy': "frame-ancestors 'self'",
	'x-frame-options': 'SAMEORIGIN'
};
const framable = (url = '/') => /^\/(es\/)?embed(\/|$)/.test(url);

createServer((req, res) => {
	if (!framable(req.url))
		for (const [name, value] of Object.entries(FRAME_HEADERS)) res.setHeader(name, value);
	assets(req, res, () => {
		// Like GitHub Pages or Netlify: unknown addresses get the site's own 404 page, as a 404.
		const page = notFoundPage();
		res.statusCode = 404;
		res.setHeader('content-type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
		res.end(page ?? 'Not found');
	});
}).listen(port, '127.0.0.1', () => {
	console.log(`Cifras is served at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
});
