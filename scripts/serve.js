// Serves the built site like a static host would: precompressed files, wasm MIME type, no cache
// tricks. Usage: node scripts/serve.js [dir=build] [port=4173]
import { createServer } from 'node:http';
import sirv from 'sirv';

const dir = process.argv[2] ?? 'build';
const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
const assets = sirv(dir, { brotli: true, gzip: true, etag: true, extensions: ['html'] });

createServer((req, res) => {
	assets(req, res, () => {
		// Like GitHub Pages or Netlify: unknown addresses get the site's own 404 page.
		res.statusCode = 404;
		req.url = '/404.html';
		assets(req, res, () => {
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end('Not found');
		});
	});
}).listen(port, '127.0.0.1', () => {
	console.log(`Cifras is served at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
});
