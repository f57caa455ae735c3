// Checks data/*.csv against the schema and the source documents, and data/stories/*.json against
// the figures; prints problems and counts.
import { formatProblem } from '../src/lib/data/parse-table';
import { checkReleasesDir, SOURCES_DIR, validateDataDir } from '../src/lib/data/node-files';
import { coverage } from '../src/lib/build-data/coverage';
import { reportCounts } from '../src/lib/build-data/report';
import { toSiteFigures } from '../src/lib/build-data/site-rows';
import { STORIES_DIR, validateStoriesDir } from '../src/lib/stories/node-files';

const result = validateDataDir();
if (!result.sourcesChecked) {
	console.warn(
		`\n!!! WARNING: source documents not found at ${SOURCES_DIR}.\n!!! Quotes were NOT checked against their sources. Put the sources there (or set CIFRAS_SOURCES) to verify them.\n`
	);
}
console.log(
	reportCounts({ ...coverage(result.figures, result.documents), derived: result.derived })
);
const stories = validateStoriesDir(toSiteFigures(result.figures, result.documents));
console.log(
	`\nStories in ${STORIES_DIR}: ${stories.stories.map((s) => `${s.id} (${s.slides.length} slides)`).join(', ') || 'none'}`
);
const releases = checkReleasesDir();
console.log(
	`\nData version: ${releases.version ?? `not released (last release ${releases.date ?? 'none'})`}; ${releases.history.releases.length} release(s), ${releases.history.redirects.length} redirect(s).`
);
const problems = [...result.problems, ...stories.problems, ...releases.problems];
if (problems.length) {
	console.error(`\n${problems.length} problem(s):`);
	for (const p of problems) console.error(`  ${formatProblem(p)}`);
	process.exit(1);
}
console.log(
	`\nverify:data: OK — ${result.figures.length} figures in ${result.documents.length} documents${result.sourcesChecked ? ', every quote found in its source' : ' (quotes NOT checked: sources missing)'}; ${stories.stories.length} stories, every figure they name found.`
);
