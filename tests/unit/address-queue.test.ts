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
	const paint = async () => {
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
		await new Promise((r) => setTimeout(r, 0));
		return done;
	};

	it('waits for the browser to be idle, with a deadline', async () => {
		const idle: { cb: () => void; timeout?: number }[] = [];
		vi.stubGlobal('requestIdleCallback', (cb: () => void, o?: { timeout?: number }) => {
			idle.push({ cb, timeout: o?.timeout });
			return idle.length;
		});
		const p = nextPaint();
		expect(await settledNow(p)).toBe(false);
		expect(idle[0]?.timeout).toBe(100);
		idle[0]!.cb();
		expect(await settledNow(p)).toBe(true);
	});

	it('without idle callbacks (Safari), waits for a painted frame', async () => {
		vi.stubGlobal('requestIdleCallback', undefined);
		const frames: (() => void)[] = [];
		vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
		const p = nextPaint();
		expect(await settledNow(p)).toBe(false);
		// The frame's callback queues a task; the promise resolves in that task, after the paint.
		frames[0]!();
		await new Promise((r) => setTimeout(r, 10));
		expect(await settledNow(p)).toBe(true);
	});

	it('without idle callbacks, a tab that paints no frames still goes on', async () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestIdleCallback', undefined);
		vi.stubGlobal('requestAnimationFrame', () => 0);
		let done = false;
		void nextPaint().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(99);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});
});
