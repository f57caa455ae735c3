import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { m } from '$lib/paraglide/messages';
import { loadSiteData } from '$lib/data/site-data';
import { getLocale } from '$lib/paraglide/runtime';
import { EMBED_CHARTS, isEmbedChart } from '$lib/state/embed';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => EMBED_CHARTS.map((chart) => ({ chart }));

export const load: PageLoad = async ({ fetch, params }) => {
	if (!isEmbedChart(params.chart)) error(404, m.charts_embed_not_found({ chart: params.chart }));
	return { chart: params.chart, ...(await loadSiteData(fetch, base, getLocale())) };
};
