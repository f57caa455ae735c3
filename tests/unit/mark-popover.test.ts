import { describe, expect, it } from 'vitest';
import { popoverPlace } from '../../src/lib/charts/mark-popover';

// A phone's chart, 310 × 196 px with its key under it (the popover may reach 276 px down), and
// a popover as wide as it can be there.
const phone = { roomWidth: 310, floor: 276, width: 300 };
const dot = (x: number, top: number) => ({ left: x - 4.5, right: x + 4.5, top, bottom: top + 9 });
const place = (markTop: number, height: number, above: boolean, x = 155) =>
	popoverPlace({ ...phone, mark: dot(x, markTop), height, above });

describe('where a tapped mark’s popover stands', () => {
	it('above or below the mark, reaching along as far as the mark is along the chart', () => {
		// Above a mark low in the chart, its bottom 6 px over the mark.
		expect(place(136, 100, true)).toEqual({ left: 5, top: 30 });
		// Below a mark high in the chart; a mark at the left edge, at the popover's left edge.
		expect(place(20, 100, false, 0)).toEqual({ left: 0, top: 35 });
		expect(place(20, 100, false, 310).left).toBe(10);
	});

	it('on the other side when only that one has room', () => {
		// Too tall for the room above: under the mark, over the key.
		expect(place(100, 120, true).top).toBe(115);
		// Too tall for the room below: above the mark.
		expect(place(180, 120, false).top).toBe(54);
	});

	it('beside the mark when a wide chart has no room above or below it', () => {
		const wide = { roomWidth: 1300, floor: 240, width: 288, height: 173, above: true };
		const mark = dot(900, 136);
		expect(popoverPlace({ ...wide, mark })).toEqual({ left: 910.5, top: 54 });
		// At the right end, on the left of the mark.
		expect(popoverPlace({ ...wide, mark: dot(1250, 136) })).toEqual({ left: 951.5, top: 54 });
		// A bar's whole length is kept clear.
		const bar = { left: 200, right: 900, top: 136, bottom: 145 };
		expect(popoverPlace({ ...wide, mark: bar }).left).toBe(906);
	});

	it('never above the chart, where the card’s controls are, nor past its key', () => {
		// No room anywhere: as high as it may go, over the mark rather than the controls.
		expect(place(136, 173, true).top).toBe(0);
		expect(place(136, 173, false).top).toBe(276 - 173);
		// Taller than all the room: from the chart's top down.
		expect(place(136, 400, true).top).toBe(0);
		for (const markTop of [0, 50, 100, 150, 187])
			for (const height of [40, 120, 200, 300])
				for (const above of [true, false])
					for (const x of [0, 100, 310]) {
						const { left, top } = place(markTop, height, above, x);
						expect(top).toBeGreaterThanOrEqual(0);
						if (height <= phone.floor) expect(top + height).toBeLessThanOrEqual(phone.floor);
						expect(left).toBeGreaterThanOrEqual(0);
						expect(left + phone.width).toBeLessThanOrEqual(phone.roomWidth);
					}
	});
});
