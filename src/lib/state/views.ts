/**
 * The explorer's views, each described once: the selection's clause it chooses in, the URL
 * parameter that holds it, the table column it filters, and the chart and words it is shown
 * with. The selection's rules (`selection.ts`), the address (`url.ts`), the filters
 * (`queries/filters.ts`), the views' indexes, embeds and the explorer's cards all read this
 * list, as Mosaic derives a crossfilter from its clauses.
 */

/** Views that choose values from a list (bars, countries, comparison cards). */
export const LIST_VIEWS = [
	{
		key: 'topic',
		list: 'topics',
		param: 'topic',
		// A figure may belong to several topics (`topics`, the first its primary one): it is
		// counted under each, and a topic chosen finds every figure that has it.
		field: 'topics',
		noun: 'topic',
		/** What a facet's heading and a filter chip call the view. */
		filterName: 'Topic',
		chart: 'topic',
		title: 'Figures by topic',
		caption:
			'Count of figures per topic under the other filters; a figure on two topics counts under both. Choose a bar to select or unselect a topic.'
	},
	{
		key: 'doc',
		list: 'docs',
		param: 'doc',
		field: 'doc_id',
		noun: 'document',
		filterName: 'Document',
		chart: 'doc',
		title: 'Figures by source document',
		caption:
			'Count of figures per document under the other filters. Choose a bar to select a document.'
	},
	{
		key: 'geo',
		list: 'geos',
		param: 'geo',
		field: 'geo_code',
		noun: 'place',
		filterName: 'Place',
		chart: 'map',
		title: 'Figures by place',
		caption:
			'Countries of the Americas shaded by their number of figures under the other filters; select one to choose it. Regions, the world, places outside the Americas and countries too small to point at are chips with the map, each with its number of figures. Shapes: Natural Earth.'
	},
	{
		key: 'indicator',
		list: 'indicators',
		param: 'indicator',
		field: 'indicator',
		noun: 'indicator',
		filterName: 'Comparison',
		chart: null,
		title: 'Comparisons',
		caption: ''
	}
] as const;

/** The view that chooses a range of years. */
export const YEAR_VIEW = {
	key: 'year',
	param: 'years',
	noun: 'years',
	chart: 'year',
	title: 'Figures by the years they describe',
	caption:
		'Each figure at the time it speaks of: a dot for one year, a bar for a period; filled where the text states the time, hollow where it is implied or the document’s date. Drag across the timeline, or select one year and then another, to choose a range; each mark opens its figure.'
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

export const EMBED_TITLES = Object.fromEntries(
	[...LIST_VIEWS, YEAR_VIEW].flatMap((v) => (v.chart ? [[v.chart, v.title]] : []))
) as Record<EmbedChart, string>;

/** The view a chart shows. */
export const CHART_VIEW = Object.fromEntries(
	[...LIST_VIEWS, YEAR_VIEW].flatMap((v) => (v.chart ? [[v.chart, v.key]] : []))
) as Record<EmbedChart, View>;

export function listView(key: View): ListView | undefined {
	return LIST_VIEWS.find((v) => v.key === key);
}
