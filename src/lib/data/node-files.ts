/** Node-only: reads the curated CSVs and the source documents from disk for verify and build. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
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
