/** The charts that can be embedded alone, and the addresses and snippet that embed them. */
import { selectionToSearch } from './url';
import type { Selection } from './selection';
import { EMBED_CHARTS, EMBED_TITLES, type EmbedChart } from './views';

export { EMBED_CHARTS, EMBED_TITLES, type EmbedChart };

export const EMBED_HEIGHTS: Record<EmbedChart, number> = {
	topic: 470,
	doc: 300,
	year: 320,
	map: 700
};

export function isEmbedChart(s: string): s is EmbedChart {
	return (EMBED_CHARTS as readonly string[]).includes(s);
}

export function embedHref(base: string, chart: EmbedChart, sel: Selection): string {
	return `${base}/embed/${chart}${selectionToSearch(sel)}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML another site pastes to show the chart: responsive width, fixed height, no border. */
export function embedSnippet(absoluteUrl: string, chart: EmbedChart): string {
	return `<iframe src="${attr(absoluteUrl)}" title="${attr(`${EMBED_TITLES[chart]} — Cifras`)}" width="100%" height="${EMBED_HEIGHTS[chart]}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
