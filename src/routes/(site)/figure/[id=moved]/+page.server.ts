import { FIGURES } from '$lib/data/bundled';
import { REDIRECTS } from '$lib/data/redirects';
import type { EntryGenerator, PageServerLoad } from './$types';

// One page at each old id: a static host cannot answer with a 301, so the page redirects.
// Until a figure has moved there is no page to make (and nothing links to one).
export const prerender = REDIRECTS.length > 0;
export const entries: EntryGenerator = () => REDIRECTS.map((r) => ({ id: r.old_id }));

export const load: PageServerLoad = ({ params }) => {
	const moved = REDIRECTS.find((r) => r.old_id === params.id)!;
	const figure = FIGURES.find((f) => f.figure_id === moved.new_id)!;
	return { moved, indicator: figure.indicator };
};
