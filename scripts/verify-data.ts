// Checks data/*.csv against the schema and the source documents in data/sources (and those
// against ../shared/sources or $CIFRAS_SOURCES when there), every number of every text against the figures
// and data/uncurated.csv, and data/stories/*.json against the figures; prints problems and counts.
import { formatProblem } from '../src/lib/data/parse-table';
import {
	checkReleasesDir,
	SHARED_SOURCES_DIR,
	SOURCES_DIR,
	validateDataDir
} from '../src/lib/data/node-files';
import { coverage } from '../src/lib/build-data/coverage';
import { reportCounts, reportCoverage } from '../src/lib/build-data/report';
import { toSiteFigures } from '../src/lib/build-data/site-rows';
import { STORIES_DIR, validateStoriesDir } from '../src/lib/stories/node-files';

const result = validateDataDir();
if (!result.sourcesChecked)
	console.error(`\nThe source documents are missing: expected them in ${SOURCES_DIR}.`);
console.log(
	reportCounts({ ...coverage(result.figures, result.documents), derived: result.derived })
);
console.log(`\n${reportCoverage(result.coverage)}`);
console.log(
	result.sharedCompared
		? `\nSources: ${SOURCES_DIR} compared byte for byte with ${SHARED_SOURCES_DIR}.`
		: `\nSources: ${SOURCES_DIR} (no ${SHARED_SOURCES_DIR} beside the repository to compare with; set CIFRAS_SOURCES to name another copy).`
);
const stories = validateStoriesDir(toSiteFigures(result.figures, result.documents));
console.log(
	`\nStories in ${STORIES_DIR}: ${stories.stories.map((s) => `${s.id} (${s.slides.length} slides)`).join(', ') || 'none'}`
);
if (result.warnings.length) {
	console.warn(`\n${result.warnings.length} warning(s) — not failures, but not done either:`);
	for (const w of result.warnings) console.warn(`  ${w}`);
}
const releases = checkReleasesDir();
console.log(
	`\nData version: ${releases.version ?? `not released (last release ${releases.date ?? 'none'})`}; ${releases.history.releases.length} release(s), ${releases.history.redirects.length} redirect(s).`
);
const problems = [...result.problems, ...stories.problems, ...releases.problems];
if (!result.sourcesChecked)
	problems.push({
		file: SOURCES_DIR,
		row: null,
		column: null,
		message: 'the source documents are missing'
	});
if (problems.length) {
	console.error(`\n${problems.length} problem(s):`);
	for (const p of problems) console.error(`  ${formatProblem(p)}`);
	process.exit(1);
}
const numbers = [...result.coverage.values()].reduce((n, c) => n + c.numbers.length, 0);
console.log(
	`\nverify:data: OK — ${result.figures.length} figures in ${result.documents.length} documents, every quote found in its source; all ${numbers} numbers in the texts accounted for${result.warnings.length ? ` (${result.warnings.length} warning(s) above)` : ''}; ${stories.stories.length} stories, every figure they name found.`
);
