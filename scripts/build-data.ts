// Verifies data/*.csv and data/stories, then writes static/data/* for the site (refuses to build
// bad data).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/data/parse-table';
import { checkReleasesDir, validateDataDir } from '../src/lib/data/node-files';
import { siteHistory } from '../src/lib/data/releases';
import { columnDocs, parseDictionary } from '../src/lib/data/dictionary';
import { dataPackage } from '../src/lib/data/publish';
import { toSiteDerived, toSiteFigures } from '../src/lib/data/site-table';
import { writeSiteData } from '../src/lib/data/write-site-data';
import { validateStoriesDir } from '../src/lib/stories/node-files';

const result = validateDataDir();
const figures = toSiteFigures(result.figures, result.documents);
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
const written = await writeSiteData(resolve('static/data'), tables, {
	coarse: resolve('node_modules/world-atlas/countries-110m.json'),
	detailed: resolve('node_modules/world-atlas/countries-50m.json')
});
if (written.parquetRows !== figures.length) {
	console.error(`build:data: Parquet has ${written.parquetRows} rows, expected ${figures.length}`);
	process.exit(1);
}
writeFileSync(resolve('static/data/stories.json'), JSON.stringify(stories.stories));
// What every export, image, embed and citation names, /changes, and the old figure addresses.
const { date, current } = releases;
writeFileSync(
	resolve('static/data/version.json'),
	JSON.stringify({ version: releases.version, date, hash: current.hash })
);
writeFileSync(resolve('static/data/changes.json'), JSON.stringify(siteHistory(releases.history)));
// The Frictionless description beside the files, with each file's size and hash.
const facts = (f: string) => {
	const bytes = readFileSync(resolve('static/data', f));
	return [f, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }];
};
writeFileSync(
	resolve('static/data/datapackage.json'),
	JSON.stringify(
		dataPackage({
			version: { version: releases.version!, date: date!, hash: current.hash },
			documents: result.documents,
			columns: columnDocs(parseDictionary(readFileSync(resolve('data/README.md'), 'utf8'))),
			files: Object.fromEntries(
				written.files.filter((f) => /^(figures|documents)\./.test(f)).map(facts)
			)
		}),
		null,
		1
	)
);
writeFileSync(
	resolve('static/data/redirects.json'),
	JSON.stringify(releases.history.redirects.map(({ row: _, ...r }) => r))
);
console.log(
	`build:data: version ${releases.version}, ${figures.length} figures, ${result.measures.length} measures, ${result.derived.length} derived figures, ${stories.stories.length} stories → static/data/{${[...written.files, 'stories.json', 'version.json', 'changes.json', 'redirects.json', 'datapackage.json'].join(',')}}`
);
