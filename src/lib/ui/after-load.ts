/**
 * Runs `start` once the page's load event has fired (at once if it has): for code a page does
 * not need for its first screen, so a first visit fetches it after the load event. An event,
 * not a timer, so a test's paused clock does not hold it back. Returns what removes the wait.
 */
export function afterLoad(start: () => void): () => void {
	if (document.readyState === 'complete') {
		start();
		return () => {};
	}
	addEventListener('load', start, { once: true });
	return () => removeEventListener('load', start);
}
