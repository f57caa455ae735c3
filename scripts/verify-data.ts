// Checks data/*.csv against the schema and the source documents; prints problems and counts.
import { formatProblem } from '../src/lib/data/parse-table';
import { SOURCES_DIR, validateDataDir } from '../src/lib/data/node-files';
import { reportCounts } from '../src/lib/data/report';

const result = validateDataDir();
if (!result.sourcesChecked) {
	console.warn(
		`\n!!! WARNING: source documents not found at ${SOURCES_DIR}.\n!!! Quotes were NOT checked against their sources. Put the sources there (or set CIFRAS_SOURCES) to verify them.\n`
	);
}
console.log(reportCounts(result));
if (result.problems.length) {
	console.error(`\n${result.problems.length} problem(s):`);
	for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
	process.exit(1);
}
console.log(
	`\nverify:data: OK — ${result.figures.length} figures in ${result.documents.length} documents${result.sourcesChecked ? ', every quote found in its source' : ' (quotes NOT checked: sources missing)'}.`
);
