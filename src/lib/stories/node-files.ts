/** Node-only: reads the story files in data/stories for verify and build. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Problem } from '../data/parse-table';
import type { SiteFigure } from '../data/site-table';
import type { Story } from './story';
import { validateStoryFiles } from './validate';

/** `CIFRAS_STORIES` points the check at another folder (the tests use a fixture). */
export const STORIES_DIR = resolve(process.env.CIFRAS_STORIES ?? 'data/stories');

export function validateStoriesDir(
	figures: SiteFigure[],
	dir = STORIES_DIR
): { stories: Story[]; problems: Problem[] } {
	const shown = relative(process.cwd(), dir) || dir;
	if (!existsSync(dir))
		return {
			stories: [],
			problems: [{ file: shown, row: null, column: null, message: 'the stories folder is missing' }]
		};
	const files = readdirSync(dir)
		.filter((f) => !f.startsWith('.') && f !== 'README.md')
		.sort()
		.map((f) => ({ file: join(shown, f), text: readFileSync(join(dir, f), 'utf8') }));
	return validateStoryFiles(files, figures);
}
