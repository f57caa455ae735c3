/**
 * The explorer's views, each described once: the selection's clause it chooses in, the URL
 * parameter that holds it, the table column it filters, and the chart and words it is shown
 * with. The selection's rules (`selection.ts`), the address (`url.ts`), the filters
 * (`queries/filters.ts`), the views' indexes, embeds and the explorer's cards all read this
 * list, as Mosaic derives a crossfilter from its clauses. Its words are message functions,
 * called where they are drawn (a module's constant would hold one language).
 */
// Relative, not `$lib/…`: the e2e tests read these in Node, without SvelteKit's aliases.
import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';

/** Views that choose values from a list (bars, countries, comparison cards). */
export const LIST_VIEWS = [
	{
		key: 'topic',
		list: 'topics',
		param: 'topic',
		// A figure may belong to several topics (`topics`, the first its primary one): it is
		// counted under each, and a topic chosen finds every figure that has it.
		field: 'topics',
		/** What the view's values are, in a sentence ("topic: Remittances"). */
		noun: m.explorer_view_topic_noun,
		/** What a facet's heading and a filter chip call the view. */
		filterName: m.explorer_view_topic_filter,
		chart: 'topic',
		title: m.explorer_view_topic_title,
		caption: m.explorer_view_topic_caption
	},
	{
		key: 'doc',
		list: 'docs',
		param: 'doc',
		field: 'doc_id',
		noun: m.explorer_view_doc_noun,
		filterName: m.explorer_view_doc_filter,
		chart: 'doc',
		title: m.explorer_view_doc_title,
		caption: m.explorer_view_doc_caption
	},
	{
		key: 'geo',
		list: 'geos',
		param: 'geo',
		field: 'geo_code',
		noun: m.explorer_view_geo_noun,
		filterName: m.explorer_view_geo_filter,
		chart: 'map',
		title: m.explorer_view_geo_title,
		caption: m.explorer_view_geo_caption
	},
	{
		key: 'indicator',
		list: 'indicators',
		param: 'indicator',
		field: 'indicator',
		noun: m.explorer_view_indicator_noun,
		filterName: m.explorer_view_indicator_filter,
		chart: null,
		title: m.explorer_view_indicator_title,
		caption: () => ''
	}
] as const;

/** The view that chooses a range of years. */
export const YEAR_VIEW = {
	key: 'year',
	param: 'years',
	chart: 'year',
	title: m.explorer_view_year_title,
	caption: m.explorer_view_year_caption
} as const;

export type ListView = (typeof LIST_VIEWS)[number];
export type ListKey = ListView['list'];
/** A view's name, as `filtersFor` and the explorer's clear links take it. */
export type View = ListView['key'] | 'year' | 'search';
/** A column a list view filters on: the closed list the filters and engines accept. */
export type SetField = ListView['field'];
export const SET_FIELDS: readonly SetField[] = LIST_VIEWS.map((v) => v.field);

/** The charts a page can show alone (embeds, slides): the views that have one. */
export const EMBED_CHARTS = ['topic', 'doc', 'year', 'map'] as const;
export type EmbedChart = (typeof EMBED_CHARTS)[number];

/** A chart's title, in the page's language by default ("Figures by topic", "Cifras por tema"). */
export function embedTitle(chart: EmbedChart, locale: Locale = getLocale()): string {
	return [...LIST_VIEWS, YEAR_VIEW].find((v) => v.chart === chart)!.title({}, { locale });
}

/**
 * The charts' titles by chart, each read in the page's language when it is read (a getter
 * calling `embedTitle`): `EMBED_TITLES[chart]` where a title is drawn. Copying it (`{...}`) into
 * a module's constant would keep one language: call `embedTitle` there instead.
 */
export const EMBED_TITLES: Readonly<Record<EmbedChart, string>> = Object.defineProperties(
	{} as Record<EmbedChart, string>,
	Object.fromEntries(
		EMBED_CHARTS.map((c) => [c, { get: () => embedTitle(c), enumerable: true }])
	) as PropertyDescriptorMap
);

/** The view a chart shows. */
export const CHART_VIEW = Object.fromEntries(
	[...LIST_VIEWS, YEAR_VIEW].flatMap((v) => (v.chart ? [[v.chart, v.key]] : []))
) as Record<EmbedChart, View>;

export function listView(key: View): ListView | undefined {
	return LIST_VIEWS.find((v) => v.key === key);
}
