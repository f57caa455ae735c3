import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddressQueue, nextPaint } from '../../src/lib/explorer/address-queue.svelte';

/** Frames painted by hand, navigations finished by hand: each step is the test's to take. */
function harness() {
	const frames: (() => void)[] = [];
	const navigations: { url: string; replace: boolean; end: (ok?: boolean) => void }[] = [];
	const queue = new AddressQueue(
		(url, replace) =>
			new Promise<void>((resolve, reject) =>
				navigations.push({
					url,
					replace,
					end: (ok = true) => (ok ? resolve() : reject(new Error('navigation aborted')))
				})
			),
		() => new Promise<void>((resolve) => frames.push(resolve))
	);
	const settle = () => new Promise((r) => setTimeout(r, 0));
	// A frame is painted after the task that asked for it.
	const paint = async () => {
		await settle();
		frames.shift()?.();
		await settle();
	};
	return { queue, frames, navigations, paint, settle };
}

describe('AddressQueue', () => {
	it('holds an address as asked for until the frame is painted, then goes to it', async () => {
		const { queue, navigations, paint, settle } = harness();
		let done = false;
		void queue.push('/?topic=remittances', false).then(() => (done = true));
		expect(queue.requested).toBe('/?topic=remittances');
		await settle();
		// Nothing navigates before the view it holds has been painted.
		expect(navigations).toHaveLength(0);
		await paint();
		expect(navigations.map((n) => n.url)).toEqual(['/?topic=remittances']);
		expect(done).toBe(false);
		navigations[0]!.end();
		await settle();
		expect(done).toBe(true);
		expect(queue.requested).toBeNull();
	});

	it('goes to several addresses in the order asked, one navigation at a time', async () => {
		const { queue, navigations, paint, settle } = harness();
		void queue.push('/?topic=a', false);
		void queue.push('/?topic=b', true);
		// The last asked is the one the view shows meanwhile.
		expect(queue.requested).toBe('/?topic=b');
		await paint();
		expect(navigations.map((n) => [n.url, n.replace])).toEqual([['/?topic=a', false]]);
		navigations[0]!.end();
		await settle();
		// The second waits for its own frame, and never runs beside the first.
		expect(navigations).toHaveLength(1);
		expect(queue.requested).toBe('/?topic=b');
		await paint();
		expect(navigations.map((n) => [n.url, n.replace])).toEqual([
			['/?topic=a', false],
			['/?topic=b', true]
		]);
		navigations[1]!.end();
		await settle();
		expect(queue.requested).toBeNull();
	});

	it('waits again when another address is asked for while it waits (quick clicks)', async () => {
		const { queue, frames, navigations, paint, settle } = harness();
		void queue.push('/?topic=a', false);
		await settle();
		// The second click comes before the first one's wait is over: its frame comes first.
		void queue.push('/?topic=b', false);
		await paint();
		expect(navigations).toHaveLength(0);
		expect(frames).toHaveLength(1);
		await paint();
		expect(navigations.map((n) => n.url)).toEqual(['/?topic=a']);
		navigations[0]!.end();
		await settle();
		await paint();
		expect(navigations.map((n) => n.url)).toEqual(['/?topic=a', '/?topic=b']);
	});

	it('drops what is not gone to yet (Back, another page) and resolves its promises', async () => {
		const { queue, navigations, paint, settle } = harness();
		const finished: string[] = [];
		void queue.push('/?topic=a', false).then(() => finished.push('a'));
		void queue.push('/?topic=b', false).then(() => finished.push('b'));
		await paint();
		queue.drop();
		expect(queue.requested).toBeNull();
		await settle();
		expect(finished).toEqual(['b']);
		// The navigation already under way is cancelled by the reader's: the queue goes on.
		navigations[0]!.end(false);
		await settle();
		expect(finished).toEqual(['b', 'a']);
		expect(navigations).toHaveLength(1);
		void queue.push('/?topic=c', false);
		await paint();
		expect(navigations.map((n) => n.url)).toEqual(['/?topic=a', '/?topic=c']);
		expect(queue.requested).toBe('/?topic=c');
	});
});

describe('nextPaint', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.useRealTimers();
	});

	/** Whether the promise has settled once pending callbacks and microtasks have run. */
	const settledNow = async (p: Promise<void>) => {
		let done = false;
		void p.then(() => (done = true));
		await new Promise((r) => setTimeout(r, 10));
		return done;
	};

	/** Frames and idle periods the test hands out itself. */
	function browser({ idle = true } = {}) {
		const frames: (() => void)[] = [];
		const idles: { cb: () => void; timeout?: number }[] = [];
		vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
		vi.stubGlobal(
			'requestIdleCallback',
			idle
				? (cb: () => void, o?: { timeout?: number }) => idles.push({ cb, timeout: o?.timeout })
				: undefined
		);
		// Paints the next frame: its callback queues a task, which runs after the paint.
		const paint = async () => {
			frames.shift()?.();
			await new Promise((r) => setTimeout(r, 10));
		};
		return { frames, idles, paint };
	}

	it('waits for a painted frame, then for the browser to be idle (with a deadline)', async () => {
		const { idles, paint } = browser();
		const p = nextPaint();
		// An idle moment before the frame does not count: nothing is asked of it yet.
		expect(idles).toHaveLength(0);
		expect(await settledNow(p)).toBe(false);
		await paint();
		expect(idles.map((i) => i.timeout)).toEqual([100]);
		expect(await settledNow(p)).toBe(false);
		idles[0]!.cb();
		expect(await settledNow(p)).toBe(true);
	});

	it('waits for the frame that shows what was asked for (a slow engine)', async () => {
		const { frames, idles, paint } = browser();
		let shown = false;
		const p = nextPaint(() => shown);
		await paint();
		await paint();
		// Two frames painted while the answer was on its way: still waiting for frames.
		expect(idles).toHaveLength(0);
		expect(frames).toHaveLength(1);
		shown = true;
		await paint();
		expect(idles).toHaveLength(1);
		idles[0]!.cb();
		expect(await settledNow(p)).toBe(true);
	});

	it('goes on after its patience when the answer never comes', async () => {
		vi.useFakeTimers();
		const { idles } = browser();
		vi.stubGlobal('requestAnimationFrame', () => 0);
		void nextPaint(() => false, 250);
		// A tab that paints no frame waits 100 ms a frame; after 250 ms it stops waiting.
		await vi.advanceTimersByTimeAsync(299);
		expect(idles).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(idles).toHaveLength(1);
	});

	it('without idle callbacks (Safari), goes on after the painted frame', async () => {
		const { paint } = browser({ idle: false });
		const p = nextPaint();
		expect(await settledNow(p)).toBe(false);
		await paint();
		expect(await settledNow(p)).toBe(true);
	});

	it('in a tab that paints no frames, still goes on', async () => {
		vi.useFakeTimers();
		browser({ idle: false });
		vi.stubGlobal('requestAnimationFrame', () => 0);
		let done = false;
		void nextPaint().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(99);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});
});
