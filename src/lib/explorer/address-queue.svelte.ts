/**
 * The explorer's addresses, gone to after the view they hold is drawn. A click's view is drawn
 * from the address asked for (`requested`) in the click's own frame; SvelteKit's navigation to
 * it (`goto`) runs once that frame is painted. A navigation writes the history entry, reads
 * the scroll position (a forced layout) and scans every link of the page for preloading: on
 * the explorer's 350 links about a third of a click's time before anything changed on screen.
 * The address follows a frame later, in the order the addresses were asked for, each its own
 * history entry as before (docs/performance.md, "View first, address after").
 */

/** Resolves in the task after the next painted frame, or after 100 ms in a tab that paints none. */
function paintedFrame(): Promise<void> {
	return new Promise((resolve) => {
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

/**
 * Resolves when the browser is next idle (at once where it cannot say: Safari). Not
 * `browserWaits.idle` (answers.ts): that one yields a task in Safari, which its loop needs, and
 * waits up to 300 ms; this one comes after a painted frame already, and an address waits 100 ms.
 */
function idle(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function')
			requestIdleCallback(() => resolve(), { timeout: 100 });
		else resolve();
	});
}

/**
 * Resolves once a painted frame shows what was asked for (`shown`; at most `patience` ms of
 * frames, for an engine that answers slowly) and the browser is then idle. An idle callback
 * alone is not enough: one asked for during a click may run in the idle time left before the
 * click's own frame (traced: a navigation of 12–16 ms before the view was painted, in one click
 * of ten), and on DuckDB-wasm the page is idle while the worker answers.
 */
export async function nextPaint(shown: () => boolean = () => true, patience = 1000): Promise<void> {
	const since = Date.now();
	do await paintedFrame();
	while (!shown() && Date.now() - since < patience);
	await idle();
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
	/** How many addresses have been asked for: a wait that saw a newer one waits again. */
	#asks = 0;

	/**
	 * @param go navigates to an address (SvelteKit's `goto`); a rejection (a navigation another
	 *   one cancelled) leaves the address as it is
	 * @param painted resolves once the frame showing the view asked for is painted and the
	 *   browser is idle (tests pass their own)
	 */
	constructor(
		private readonly go: (url: string, replace: boolean) => Promise<void>,
		private readonly painted: () => Promise<void> = nextPaint
	) {}

	/** Asks for an address; resolves once the navigation to it is done (or dropped). */
	push(url: string, replace: boolean): Promise<void> {
		this.requested = url;
		this.#asks++;
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

	/**
	 * Waits for `painted`, again each time another address was asked for meanwhile: that click
	 * has its own frame to show first, and the idle moment may be the one between it and its
	 * frame (clicks in quick succession), where a navigation would hold its view back.
	 */
	async #quiet(): Promise<void> {
		let asks;
		do {
			asks = this.#asks;
			await this.painted();
		} while (asks !== this.#asks && this.#queue.length);
	}

	async #drain(): Promise<void> {
		this.#draining = true;
		try {
			// Addresses asked for in the same task (a click that asks twice) are one wait.
			await Promise.resolve();
			while (this.#queue.length) {
				await this.#quiet();
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
