// How Paraglide JS compiles messages/ into src/lib/paraglide/: one place for the Vite plugin
// (vite.config.ts) and for `npm run check`, which type-checks the generated modules without Vite.
// The locale comes from the address only ("/es/…" is Spanish, everything else English), never
// from a cookie or the browser: a reader's language never moves them to another address.
export const MESSAGES_OPTIONS = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: /** @type {['url', 'baseLocale']} */ (['url', 'baseLocale']),
	emitReadme: false
};
