import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffscreenValue } from '../../src/lib/explorer/offscreen-value.svelte';

/** A hand-driven IntersectionObserver and idle queue, so each step is the test's to take. */
let observers: { cb: IntersectionObserverCallback; els: Set<Element>; connected: boolean }[] = [];
let idle: (() => void)[] = [];
let cancelled: number[] = [];
/** The rest after a click (`REST_MS`): timers, by id from 1001; cleared ones become no-ops. */
let rests: (() => void)[] = [];
let clearedRests: number[] = [];
let listeners: Map<string, EventListener>;
const saved = { ...globalThis } as Record<string, unknown>;

beforeEach(() => {
	observers = [];
	idle = [];
	cancelled = [];
	rests = [];
	clearedRests = [];
	listeners = new Map();
	const g = globalThis as Record<string, unknown>;
	g.IntersectionObserver = class {
		state = {
			cb: (() => {}) as IntersectionObserverCallback,
			els: new Set<Element>(),
			connected: true
		};
		constructor(cb: IntersectionObserverCallback) {
			this.state.cb = cb;
			observers.push(this.state);
		}
		observe(el: Element) {
			this.state.els.add(el);
		}
		unobserve(el: Element) {
			this.state.els.delete(el);
		}
		disconnect() {
			this.state.connected = false;
		}
	};
	g.requestIdleCallback = (cb: () => void) => idle.push(cb);
	g.cancelIdleCallback = (id: number) => {
		cancelled.push(id);
		idle[id - 1] = () => {};
	};
	g.window = {
		addEventListener: (type: string, fn: EventListener) => listeners.set(type, fn),
		removeEventListener: (type: string, fn: EventListener) => {
			if (listeners.get(type) === fn) listeners.delete(type);
		},
		setTimeout: (cb: () => void) => rests.push(cb) + 1000,
		clearTimeout: (id: number) => {
			clearedRests.push(id);
			rests[id - 1001] = () => {};
		}
	};
});

afterEach(() => {
	for (const k of ['IntersectionObserver', 'requestIdleCallback', 'cancelIdleCallback', 'window'])
		(globalThis as Record<string, unknown>)[k] = saved[k];
});

const el = {} as Element;
const sight = (inSight: boolean) =>
	observers[0]!.cb(
		[{ target: el, isIntersecting: inSight } as IntersectionObserverEntry],
		{} as IntersectionObserver
	);
/** The clicks rest, then the browser is idle. */
const rest = () => rests.splice(0).forEach((cb) => cb());
const runIdle = () => {
	rest();
	idle.splice(0).forEach((cb) => cb());
};

describe('OffscreenValue', () => {
	it('waits for an idle moment while out of sight, and shows only the newest value', () => {
		const v = new OffscreenValue('a');
		v.observe(el);
		sight(false);
		v.set('b');
		expect(v.current).toBe('a');
		v.set('c');
		runIdle();
		expect(v.current).toBe('c');
	});

	it('shows a value at once while in sight', () => {
		const v = new OffscreenValue('a');
		v.observe(el);
		sight(true);
		v.set('b');
		expect(v.current).toBe('b');
	});

	it('shows the waiting value as soon as the part comes into sight', () => {
		const v = new OffscreenValue('a');
		v.observe(el);
		sight(false);
		v.set('b');
		sight(true);
		expect(v.current).toBe('b');
		// The idle moment that was waiting changes nothing afterwards.
		v.set('c');
		runIdle();
		expect(v.current).toBe('c');
	});

	it('waits for the clicks to rest before it asks for an idle moment', () => {
		const v = new OffscreenValue('a');
		v.observe(el);
		sight(false);
		v.set('b');
		expect(idle).toHaveLength(0);
		// A quick second click: the first rest is cleared, the second value waits its own.
		v.set('c');
		expect(clearedRests).toEqual([1001]);
		rest();
		expect(idle).toHaveLength(1);
		expect(v.current).toBe('a');
		idle.splice(0).forEach((cb) => cb());
		expect(v.current).toBe('c');
	});

	it('cancels the idle moment it waited for once the value is shown', () => {
		const v = new OffscreenValue('a');
		v.observe(el);
		sight(false);
		v.set('b');
		rest();
		expect(idle).toHaveLength(1);
		sight(true);
		expect(cancelled).toEqual([1]);
		// A newer value out of sight again waits for a new idle moment, not the cancelled one.
		sight(false);
		v.set('c');
		rest();
		expect(cancelled).toEqual([1]);
		expect(idle).toHaveLength(2);
	});

	it('shows the waiting value when the page is printed, and lets go when its parts have gone', () => {
		const v = new OffscreenValue('a');
		const other = {} as Element;
		const a = v.observe(el);
		const b = v.observe(other);
		sight(false);
		v.set('b');
		rest();
		listeners.get('beforeprint')!(new Event('beforeprint'));
		expect(v.current).toBe('b');
		a.destroy();
		// Another part is still there: printing still shows it as it is.
		expect(listeners.has('beforeprint')).toBe(true);
		v.set('c');
		rest();
		b.destroy();
		expect(listeners.has('beforeprint')).toBe(false);
		expect(observers[0]!.connected).toBe(false);
		expect(cancelled).toEqual([1, 2]);
	});

	it('shows values at once where the browser cannot tell what is in sight', () => {
		const v = new OffscreenValue('a');
		(globalThis as Record<string, unknown>).IntersectionObserver = undefined;
		v.set('b');
		expect(v.current).toBe('b');
	});
});
