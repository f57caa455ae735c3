import { createHash } from 'node:crypto';

/**
 * A shared link to a selection (`/?topic=remittances`) is answered with the prerendered page,
 * which shows every figure: a static host serves one file for every query string. The page's
 * scripts start after its first paint (`paint-first.ts`), so for a moment before they apply the
 * link's selection a reader saw "102 figures" and the wrong cards, and could quote them. This
 * script, in the head before anything is drawn, marks the page while a selection in the address
 * waits to be applied; CSS then hides the figures and facets behind a short message, and the
 * explorer clears the mark once it shows the address's view. Without JavaScript nothing runs and
 * the prerendered figures show, as before. If the page's scripts never start (a failed
 * download), the mark goes after five seconds, so the page is never left blank.
 *
 * The explorer's own switches (`engine`, `synthetic`) select no figures and do not mark it.
 */
export const SELECTION_PENDING_SCRIPT =
	"if (/[?&](?!(?:engine|synthetic)=)[^&=]/.test(location.search)) { const d = document.documentElement; d.setAttribute('data-selection-pending', ''); setTimeout(() => d.removeAttribute('data-selection-pending'), 5000); }";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// The policy's <meta>: the script goes just after it, so the policy governs it too.
const POLICY =
	/(<meta http-equiv="content-security-policy" content="[^"]*script-src [^;"]*)([^>]*>)/;

/** The explorer's page with the script early in its head and its hash in the page's policy. */
export function markSelectionPending(html: string): string {
	if (!POLICY.test(html))
		throw new Error('selection-pending: the page has no script-src policy to add a hash to');
	return html.replace(
		POLICY,
		(_, scriptSrc: string, rest: string) =>
			`${scriptSrc} ${sha256(SELECTION_PENDING_SCRIPT)}${rest}<script>${SELECTION_PENDING_SCRIPT}</script>`
	);
}
