/** What every chart spec function shares: its options in, Plot options out. */
import type { PlotOptions } from '@observablehq/plot';

export interface SpecContext {
	/** Width of the container in CSS pixels. */
	width: number;
	/** Builds the URL a mark links to (the selection it would make). */
	href: (key: string) => string;
}

/** A chart laid out for one width: the height it draws, and its Plot options. */
export interface SizedPlot {
	/** The drawn SVG's height, px: what its figure reserves before drawing. */
	height: number;
	/** Built only when the chart is drawn: an off-screen chart needs its height alone. */
	options: () => PlotOptions;
}

/** A chart at any width: its height depends on the width (labels wrap), so both come together. */
export type ChartSpec = (width: number) => SizedPlot;
