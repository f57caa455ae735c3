/** What every chart spec function shares: its options in, Plot options out. */
import type { PlotOptions } from '@observablehq/plot';

export interface SpecContext {
	/** Width of the container in CSS pixels. */
	width: number;
	/** Builds the URL a mark links to (the selection it would make). */
	href: (key: string) => string;
}

export type ChartSpec = (width: number) => PlotOptions;
