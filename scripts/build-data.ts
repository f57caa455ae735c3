// Verifies data/*.csv and data/stories, then writes static/data/* for the site (refuses to build
// bad data).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/data/parse-table';
import { SOURCES_DIR, validateDataDir } from '../src/lib/data/node-files';
import { toSiteFigures } from '../src/lib/data/site-table';
import { writeSiteData } from '../src/lib/data/write-site-data';
import { validateStoriesDir } from '../src/lib/stories/node-files';

const result = validateDataDir();
const figures = toSiteFigures(result.figures, result.documents);
const stories = validateStoriesDir(figures);
const problems = [...result.problems, ...stories.problems];
if (problems.length) {
	for (const p of problems) console.error(formatProblem(p));
	console.error(
		`build:data: ${problems.length} problem(s); run npm run verify:data. Nothing written.`
	);
	process.exit(1);
}
if (!result.sourcesChecked)
	console.warn('build:data: WARNING: sources missing; quotes were not checked.');
const written = await writeSiteData(resolve('static/data'), figures, result.documents, {
	coarse: resolve('node_modules/world-atlas/countries-110m.json'),
	detailed: resolve('node_modules/world-atlas/countries-50m.json')
});
if (written.parquetRows !== figures.length) {
	console.error(`build:data: Parquet has ${written.parquetRows} rows, expected ${figures.length}`);
	process.exit(1);
}
writeFileSync(resolve('static/data/stories.json'), JSON.stringify(stories.stories));
// The source texts, for the reader's download links: the same bytes as data/sources.
const sourcesOut = resolve('static/data/sources');
mkdirSync(sourcesOut, { recursive: true });
const texts = readdirSync(SOURCES_DIR).filter((f) => f.endsWith('.txt'));
for (const f of texts) copyFileSync(resolve(SOURCES_DIR, f), resolve(sourcesOut, f));
console.log(
	`build:data: ${figures.length} figures, ${stories.stories.length} stories → static/data/{${[...written.files, 'stories.json', `sources/ (${texts.length} texts)`].join(',')}}`
);
