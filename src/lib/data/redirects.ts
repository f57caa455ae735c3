/**
 * Figure ids are permanent: a renamed or merged figure's old id (from `data/redirects.csv`, via
 * the build's generated module) leads to the id it lives at now.
 */
import { REDIRECTS } from './generated/redirects';

export interface Moved {
	old_id: string;
	new_id: string;
	/** The release that moved it, `YYYY-MM-DD`. */
	release: string;
	/** Why, from `data/redirects.csv`. */
	note: string;
}

export { REDIRECTS };

const byOld = new Map(REDIRECTS.map((r) => [r.old_id, r.new_id]));

/** The id a moved figure lives at now, or null for an id that never moved. */
export function movedTo(id: string, redirects: Map<string, string> = byOld): string | null {
	return redirects.get(id) ?? null;
}
