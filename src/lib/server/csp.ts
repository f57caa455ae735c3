import { createHash } from 'node:crypto';

/**
 * The page's Content-Security-Policy as SvelteKit writes it into a prerendered page: a <meta>
 * in the head, whose `script-src` lists a hash for each inline script. An inline script the
 * build adds or rewrites must have its hash there too, or the browser refuses to run it.
 */

/** A script's hash as the policy lists it: `'sha256-…'`. */
export const scriptHash = (text: string): string =>
	`'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// The policy's <meta>, split after its script-src's sources.
const POLICY =
	/(<meta http-equiv="content-security-policy" content="[^"]*script-src [^;"]*)([^>]*>)/;

/**
 * The page with `script` inline just after its policy (which governs only what comes after it)
 * and its hash added to the policy's script-src. Throws on a page without such a policy, which
 * fails the build rather than ship a script the browser would refuse.
 */
export function addInlineScript(html: string, script: string): string {
	if (!POLICY.test(html))
		throw new Error('csp: the page has no script-src policy to add a hash to');
	return html.replace(
		POLICY,
		(_, scriptSrc: string, rest: string) =>
			`${scriptSrc} ${scriptHash(script)}${rest}<script>${script}</script>`
	);
}
