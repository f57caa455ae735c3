// `npm test`: every check in order — format/lint, types, data, unit tests, build, size budgets,
// browser tests.
// Runs them all even after a failure, then ends with one line `N passed, N failed` summing
// every test runner (each non-runner step counts as one check).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const UNIT_JSON = 'test-results/unit.json';
const E2E_JSON = 'test-results/e2e.json';
rmSync(UNIT_JSON, { force: true });
rmSync(E2E_JSON, { force: true });

const steps = [
	{ name: 'format and lint', cmd: 'npm run -s lint' },
	{ name: 'data (verify:data)', cmd: 'npm run -s verify:data' },
	// The site's code imports the typed modules build:data writes (tables, stories, map shapes),
	// so types are checked after it.
	{ name: 'data build (build:data)', cmd: 'npm run -s build:data', needs: 'data (verify:data)' },
	{ name: 'types (svelte-check)', cmd: 'npm run -s check', needs: 'data build (build:data)' },
	{
		name: 'unit tests (vitest)',
		cmd: `npx vitest run --project unit --coverage --reporter=default --reporter=json --outputFile.json=${UNIT_JSON}`,
		counts: () => vitestCounts(UNIT_JSON)
	},
	{ name: 'build', cmd: 'npm run -s build' },
	{ name: 'size budgets (budgets.json)', cmd: 'npm run -s check:budgets', needs: 'build' },
	{
		name: 'browser tests (playwright)',
		cmd: 'npx playwright test --reporter=list,json',
		env: { PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_JSON },
		needs: 'build',
		counts: () => playwrightCounts(E2E_JSON)
	}
];

/** @param {string} file */
function vitestCounts(file) {
	if (!existsSync(file)) return null;
	const r = JSON.parse(readFileSync(file, 'utf8'));
	return { passed: r.numPassedTests, failed: r.numFailedTests };
}

/** @param {string} file */
function playwrightCounts(file) {
	if (!existsSync(file)) return null;
	const s = JSON.parse(readFileSync(file, 'utf8')).stats;
	return { passed: s.expected + s.flaky, failed: s.unexpected + (s.interrupted ?? 0) };
}

let passed = 0;
let failed = 0;
const failedSteps = new Set();
const summary = [];
for (const step of steps) {
	if (step.needs && failedSteps.has(step.needs)) {
		failed += 1;
		failedSteps.add(step.name);
		summary.push(`✗ ${step.name}: not run, because ${step.needs} failed`);
		continue;
	}
	console.log(`\n=== ${step.name}: ${step.cmd}`);
	const t0 = Date.now();
	const r = spawnSync(step.cmd, {
		shell: true,
		stdio: 'inherit',
		env: { ...process.env, ...(step.env ?? {}) }
	});
	const ok = r.status === 0;
	const secs = ((Date.now() - t0) / 1000).toFixed(0);
	const counts = step.counts?.();
	if (counts) {
		passed += counts.passed;
		failed += counts.failed;
		if (!ok && counts.failed === 0) failed += 1;
	} else if (ok) passed += 1;
	else failed += 1;
	if (!ok) failedSteps.add(step.name);
	summary.push(
		`${ok ? '✓' : '✗'} ${step.name} (${secs}s)${counts ? `: ${counts.passed} passed, ${counts.failed} failed` : ''}`
	);
}

console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.size ? 1 : 0);
