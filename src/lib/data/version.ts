/**
 * The version of the data this site was built from (`npm run build:data` writes it from the last
 * release in `data/releases/`, as a generated module): every export, chart image, embed and citation names it, and
 * `/changes` says what each version changed.
 */
import { VERSION } from './generated/version';

export interface DataVersion {
	/** `2026-12-06.7d89844b`: the release's day and the start of its content hash. */
	version: string;
	/** The release's day, `YYYY-MM-DD`. */
	date: string;
	/** SHA-256 of the curated CSVs. */
	hash: string;
}

export const DATA_VERSION: DataVersion = VERSION;
