import { SELECTION_PARAMS } from '$lib/state/url';
import { addInlineScript } from './csp';

/**
 * A shared link to a selection (`/?topic=remittances`) is answered with the prerendered page,
 * which shows every figure: a static host serves one file for every query string. The page's
 * scripts start after its first paint (`paint-first.ts`), so for a moment before they applied
 * the link's selection a reader saw "102 figures" and the wrong cards, and could quote them.
 *
 * This script, in the head before anything is drawn, marks the page (`data-selection-pending`)
 * when its address holds a parameter that chooses figures or their order; CSS then hides the
 * figures, facets and views behind a short line, and the explorer clears the mark once it shows
 * the address's view. Other parameters (the bench's switches, a social site's `utm_source`)
 * choose nothing and leave the page as it is. Without JavaScript nothing runs and the
 * prerendered figures show, as before.
 *
 * If the page's scripts fail (an import rejected, with nothing to catch it) or have not started
 * after 15 s, the mark becomes `data-selection-failed`: every figure shows again under a line
 * that says the link's filters were not applied. The explorer clears that too if it starts later.
 */
const CHOOSING = new RegExp(`[?&](?:${SELECTION_PARAMS.join('|')})=`);

export const SELECTION_PENDING_SCRIPT =
	`if (${CHOOSING}.test(location.search)) { const d = document.documentElement; ` +
	"d.setAttribute('data-selection-pending', ''); const failed = () => { " +
	"if (d.hasAttribute('data-selection-pending')) { d.removeAttribute('data-selection-pending'); " +
	"d.setAttribute('data-selection-failed', ''); } }; " +
	"addEventListener('unhandledrejection', failed); setTimeout(failed, 15000); }";

/** The explorer's page with the script just after its policy, and its hash in the policy. */
export const markSelectionPending = (html: string): string =>
	addInlineScript(html, SELECTION_PENDING_SCRIPT);
