/** Figures by the years their period covers: bars per year over the data's whole span. */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { YearCount } from '../queries/describe';
import { COLORS } from './palette';

export interface YearsOptions {
	width: number;
	/** The full span of years in the data, fixed so the axis never moves. */
	domain: [number, number];
	selected: [number, number] | null;
}

export const YEARS_HEIGHT = 170;
export const YEARS_MARGIN = { left: 36, right: 16, top: 10, bottom: 28 };

export function yearsSpec(rows: YearCount[], o: YearsOptions): PlotOptions {
	const inside = (y: number) => !o.selected || (y >= o.selected[0] && y <= o.selected[1]);
	return {
		width: o.width,
		height: YEARS_HEIGHT,
		marginLeft: YEARS_MARGIN.left,
		marginRight: YEARS_MARGIN.right,
		marginTop: YEARS_MARGIN.top,
		marginBottom: YEARS_MARGIN.bottom,
		x: {
			domain: [o.domain[0], o.domain[1] + 1],
			tickFormat: 'd',
			label: null,
			ticks: Math.max(3, Math.floor(o.width / 80))
		},
		y: { label: 'Figures', grid: true, ticks: 3, tickFormat: 'd' },
		marks: [
			Plot.rectY(rows, {
				x1: 'year',
				x2: (d: YearCount) => d.year + 1,
				y: 'n',
				fill: (d: YearCount) =>
					o.selected ? (inside(d.year) ? COLORS.selected : COLORS.muted) : COLORS.base,
				insetLeft: o.width > 600 ? 0.5 : 0,
				title: (d: YearCount) => `${d.year}: ${d.n} figure${d.n === 1 ? '' : 's'} cover this year`
			}),
			Plot.ruleY([0])
		]
	};
}
