/**
 * Node-only: what the build writes about the data beside its tables — the version (from the last
 * release in `data/releases/`), what each version changed (`/changes`), the old figure addresses
 * that redirect, and the Frictionless `datapackage.json` with each served file's size and hash.
 * The first three are also typed modules the site imports (`src/lib/data/generated/`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { checkReleasesDir } from '../data/node-files';
import { dataPackage, type FileFacts } from '../data/publish';
import { siteHistory } from '../data/releases';
import type { DocumentRow } from '../data/schema';
import type { DataVersion } from '../data/version';
import type { GeneratedModule } from './write-modules';

export interface PublishInput {
	releases: ReturnType<typeof checkReleasesDir>;
	documents: DocumentRow[];
	/** Column meanings from the data dictionary (`columnDocs`). */
	columns: Parameters<typeof dataPackage>[0]['columns'];
	/** The files `writeSiteData` wrote into the same folder. */
	files: string[];
}

/** The tables the data package describes, with their files in every format. */
const PUBLISHED = /^(figures|documents|measures)\./;

/** Writes version.json, changes.json, redirects.json and datapackage.json; returns their names and the modules. */
export function writePublished(
	outDir: string,
	root: string,
	{ releases, documents, columns, files }: PublishInput
): { files: string[]; modules: GeneratedModule[] } {
	const version: DataVersion = {
		version: releases.version!,
		date: releases.date!,
		hash: releases.current.hash
	};
	const changes = siteHistory(releases.history);
	const redirects = releases.history.redirects.map(({ row: _, ...r }) => r);
	const facts = (f: string): [string, FileFacts] => {
		const bytes = readFileSync(join(outDir, f));
		return [f, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }];
	};
	const pkg = dataPackage({
		version,
		documents,
		columns,
		files: Object.fromEntries(files.filter((f) => PUBLISHED.test(f)).map(facts))
	});
	const out = { version, changes, redirects };
	for (const [name, value] of Object.entries(out))
		writeFileSync(join(outDir, `${name}.json`), JSON.stringify(value));
	writeFileSync(join(outDir, 'datapackage.json'), JSON.stringify(pkg, null, 1));
	const data = (name: string) => join(root, 'src/lib/data/generated', `${name}.ts`);
	const modules: GeneratedModule[] = [
		{
			file: data('version'),
			from: 'the last release in data/releases/',
			imports: "import type { DataVersion } from '../version';",
			doc: 'The version of the data the site is built from (static/data/version.json).',
			name: 'VERSION',
			type: 'DataVersion',
			value: version
		},
		{
			file: data('changes'),
			from: 'data/releases/, data/changes.csv and data/redirects.csv',
			imports: "import type { SiteRelease } from '../releases';",
			doc: 'What each version changed, newest first (static/data/changes.json).',
			name: 'CHANGES',
			type: 'SiteRelease[]',
			value: changes
		},
		{
			file: data('redirects'),
			from: 'data/redirects.csv',
			imports: "import type { Moved } from '../redirects';",
			doc: 'Old figure ids and the ids they live at now (static/data/redirects.json).',
			name: 'REDIRECTS',
			type: 'Moved[]',
			value: redirects
		}
	];
	return {
		files: [...Object.keys(out).map((n) => `${n}.json`), 'datapackage.json'],
		modules
	};
}
