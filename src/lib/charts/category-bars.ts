/** Counts per category (topics, documents) laid out as bars: each links to its selection. */
import { ticks } from 'd3-array';
import { m } from '$lib/paraglide/messages';
import type { KeyCount } from '../queries/describe';

export interface CategoryBar {
	key: string;
	label: string;
	n: number;
	selected: boolean;
	/** Bar length as a share of the axis, 0–100. */
	pct: number;
	/** Accessible name and tooltip first line: "Remittances: 3 figures, selected". */
	aria: string;
}

export interface CategoryBarsLayout {
	bars: CategoryBar[];
	/** Gridline positions: value and share of the axis, 0–100. */
	grid: { value: number; pct: number }[];
	anySelected: boolean;
}

/**
 * @param order keys from top to bottom, fixed so bars never jump when filters change
 * @param labels display label per key; keys without one show as themselves
 */
export function categoryBars(
	rows: KeyCount[],
	o: {
		order: readonly string[];
		labels: Record<string, string>;
		selected: readonly string[];
	}
): CategoryBarsLayout {
	const byKey = new Map(rows.map((r) => [r.key, r.n]));
	const counts = o.order.map((key) => byKey.get(key) ?? 0);
	const grid = ticks(0, Math.max(1, ...counts), 4).filter(Number.isInteger);
	const max = Math.max(1, ...counts, ...grid);
	return {
		bars: o.order.map((key, i) => {
			const label = o.labels[key] ?? key;
			const n = counts[i]!;
			const selected = o.selected.includes(key);
			return {
				key,
				label,
				n,
				selected,
				pct: (100 * n) / max,
				aria: m.charts_mark_label({
					label,
					count: n,
					shown: String(n),
					selected: selected ? 'yes' : 'no'
				})
			};
		}),
		grid: grid.map((value) => ({ value, pct: (100 * value) / max })),
		anySelected: o.selected.length > 0
	};
}
