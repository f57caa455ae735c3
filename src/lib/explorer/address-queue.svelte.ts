/**
 * The explorer's addresses, gone to after the view they hold is drawn. A click's view is drawn
 * from the address asked for (`requested`) in the click's own frame; SvelteKit's navigation to
 * it (`goto`) runs once that frame is painted. A navigation writes the history entry, reads
 * the scroll position (a forced layout) and scans every link of the page for preloading: on
 * the explorer's 350 links about a third of a click's time before anything changed on screen.
 * The address follows a frame later, in the order the addresses were asked for, each its own
 * history entry as before (docs/performance.md, "View first, address after").
 */

/**
 * Resolves once the browser has painted the next frame and is idle: after the frame that shows
 * the view, and after any input or rendering waiting its turn (soon, in a tab that paints none).
 */
export function nextPaint(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function') {
			// The next idle period starts once a frame has been drawn; a hidden tab draws none.
			requestIdleCallback(() => resolve(), { timeout: 100 });
			return;
		}
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve();
		};
		const timer = setTimeout(finish, 100);
		requestAnimationFrame(() => {
			// A task queued from an animation frame runs after that frame is painted.
			const channel = new MessageChannel();
			channel.port1.onmessage = finish;
			channel.port2.postMessage(null);
		});
	});
}

interface Asked {
	url: string;
	replace: boolean;
	done: () => void;
}

export class AddressQueue {
	/** The address last asked for, until every navigation asked for is done (or dropped). */
	requested: string | null = $state(null);
	#queue: Asked[] = [];
	#draining = false;

	/**
	 * @param go navigates to an address (SvelteKit's `goto`); a rejection (a navigation another
	 *   one cancelled) leaves the address as it is
	 * @param painted resolves after the next frame is painted (tests pass their own)
	 */
	constructor(
		private readonly go: (url: string, replace: boolean) => Promise<void>,
		private readonly painted: () => Promise<void> = nextPaint
	) {}

	/** Asks for an address; resolves once the navigation to it is done (or dropped). */
	push(url: string, replace: boolean): Promise<void> {
		this.requested = url;
		return new Promise((done) => {
			this.#queue.push({ url, replace, done });
			if (!this.#draining) void this.#drain();
		});
	}

	/**
	 * Forgets the addresses not gone to yet: the reader went Back or Forward, or left the page,
	 * and those choices were made from a view no longer in front of them.
	 */
	drop(): void {
		for (const asked of this.#queue) asked.done();
		this.#queue = [];
		this.requested = null;
	}

	async #drain(): Promise<void> {
		this.#draining = true;
		try {
			while (this.#queue.length) {
				await this.painted();
				const next = this.#queue.shift();
				if (!next) break;
				try {
					await this.go(next.url, next.replace);
				} catch {
					// Cancelled by another navigation: the address is the one that won.
				} finally {
					next.done();
				}
			}
		} finally {
			this.#draining = false;
			if (!this.#queue.length) this.requested = null;
		}
	}
}
