/** Horizontal bars of counts per category (topics, documents): each bar links to its selection. */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { KeyCount } from '../queries/describe';
import { COLORS } from './palette';

export interface CategoryBarsOptions {
	width: number;
	/** Display label per key; keys without one show as themselves. */
	labels: Record<string, string>;
	/** Order of keys from top to bottom, fixed so bars never jump when filters change. */
	order: readonly string[];
	selected: readonly string[];
	href: (key: string) => string;
	/** Noun for the tooltip, e.g. "figures". */
	noun?: string;
}

export const BAR_STEP = 26;

export function categoryBarsHeight(n: number): number {
	return n * BAR_STEP + 30;
}

export function categoryBarsSpec(rows: KeyCount[], o: CategoryBarsOptions): PlotOptions {
	const byKey = new Map(rows.map((r) => [r.key, r.n]));
	const data = o.order.map((key) => ({
		key,
		label: o.labels[key] ?? key,
		n: byKey.get(key) ?? 0,
		selected: o.selected.includes(key)
	}));
	const anySelected = o.selected.length > 0;
	const noun = o.noun ?? 'figures';
	const max = Math.max(1, ...data.map((d) => d.n));
	const fill = (d: (typeof data)[number]) =>
		d.selected ? COLORS.selected : anySelected ? COLORS.muted : COLORS.base;
	const labelWidth = Math.min(230, Math.max(120, o.width * 0.45));
	return {
		width: o.width,
		height: categoryBarsHeight(data.length),
		marginLeft: labelWidth,
		marginRight: 40,
		marginTop: 4,
		marginBottom: 26,
		x: {
			domain: [0, max],
			grid: true,
			label: `${noun[0]!.toUpperCase()}${noun.slice(1)} →`,
			ticks: 4
		},
		y: {
			domain: data.map((d) => d.label),
			label: null,
			tickFormat: (t: string) =>
				t.length > labelWidth / 7 ? `${t.slice(0, Math.floor(labelWidth / 7) - 1)}…` : t
		},
		marks: [
			Plot.barX(data, {
				x: 'n',
				y: 'label',
				fill,
				insetTop: 3,
				insetBottom: 3,
				ariaHidden: 'true'
			}),
			// The link is the whole row, so a category with no figures left can still be chosen.
			Plot.barX(data, {
				x1: 0,
				x2: max,
				y: 'label',
				fill: 'transparent',
				href: (d) => o.href(d.key),
				ariaLabel: (d) => `${d.label}: ${d.n} ${noun}${d.selected ? ', selected' : ''}`,
				title: (d) =>
					`${d.label}\n${d.n} ${noun}\n${d.selected ? 'Click to unselect' : 'Click to select'}`
			}),
			Plot.text(data, {
				x: 'n',
				y: 'label',
				text: (d) => String(d.n),
				textAnchor: 'start',
				dx: 4,
				fill: 'currentColor'
			}),
			Plot.ruleX([0])
		]
	};
}
