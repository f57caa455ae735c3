/** Node-only: reads the curated CSVs and the source documents from disk for verify and build. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
import type { Problem } from './parse-table';
import {
	checkHistory,
	parseChangeLog,
	parseRedirects,
	readRelease,
	snapshotOf,
	versionOf,
	type History,
	type Release,
	type StoredRelease
} from './releases';
import { validate, type ValidationResult } from './validate';

export const DATA_DIR = resolve('data');
/** The source documents sit beside the repository, as `../shared/sources`. */
export const SOURCES_DIR = resolve(process.env.CIFRAS_SOURCES ?? '../shared/sources');

export function readSources(dir = SOURCES_DIR): Map<string, string> | null {
	if (!existsSync(dir)) return null;
	const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
	return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

export function countryCodes() {
	const alpha3 = new Set(Object.keys(countries.getAlpha3Codes()));
	const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));
	return { alpha3, alpha2 };
}

export function validateDataDir(dataDir = DATA_DIR, sourcesDir = SOURCES_DIR): ValidationResult {
	return validate({
		documentsCsv: readFileSync(join(dataDir, 'documents.csv'), 'utf8'),
		figuresCsv: readFileSync(join(dataDir, 'figures.csv'), 'utf8'),
		measuresCsv: readFileSync(join(dataDir, 'measures.csv'), 'utf8'),
		derivedCsv: readFileSync(join(dataDir, 'derived.csv'), 'utf8'),
		sources: readSources(sourcesDir),
		countries: countryCodes()
	});
}

/** The curated CSVs a version's hash covers, in this order. */
export const CURATED_FILES = ['documents.csv', 'figures.csv', 'measures.csv', 'derived.csv'];

/** SHA-256 of the curated CSVs (line endings as LF, so a checkout's settings do not change it). */
export function contentHash(dataDir = DATA_DIR): string {
	const hash = createHash('sha256');
	for (const f of CURATED_FILES)
		hash.update(`${f}\0${readFileSync(join(dataDir, f), 'utf8').replace(/\r\n/g, '\n')}\0`);
	return hash.digest('hex');
}

export const RELEASES_DIR = 'releases';

export function readHistory(dataDir = DATA_DIR): { history: History; problems: Problem[] } {
	const dir = join(dataDir, RELEASES_DIR);
	const releases: Release[] = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.map((f) => readRelease(JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredRelease))
		: [];
	const read = (f: string, header: string) =>
		existsSync(join(dataDir, f)) ? readFileSync(join(dataDir, f), 'utf8') : `${header}\n`;
	const log = parseChangeLog(read('changes.csv', 'release,change,figure_id,note'));
	const redirects = parseRedirects(read('redirects.csv', 'old_id,new_id,release,note'));
	return {
		history: { releases, log: log.rows, redirects: redirects.rows },
		problems: [...log.problems, ...redirects.problems]
	};
}

/** The history, its problems, and the version of the data as it is now. */
export function checkReleasesDir(dataDir = DATA_DIR) {
	const { history, problems } = readHistory(dataDir);
	const current = {
		hash: contentHash(dataDir),
		figures: snapshotOf(readFileSync(join(dataDir, 'figures.csv'), 'utf8'))
	};
	const last = history.releases.toSorted((a, b) => a.date.localeCompare(b.date)).at(-1);
	return {
		history,
		current,
		problems: [...problems, ...checkHistory(history, current)],
		version: last && last.hash === current.hash ? versionOf(last) : null,
		date: last?.date ?? null
	};
}
