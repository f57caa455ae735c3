import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startAfterFirstPaint } from '../../src/lib/server/paint-first';

// SvelteKit's start-up script as it writes it into a prerendered page (2.x).
const BOOT = `
				{
					__sveltekit_x = {
						base: new URL(".", location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("./_app/immutable/entry/start.js"),
						import("./_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 2],
							data: [null,null],
							form: null,
							error: null
						});
					});
				}
			`;
const hash = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;
const MODULES = ['./_app/immutable/entry/start.js', './_app/immutable/chunks/a.js'];
const page = (boot: string, policyHash = hash(boot)) =>
	`<html><head><meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' '${policyHash}'; style-src 'self'">` +
	MODULES.map((m) => `<link href="${m}" rel="modulepreload">`).join('') +
	`</head><body><div><p>Figures</p><script>${boot}</script></div></body></html>`;
const scriptOf = (html: string) => /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;

describe('startAfterFirstPaint', () => {
	it('makes the start-up script wait for the first contentful paint, and hashes it anew', () => {
		const out = startAfterFirstPaint(page(BOOT));
		const script = scriptOf(out);
		expect(script).toContain("getEntriesByName('first-contentful-paint')");
		// The imports come after the wait, not before it.
		expect(script.indexOf('first-contentful-paint')).toBeLessThan(script.indexOf('import('));
		// The policy lists the new script's hash, and no longer the old one.
		expect(out).toContain(`'${hash(script)}'`);
		expect(out).not.toContain(hash(BOOT));
		// Still a script a browser can run (compiled here, not run).
		expect(() => new Script(script)).not.toThrow();
		// The modules are preloaded after the paint, by the script, and no longer by the head.
		expect(out).not.toContain('rel="modulepreload"');
		expect(script).toContain(JSON.stringify(MODULES));
		expect(script.indexOf('first-contentful-paint')).toBeLessThan(script.indexOf('modulepreload'));
		expect(script.indexOf('modulepreload')).toBeLessThan(script.indexOf('import('));
		const rest = page(BOOT)
			.replace(BOOT, '')
			.replace(hash(BOOT), hash(script))
			.replace(/<link [^>]+>/g, '');
		expect(out.replace(script, '')).toBe(rest);
	});

	it('leaves a page without a start-up script alone', () => {
		const html = '<html><body><p>No scripts</p></body></html>';
		expect(startAfterFirstPaint(html)).toBe(html);
	});

	it('fails the build when the script or the policy is not as SvelteKit wrote them', () => {
		expect(() => startAfterFirstPaint(page(BOOT, 'sha256-other'))).toThrow(/no hash/);
		const changed = BOOT.replace(']).then(([kit, app]) =>', ']).then((modules) =>');
		expect(() => startAfterFirstPaint(page(changed))).toThrow(/not as expected/);
		expect(() => startAfterFirstPaint(page(BOOT) + `<script>${BOOT}</script>`)).toThrow(
			/more than one/
		);
		const otherLink = page(BOOT).replace('rel="modulepreload">', 'rel="modulepreload" as="x">');
		expect(() => startAfterFirstPaint(otherLink)).toThrow(/modulepreload link/);
	});
});
