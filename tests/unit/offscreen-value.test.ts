import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffscreenValue } from '../../src/lib/ui/offscreen-value.svelte';

/** A hand-driven IntersectionObserver and idle queue, so each step is the test's to take. */
let observers: { cb: IntersectionObserverCallback; els: Set<Element> }[] = [];
let idle: (() => void)[] = [];
const saved = { ...globalThis } as Record<string, unknown>;

beforeEach(() => {
	observers = [];
	idle = [];
	const g = globalThis as Record<string, unknown>;
	g.IntersectionObserver = class {
		els = new Set<Element>();
		constructor(cb: IntersectionObserverCallback) {
			observers.push({ cb, els: this.els });
		}
		observe(el: Element) {
			this.els.add(el);
		}
		unobserve(el: Element) {
			this.els.delete(el);
		}
	};
	g.requestIdleCallback = (cb: () => void) => idle.push(cb);
	g.cancelIdleCallback = (id: number) => {
		idle[id - 1] = () => {};
	};
	g.window = { addEventListener() {}, removeEventListener() {}, setTimeout };
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
const runIdle = () => idle.splice(0).forEach((cb) => cb());

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

	it('shows values at once where the browser cannot tell what is in sight', () => {
		const v = new OffscreenValue('a');
		(globalThis as Record<string, unknown>).IntersectionObserver = undefined;
		v.set('b');
		expect(v.current).toBe('b');
	});
});
