import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { loadSiteData } from '$lib/data/site-data';
import { getLocale } from '$lib/paraglide/runtime';
import { STORIES } from '$lib/stories/bundled';
import { SCRATCH_ID } from '$lib/stories/story';
import { m } from '$lib/paraglide/messages';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => [
	...STORIES.map((s) => ({ story: s.id })),
	{ story: SCRATCH_ID }
];

export const load: PageLoad = async ({ fetch, params }) => {
	const story = STORIES.find((s) => s.id === params.story) ?? null;
	if (!story && params.story !== SCRATCH_ID) error(404, m.present_no_story({ id: params.story }));
	return { story, ...(await loadSiteData(fetch, base, getLocale())) };
};
