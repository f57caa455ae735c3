/** The charts that can be embedded alone, and the addresses and snippet that embed them. */
// Relative, not `$lib/i18n/locale`: the e2e tests build snippets in Node, without SvelteKit.
import { baseLocale, extractLocaleFromUrl, getLocale, type Locale } from '../paraglide/runtime';
import { selectionToSearch } from './url';
import type { Selection } from './selection';
import { EMBED_CHARTS, EMBED_TITLES, embedTitle, type EmbedChart } from './views';

export { EMBED_CHARTS, EMBED_TITLES, embedTitle, type EmbedChart };

/**
 * Starting heights: the unfiltered chart, its source line included, at column widths from 320 to
 * 1024 px, in each language (Spanish wraps onto more lines on a phone). Measured in
 * `tests/e2e/embed.test.ts` and `es-charts.test.ts`, which fail when one no longer fits.
 */
export const EMBED_HEIGHTS: Record<Locale, Record<EmbedChart, number>> = {
	en: { topic: 725, doc: 545, year: 590, map: 960 },
	es: { topic: 780, doc: 570, year: 590, map: 960 }
};

export function isEmbedChart(s: string): s is EmbedChart {
	return (EMBED_CHARTS as readonly string[]).includes(s);
}

/**
 * An embed's address in a language (the page's by default): "/embed/topic", "/es/embed/topic"
 * (Paraglide's `url` strategy: the base locale unprefixed, the others under "/<locale>").
 */
export function embedHref(
	base: string,
	chart: EmbedChart,
	sel: Selection,
	locale: Locale = getLocale()
): string {
	const prefix = locale === baseLocale ? '' : `/${locale}`;
	return `${base}${prefix}/embed/${chart}${selectionToSearch(sel)}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The message an embed posts to its host page whenever its height changes (as Datawrapper's
 * `datawrapper-height` does): `{ "cifras-height": { embed, height } }`, where `embed` names the
 * chart and its filters (`doc?topic=remittances`) so a host with several can tell them apart.
 */
export const HEIGHT_MESSAGE = 'cifras-height';

export interface HeightMessage {
	/** The chart and its filters: the embed's address after `/embed/`. */
	embed: string;
	/** The embed's content height in CSS pixels. */
	height: number;
}

/**
 * The host page's few lines of script: on a height message from the site's own origin, find
 * the iframe whose window sent it (`contentWindow === event.source`) and give it that height.
 * Added once per page and origin, however many embeds the page has.
 */
export function resizeScript(origin: string): string {
	if (!/^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(origin)) throw new Error(`Not an origin: ${origin}`);
	const o = JSON.stringify(origin);
	return `<script>(function(){var k=${JSON.stringify(`cifras:${origin}`)};if(window[k])return;window[k]=1;window.addEventListener("message",function(e){var m=e.data&&e.data[${JSON.stringify(HEIGHT_MESSAGE)}];if(e.origin!==${o}||!m||!(m.height>0))return;var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(m.height)+"px";});})();</script>`;
}

/**
 * The HTML another site pastes to show the chart: full width, a starting height that holds the
 * chart at common column widths when scripts are off (see `EMBED_HEIGHTS`), and the script
 * that then fits the frame to its content (as Datawrapper's responsive embeds do). Its title
 * and height are in the language of the address ("/es/embed/…" is Spanish).
 */
export function embedSnippet(absoluteUrl: string, chart: EmbedChart): string {
	const locale = extractLocaleFromUrl(absoluteUrl) ?? baseLocale;
	const title = `${embedTitle(chart, locale)} — Cifras`;
	const iframe = `<iframe src="${attr(absoluteUrl)}" title="${attr(title)}" data-cifras-embed="${chart}" width="100%" height="${EMBED_HEIGHTS[locale][chart]}" style="width:0;min-width:100%;border:0" loading="lazy"></iframe>`;
	return `${iframe}\n${resizeScript(new URL(absoluteUrl).origin)}`;
}
