// Verifies data/*.csv, data/stories and data/releases, then writes static/data/* for the site
// (with the source texts the reader links to) and the typed modules the code imports
// (src/lib/*/generated/); refuses to build bad data.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { columnDocs, parseDictionary } from '../src/lib/data/dictionary';
import { formatProblem } from '../src/lib/data/parse-table';
import { checkReleasesDir, SOURCES_DIR, validateDataDir } from '../src/lib/data/node-files';
import { americasTopology } from '../src/lib/build-data/americas';
import { writePublished } from '../src/lib/build-data/publish-files';
import { toSiteDerived, toSiteFigures, withOtherLanguage } from '../src/lib/build-data/site-rows';
import { siteModules, writeModules } from '../src/lib/build-data/write-modules';
import { writeEditionData, writeSiteData } from '../src/lib/build-data/write-site-data';
import { validateStoriesDir } from '../src/lib/stories/node-files';

const result = validateDataDir();
// Each edition's rows carry the other's words, so a search in either language finds a figure.
const english = toSiteFigures(result.figures, result.documents);
const spanish = toSiteFigures(result.es.figures, result.es.documents);
const figures = withOtherLanguage(english, spanish);
const stories = validateStoriesDir(figures);
const releases = checkReleasesDir();
const problems = [...result.problems, ...stories.problems, ...releases.problems];
if (problems.length) {
	for (const p of problems) console.error(formatProblem(p));
	console.error(
		`build:data: ${problems.length} problem(s); run npm run verify:data. Nothing written.`
	);
	process.exit(1);
}
if (!result.sourcesChecked)
	console.warn('build:data: WARNING: sources missing; quotes were not checked.');
const tables = {
	figures,
	documents: result.documents,
	measures: result.measures,
	derived: toSiteDerived(result.derived, figures)
};
const esFigures = withOtherLanguage(spanish, english);
const es = {
	figures: esFigures,
	documents: result.es.documents,
	measures: result.es.measures,
	derived: toSiteDerived(result.es.derived, esFigures)
};
const americas = americasTopology(
	resolve('node_modules/world-atlas/countries-110m.json'),
	resolve('node_modules/world-atlas/countries-50m.json')
);
const written = await writeSiteData(resolve('static/data'), tables, americas);
if (written.parquetRows !== figures.length) {
	console.error(`build:data: Parquet has ${written.parquetRows} rows, expected ${figures.length}`);
	process.exit(1);
}
const esFiles = writeEditionData(resolve('static/data/es'), es).map((f) => `es/${f}`);
writeFileSync(resolve('static/data/stories.json'), JSON.stringify(stories.stories));
// The source texts, for the reader's download links: the same bytes as data/sources.
const sourcesOut = resolve('static/data/sources');
mkdirSync(sourcesOut, { recursive: true });
const texts = readdirSync(SOURCES_DIR).filter((f) => f.endsWith('.txt'));
for (const f of texts) copyFileSync(resolve(SOURCES_DIR, f), resolve(sourcesOut, f));
// What every export, image, embed and citation names, /changes, the old figure addresses, and
// the Frictionless description of the files above.
const published = writePublished(resolve('static/data'), process.cwd(), {
	releases,
	documents: result.documents,
	columns: columnDocs(parseDictionary(readFileSync(resolve('data/README.md'), 'utf8'))),
	files: written.files
});
const modules = writeModules(
	[
		...siteModules(process.cwd(), {
			...tables,
			headline: result.headline,
			stories: stories.stories,
			americas,
			es
		}),
		...published.modules
	],
	process.cwd()
);
console.log(
	`build:data: version ${releases.version}, ${figures.length} figures, ${result.measures.length} measures, ${result.derived.length} derived figures, ${stories.stories.length} stories → static/data/{${[...written.files, ...esFiles, 'stories.json', ...published.files, `sources/ (${texts.length} texts)`].join(',')}}; ${modules.length ? modules.join(', ') : 'typed modules unchanged'}`
);
