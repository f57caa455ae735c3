/** A figure id that was renamed or merged (`data/redirects.csv`): its page redirects. */
import { movedTo } from '$lib/data/redirects';
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (id) => movedTo(id) !== null;
