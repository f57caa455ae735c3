import changesJson from '../../../../static/data/changes.json';
import { FIGURES } from '$lib/data/bundled';
import type { SiteRelease } from '$lib/data/releases';
import type { PageServerLoad } from './$types';

// Worked out by the build from data/releases/, data/changes.csv and data/redirects.csv.
export const load: PageServerLoad = () => ({
	releases: changesJson as SiteRelease[],
	current: FIGURES.map((f) => f.figure_id)
});
