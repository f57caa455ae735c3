/**
 * The dataset described for the tools that find and read data: a Frictionless Data Package (v2)
 * served beside the files as `/data/datapackage.json`, and a schema.org `Dataset` in JSON-LD on
 * `/about` and `/dictionary`. One description feeds both, from the data dictionary, the documents
 * and the data's version. Pure: the build adds the files' sizes and hashes.
 */
import type { ColumnDoc, DictionaryTable } from './dictionary';
import { DOCUMENT_COLUMNS, MEASURE_COLUMNS, type DocumentRow } from './schema';
import { SITE_COLUMNS, type SiteColumnType } from './site-table';
import type { DataVersion } from './version';
import { DATASET_NAME, DATASET_TITLE } from './dataset-title';

export { DATASET_NAME, DATASET_TITLE };

export const DATASET_DESCRIPTION =
	'Every quantitative figure on migration, remittances, deportations and returns, return assistance, trafficking and smuggling, displacement, violence and abuse, labour, populations and programme outputs stated in five reports of ECLAC, IOM, the OAS and national human-rights institutions (2002–2013), each exactly as printed, with the verbatim quote that states it, the line where it starts, who presents it and whom the document credits.';

/**
 * What the documents say about their reuse. None of the five states a licence, a copyright
 * notice or terms of reuse in its text (`tests/unit/publish.test.ts` checks the texts when they
 * are present), so nothing more is claimed; no licence has been stated for Cifras' curation.
 */
export const RIGHTS_STATEMENT =
	'None of the five source documents states a licence, a copyright notice or terms of reuse in its text. Cifras quotes short passages to cite them. No licence has been stated for Cifras’ own curation.';

/** The files of a table the build writes, with their media types. */
export const DISTRIBUTIONS = [
	{ ext: 'csv', format: 'csv', mediatype: 'text/csv' },
	{ ext: 'json', format: 'json', mediatype: 'application/json' },
	{ ext: 'parquet', format: 'parquet', mediatype: 'application/vnd.apache.parquet' },
	{ ext: 'arrow', format: 'arrow', mediatype: 'application/vnd.apache.arrow.stream' }
] as const;

/** Table Schema types of the served columns. */
const FIELD_TYPES: Record<SiteColumnType, 'string' | 'integer' | 'number'> = {
	VARCHAR: 'string',
	INTEGER: 'integer',
	DOUBLE: 'number'
};

export interface FileFacts {
	bytes: number;
	/** SHA-256 of the file, hex. */
	sha256: string;
}

export interface PackageInput {
	version: DataVersion;
	documents: DocumentRow[];
	/** Column meanings from the data dictionary (`columnDocs`). */
	columns: Record<DictionaryTable, Record<string, ColumnDoc>>;
	/** Sizes and hashes of the served files, by file name; a table's other formats are listed when here. */
	files: Record<string, FileFacts>;
}

const fileFacts = (files: Record<string, FileFacts>, name: string) =>
	files[name] ? { bytes: files[name].bytes, hash: `sha256:${files[name].sha256}` } : {};

/** A document as a source: "ECLAC and IOM (2002-11-22). Title (symbol). Place." */
export function documentSource(d: DocumentRow): string {
	return `${d.publisher} (${d.date}). ${d.title}${d.symbol ? ` (${d.symbol})` : ''}. ${d.place}.`;
}

export function dataPackage({ version, documents, columns, files }: PackageInput) {
	const fields = (table: DictionaryTable, typed: [string, string][]) =>
		typed.map(([name, type]) => ({ name, type, description: columns[table][name]?.meaning ?? '' }));
	const figureFields = fields(
		'figures',
		SITE_COLUMNS.map(([n, t]) => [n, FIELD_TYPES[t]])
	);
	// Documents and measures are served as text throughout (dates as printed, some only a year).
	const text = (cols: { name: string }[]): [string, string][] => cols.map((c) => [c.name, 'string']);
	const table = (name: string, title: string, fields: object[], extra: object) => ({
		name,
		type: 'table',
		path: `${name}.csv`,
		format: 'csv',
		mediatype: 'text/csv',
		encoding: 'utf-8',
		title,
		...fileFacts(files, `${name}.csv`),
		schema: { fields, missingValues: [''], ...extra }
	});
	// The same tables in the other formats the site serves, for tools that read them (types as
	// in the CSV's schema).
	const others = (name: string) =>
		DISTRIBUTIONS.filter((d) => d.ext !== 'csv' && files[`${name}.${d.ext}`]).map((d) => ({
			name: `${name}-${d.ext}`,
			path: `${name}.${d.ext}`,
			format: d.format,
			mediatype: d.mediatype,
			...fileFacts(files, `${name}.${d.ext}`)
		}));
	return {
		$schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
		name: DATASET_NAME,
		title: DATASET_TITLE,
		description: `${DATASET_DESCRIPTION} ${RIGHTS_STATEMENT}`,
		version: version.version,
		created: `${version.date}T00:00:00Z`,
		keywords: ['migration', 'human trafficking', 'remittances', 'Americas', 'citations'],
		contributors: [{ title: 'Cifras', roles: ['creator'] }],
		sources: documents.map((d) => ({ title: documentSource(d) })),
		resources: [
			table('figures', 'Figures, each with its quote, document and line', figureFields, {
				primaryKey: ['figure_id'],
				foreignKeys: [
					{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } },
					{ fields: ['measure'], reference: { resource: 'measures', fields: ['measure'] } }
				]
			}),
			table('documents', 'The source documents', fields('documents', text(DOCUMENT_COLUMNS)), {
				primaryKey: ['doc_id']
			}),
			table(
				'measures',
				'What figures measure: the key for comparing them',
				fields('measures', text(MEASURE_COLUMNS)),
				{ primaryKey: ['measure'] }
			),
			...others('figures'),
			...others('documents'),
			...others('measures')
		]
	};
}

export interface JsonLdInput {
	version: DataVersion;
	documents: DocumentRow[];
	/** The site's base path: addresses are written relative to the page, as the site knows no host. */
	base: string;
	/** First and last year the figures refer to. */
	years: [number, number];
}

/** The dataset as a schema.org `Dataset` (Google's required `name` and `description`, and the recommended properties). */
export function datasetJsonLd({ version, documents, base, years }: JsonLdInput) {
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		name: DATASET_TITLE,
		description: DATASET_DESCRIPTION,
		url: `${base}/about`,
		version: version.version,
		dateModified: version.date,
		creator: { '@type': 'Organization', name: 'Cifras' },
		keywords: ['migration', 'human trafficking', 'remittances', 'Americas'],
		isAccessibleForFree: true,
		temporalCoverage: `${years[0]}/${years[1]}`,
		spatialCoverage: { '@type': 'Place', name: 'The Americas' },
		citation: documents.map(documentSource),
		usageInfo: RIGHTS_STATEMENT,
		distribution: [
			...DISTRIBUTIONS.map((d) => ({
				'@type': 'DataDownload',
				name: `figures.${d.ext}`,
				encodingFormat: d.mediatype,
				contentUrl: `${base}/data/figures.${d.ext}`
			})),
			{
				'@type': 'DataDownload',
				name: 'datapackage.json',
				encodingFormat: 'application/json',
				contentUrl: `${base}/data/datapackage.json`
			}
		]
	};
}

/** JSON-LD for a `<script>` in the page: `<` escaped, so no text can close the element. */
export function jsonLdScript(data: object): string {
	return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
