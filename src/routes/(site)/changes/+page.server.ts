import { CHANGES, FIGURES } from '$lib/data/bundled';
import type { PageServerLoad } from './$types';

// Worked out by the build from data/releases/, data/changes.csv and data/redirects.csv.
export const load: PageServerLoad = () => ({
	releases: CHANGES,
	current: FIGURES.map((f) => f.figure_id)
});
