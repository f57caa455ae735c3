/**
 * Where a tapped timeline mark's popover stands: beside the mark where it fits, and never above
 * the chart or past its key, where the card's controls are (the year inputs and "Clear" above,
 * "Share & download" below). In CSS pixels from the chart's top left corner.
 */

/** Between the mark and the popover. */
const GAP = 6;

export interface PopoverRoom {
	/** The tapped mark's box. */
	mark: { left: number; right: number; top: number; bottom: number };
	/** The popover's own size. */
	width: number;
	height: number;
	/** The chart's width, and how far down the popover may reach: the chart and its key below it. */
	roomWidth: number;
	floor: number;
	/** The side tried first: above a mark in the chart's lower half, below one in the upper. */
	above: boolean;
}

/**
 * The popover's corner. Above or below the mark (the side tried first, then the other),
 * reaching along the chart as far as the mark is along it; else, on a wide chart, to the side of
 * the mark; else over the mark rather than over the controls, as near the side tried first as
 * the room allows (and from the chart's top down when it is taller than all the room).
 */
export function popoverPlace(p: PopoverRoom): { left: number; top: number } {
	const { mark, width, height, roomWidth, floor } = p;
	const centre = { x: (mark.left + mark.right) / 2, y: (mark.top + mark.bottom) / 2 };
	const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
	const along = clamp(centre.x / Math.max(1, roomWidth), 0, 1);
	const left = along * (roomWidth - width);
	const over = mark.top - GAP - height;
	const under = mark.bottom + GAP;
	const sides = p.above ? [over, under] : [under, over];
	const fits = (top: number) => top >= 0 && top + height <= floor;
	const top = sides.find(fits);
	if (top !== undefined) return { left, top };
	const level = clamp(centre.y - height / 2, 0, Math.max(0, floor - height));
	if (mark.right + GAP + width <= roomWidth) return { left: mark.right + GAP, top: level };
	if (mark.left - GAP - width >= 0) return { left: mark.left - GAP - width, top: level };
	return { left, top: Math.max(0, Math.min(sides[0]!, floor - height)) };
}
