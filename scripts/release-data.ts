// Records the curated data as it is now as a release: data/releases/<day>.json with its content
// hash and each figure's fields, from which /changes is worked out. Usage:
//   npm run release:data [-- YYYY-MM-DD]     (the day defaults to today, UTC)
// Say why things changed in data/changes.csv (and data/redirects.csv for a renamed or merged id)
// before or after; verify:data fails until every change has its line.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/lib/data/parse-table';
import { checkReleasesDir, DATA_DIR, RELEASES_DIR } from '../src/lib/data/node-files';
import { versionOf, writeRelease } from '../src/lib/data/releases';

const day = process.argv[2] ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
	console.error(`release:data: “${day}” is not a day (YYYY-MM-DD).`);
	process.exit(1);
}
const before = checkReleasesDir();
if (before.version) {
	console.log(`release:data: the data is release ${before.version} already; nothing to record.`);
	process.exit(0);
}
const file = join(DATA_DIR, RELEASES_DIR, `${day}.json`);
if (existsSync(file) || (before.date && before.date >= day)) {
	console.error(`release:data: a release of ${before.date} exists; give a later day.`);
	process.exit(1);
}
mkdirSync(join(DATA_DIR, RELEASES_DIR), { recursive: true });
const { hash, figures } = before.current;
writeFileSync(file, writeRelease({ date: day, hash, figures }));
const after = checkReleasesDir();
console.log(
	`release:data: recorded ${versionOf({ date: day, hash })} (${figures.length} figures) in ${file}.`
);
if (after.problems.length) {
	console.error('Still to do before verify:data passes:');
	for (const p of after.problems) console.error(`  ${formatProblem(p)}`);
	process.exit(1);
}
