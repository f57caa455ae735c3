import { base } from '$app/paths';
import { loadSiteData } from '$lib/data/site-data';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch }) => loadSiteData(fetch, base);
