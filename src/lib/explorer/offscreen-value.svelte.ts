/**
 * A value for parts of the page that may be off screen: while none of them is in sight, a new
 * value waits until the reader's clicks have rested a moment (`REST_MS`) and then for the
 * browser's next idle moment, instead of being drawn in the frame of the click that made it;
 * it is drawn at once when one of them comes into sight. On the explorer this keeps the
 * timeline and the map, the comparisons and the table (hundreds of elements, below the first
 * screen) out of the frame that shows the figures updated, and out of the way of the next
 * click: drawn in the first idle moment, they ran just as a quick second click came.
 */

/** How long a reader's clicks rest before parts out of sight are drawn. */
export const REST_MS = 120;

export class OffscreenValue<T> {
	/** What the parts show. */
	current: T = $state.raw() as T;
	#next: T;
	// Which parts are in sight is bookkeeping, not state anything draws.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#inSight = new Set<Element>();
	#idle: { id: number; kind: 'idle' | 'timeout' } | null = null;
	#observer: IntersectionObserver | null = null;
	#watched = 0;

	constructor(initial: T) {
		this.current = initial;
		this.#next = initial;
	}

	/** Takes a new value: shown now if a part is in sight, else when the browser is next idle. */
	set(value: T) {
		this.#next = value;
		this.#cancel();
		if (this.#inSight.size > 0 || typeof IntersectionObserver === 'undefined') {
			this.current = value;
			return;
		}
		const show = () => {
			this.#idle = null;
			this.current = this.#next;
		};
		// A deadline, so a busy page still shows it soon; Safari has no requestIdleCallback.
		const whenIdle = () =>
			typeof requestIdleCallback === 'function'
				? ({ id: requestIdleCallback(show, { timeout: 250 }), kind: 'idle' } as const)
				: ({ id: window.setTimeout(show, 50), kind: 'timeout' } as const);
		this.#idle = {
			id: window.setTimeout(() => (this.#idle = whenIdle()), REST_MS),
			kind: 'timeout'
		};
	}

	/** A Svelte action for each part that shows the value. */
	observe = (el: Element) => {
		this.#observer ??= new IntersectionObserver((entries) => {
			for (const e of entries) {
				if (e.isIntersecting) this.#inSight.add(e.target);
				else this.#inSight.delete(e.target);
			}
			if (this.#inSight.size > 0 && this.current !== this.#next) this.#showNow();
		});
		this.#observer.observe(el);
		// A printed page shows every part as it is now.
		if (this.#watched++ === 0) window.addEventListener('beforeprint', this.#showNow);
		return {
			destroy: () => {
				this.#observer?.unobserve(el);
				this.#inSight.delete(el);
				if (--this.#watched > 0) return;
				// The last part has gone: nothing is left to show a value to.
				window.removeEventListener('beforeprint', this.#showNow);
				this.#cancel();
				this.#observer?.disconnect();
				this.#observer = null;
			}
		};
	};

	#cancel() {
		if (this.#idle === null) return;
		if (this.#idle.kind === 'idle') cancelIdleCallback(this.#idle.id);
		else window.clearTimeout(this.#idle.id);
		this.#idle = null;
	}

	#showNow = () => {
		this.#cancel();
		this.current = this.#next;
	};
}
