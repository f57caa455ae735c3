/**
 * Whether a `<details>` element is open, read from the element and never written to it: a
 * disclosure opened before the page hydrated stays open (`bind:open` closed it again), and its
 * content can be drawn only while it is open.
 */
export class DetailsOpen {
	open = $state(false);

	/** Attach to the `<details>`: `<details {@attach disclosure.track}>`. */
	track = (el: HTMLDetailsElement) => {
		const read = () => (this.open = el.open);
		read();
		el.addEventListener('toggle', read);
		return () => el.removeEventListener('toggle', read);
	};
}
