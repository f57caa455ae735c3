// `npm run test:load`: the whole suite (`npm test`) three times in a row while two busy loops
// keep both cores of a small machine busy, as another build or browser beside it would. A test
// that passes only when the machine is quick fails here. The loops are stopped however the runs
// end (and stop by themselves if this script is killed outright); Ctrl+C or a kill stops the
// suite too. Each run's result is printed at the end; the exit code is 0 only if all three
// passed. LOAD_RUNS and LOAD_LOOPS change the numbers; E2E_PORT and the rest of the environment
// pass through to the tests.
import { spawn } from 'node:child_process';

const RUNS = Number(process.env.LOAD_RUNS ?? 3);
const LOOPS = Number(process.env.LOAD_LOOPS ?? 2);

// A busy loop that looks up now and then to see whether the script that started it has gone.
const BUSY =
	'const p = process.ppid; for (;;) { for (let i = 0; i < 1e8; i++); if (process.ppid !== p) process.exit(); }';
const loops = Array.from({ length: LOOPS }, () =>
	spawn(process.execPath, ['-e', BUSY], { stdio: 'ignore' })
);
const stopLoops = () => {
	for (const loop of loops) if (loop.exitCode === null && loop.signalCode === null) loop.kill();
};
/** The suite running now, in its own process group, so that it can be stopped as a whole. */
let suite = /** @type {import('node:child_process').ChildProcess | null} */ (null);
const stopAll = () => {
	stopLoops();
	if (suite?.pid && suite.exitCode === null) {
		try {
			process.kill(-suite.pid, 'SIGTERM');
		} catch {
			// Already gone.
		}
	}
};
process.on('exit', stopAll);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']))
	process.on(signal, () => {
		stopAll();
		process.exit(1);
	});

/** Runs `npm test` once, echoing its output; resolves with its exit code and last summary line. */
function runSuite() {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['scripts/test-all.js'], {
			stdio: ['ignore', 'pipe', 'inherit'],
			detached: true
		});
		suite = child;
		let out = '';
		child.stdout.on('data', (chunk) => {
			process.stdout.write(chunk);
			out = (out + chunk).slice(-4096);
		});
		child.on('close', (code) => {
			const summary = /(\d+) passed, (\d+) failed\s*$/.exec(out)?.[0].trim() ?? 'no summary';
			resolve({ code: code ?? 1, summary });
		});
	});
}

const results = [];
for (let run = 1; run <= RUNS; run++) {
	console.log(`\n##### Run ${run} of ${RUNS}, with ${LOOPS} busy loops beside it\n`);
	const t0 = Date.now();
	const { code, summary } = await runSuite();
	const minutes = ((Date.now() - t0) / 60_000).toFixed(1);
	results.push({ run, ok: code === 0, line: `${summary} (${minutes} min)` });
}
stopLoops();

console.log(`\n##### Under load (${LOOPS} busy loops):`);
for (const r of results) console.log(`run ${r.run}: ${r.ok ? 'green' : 'RED'} — ${r.line}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
