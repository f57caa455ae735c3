/** Node-only: reads the curated CSVs and the source documents from disk for verify and build. */
import { checkHeadline } from './headline';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
import { checkCoverage, type CoverageResult } from './coverage-check';
import { compareSourceCopies } from './source-copies';
import { checkOutline } from './outline';
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
import { ES_FILES, validateSpanish, type SpanishTables } from './es-text';
import { validate, type ValidationResult } from './validate';

export const DATA_DIR = resolve('data');
/** The source documents, in the repository: the ground truth of every quote and line number. */
export const SOURCES_DIR = resolve('data/sources');
/**
 * The project's shared copy beside the repository (or where `CIFRAS_SOURCES` says), when there is
 * one: it must be the same bytes.
 */
export const SHARED_SOURCES_DIR = resolve(process.env.CIFRAS_SOURCES ?? '../shared/sources');

const textFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt'));

export function readSources(dir = SOURCES_DIR): Map<string, string> | null {
	if (!existsSync(dir)) return null;
	return new Map(textFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function readBytes(dir: string): Map<string, Uint8Array> {
	return new Map(textFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

export function countryCodes() {
	const alpha3 = new Set(Object.keys(countries.getAlpha3Codes()));
	const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));
	return { alpha3, alpha2 };
}

export interface DataDirResult extends ValidationResult {
	coverage: CoverageResult['byDocument'];
	/** Things to see that do not fail the check (numbers marked to_curate). */
	warnings: string[];
	/** Whether the shared copy of the sources was there to compare with. */
	sharedCompared: boolean;
	/** The figures the first screen leads with, ranked (`data/headline.csv`). */
	headline: string[];
	/** The same tables with the data's own words in Spanish (`data/es/`). */
	es: SpanishTables;
}

export function validateDataDir(
	dataDir = DATA_DIR,
	sourcesDir = SOURCES_DIR,
	sharedDir: string | null = SHARED_SOURCES_DIR
): DataDirResult {
	const sources = readSources(sourcesDir);
	const result = validate({
		documentsCsv: readFileSync(join(dataDir, 'documents.csv'), 'utf8'),
		figuresCsv: readFileSync(join(dataDir, 'figures.csv'), 'utf8'),
		measuresCsv: readFileSync(join(dataDir, 'measures.csv'), 'utf8'),
		derivedCsv: readFileSync(join(dataDir, 'derived.csv'), 'utf8'),
		sources,
		countries: countryCodes()
	});
	const show = (dir: string) => relative(process.cwd(), dir) || dir;
	const sharedCompared = sharedDir !== null && existsSync(sharedDir) && sources !== null;
	if (sharedCompared)
		result.problems.push(
			...compareSourceCopies(readBytes(sourcesDir), readBytes(sharedDir), {
				local: show(sourcesDir),
				shared: show(sharedDir)
			})
		);
	const coverage = checkCoverage({
		documents: result.documents,
		figures: result.figures,
		sources: sources ?? new Map(),
		uncuratedCsv: readFileSync(join(dataDir, 'uncurated.csv'), 'utf8')
	});
	result.problems.push(...coverage.problems);
	result.problems.push(
		...checkOutline(readFileSync(join(dataDir, 'outline.csv'), 'utf8'), result.documents, sources ?? new Map())
	);
	const headline = checkHeadline(
		readFileSync(join(dataDir, 'headline.csv'), 'utf8'),
		new Set(result.figures.map((f) => f.figure_id))
	);
	result.problems.push(...headline.problems);
	const esFile = (kind: keyof typeof ES_FILES) => {
		const path = join(dataDir, ES_FILES[kind].replace(/^data\//, ''));
		if (existsSync(path)) return readFileSync(path, 'utf8');
		result.problems.push({ file: ES_FILES[kind], row: null, column: null, message: 'is missing: every table needs its Spanish text' });
		return '';
	};
	const spanish = validateSpanish(result, {
		figures: esFile('figures'),
		measures: esFile('measures'),
		documents: esFile('documents'),
		derived: esFile('derived'),
		places: esFile('places')
	});
	result.problems.push(...spanish.problems);
	return { ...result, es: spanish.tables, headline: headline.ids, coverage: coverage.byDocument, warnings: coverage.warnings, sharedCompared };
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
