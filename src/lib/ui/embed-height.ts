/**
 * An embed tells its host page how tall it is, whenever that changes (a narrower column, a data
 * table opened): the host's script (`resizeScript` in `state/embed.ts`) sizes the iframe to it.
 * Browser-only.
 */
import { HEIGHT_MESSAGE, type HeightMessage } from '../state/embed';

/** Observes `content` and posts its height to the parent window; returns the cleanup. */
export function postHeight(content: HTMLElement, embed: () => string): () => void {
	// An embed opened on its own has no host to tell.
	if (window.parent === window) return () => {};
	let last = 0;
	const post = () => {
		const style = getComputedStyle(document.body);
		// The content's own height: the document's would never shrink below the frame's.
		const height = Math.ceil(
			content.getBoundingClientRect().height +
				parseFloat(style.marginTop) +
				parseFloat(style.marginBottom)
		);
		if (height === last) return;
		last = height;
		const message: HeightMessage = { embed: embed(), height };
		window.parent.postMessage({ [HEIGHT_MESSAGE]: message }, '*');
	};
	const observer = new ResizeObserver(post);
	observer.observe(content);
	post();
	return () => observer.disconnect();
}
