/**
 * A view of the explorer as one ZIP: its rows as CSV and Parquet (written a chunk at a time, as
 * every export is), a README naming the filters, the version and each column's meaning, and
 * the citation in BibTeX. Browser-only (it reads `datapackage.json` from the site).
 */
import { RIGHTS_STATEMENT } from '../data/publish';
import { DATA_VERSION } from '../data/version';
import { selectionToSearch } from '../state/url';
import type { Selection } from '../state/selection';
import { citeView } from './cite';
import {
	exportFileName,
	inChunks,
	versionMetadata,
	viewColumns,
	writeExport,
	type ExportColumn,
	type WriteOptions
} from './formats';
import { viewReadme } from './readme';
import { zipFiles } from './zip';
import { m } from '$lib/paraglide/messages';

interface PackageField {
	name: string;
	type: string;
	description: string;
}
interface DataPackage {
	sources: { title: string }[];
	resources: { name: string; schema?: { fields: PackageField[] } }[];
}

export interface ViewZipInput {
	rows: Record<string, unknown>[];
	selection: Selection;
	/** The view in words (`describeView` on the explorer). */
	description: string;
	/** The view's address and the site's (`origin + base`). */
	url: string;
	site: string;
	/** `/data/datapackage.json`, for the columns' meanings and the sources. */
	dataPackage: DataPackage;
}

/** The ZIP's name, and the folder inside it: `cifras-figures-topic-remittances`. */
export const zipName = (sel: Selection) => exportFileName(sel, 'csv').replace(/\.csv$/, '');

export async function viewZip(input: ViewZipInput, options: WriteOptions = {}): Promise<Blob> {
	const { rows, selection, dataPackage } = input;
	// The user's own rows (shown beside the curated ones) say so in the files too.
	const extra: ExportColumn[] = rows.some((r) => r.user_source != null)
		? [{ name: 'user_source', type: 'VARCHAR' }]
		: [];
	const columns = viewColumns(extra);
	const total = rows.length;
	// Progress: the CSV is the first half, the Parquet the second (the ZIP itself is quick).
	const half = (start: number): WriteOptions => ({
		signal: options.signal,
		onProgress: (p) => options.onProgress?.({ rows: Math.round(start + p.rows / 2), fraction: 0 })
	});
	const csv = await writeExport(columns, total, inChunks(rows), 'csv', half(0));
	const parquet = await writeExport(columns, total, inChunks(rows), 'parquet', {
		...half(total / 2),
		metadata: versionMetadata()
	});
	const fields = dataPackage.resources.find((r) => r.name === 'figures')?.schema?.fields ?? [];
	const meaning = (name: string) =>
		name === 'data_version'
			? m.explorer_readme_data_version()
			: name === 'user_source'
				? m.explorer_readme_user_source()
				: (fields.find((f) => f.name === name)?.description ?? '');
	const citations = citeView(input.url, input.description, new Date());
	const dir = zipName(selection);
	const files = { csv: 'figures.csv', parquet: 'figures.parquet', bibtex: 'CITATION.bib' };
	const readme = viewReadme({
		description: input.description,
		filters: [...new URLSearchParams(selectionToSearch(selection))].map(([k, v]) => `${k}=${v}`),
		url: input.url,
		site: input.site,
		version: DATA_VERSION.version,
		released: DATA_VERSION.date,
		rows: total,
		files,
		columns: columns.map((c) => ({
			name: c.name,
			type: fields.find((f) => f.name === c.name)?.type ?? 'string',
			description: meaning(c.name)
		})),
		citations,
		sources: dataPackage.sources.map((s) => s.title),
		rights: RIGHTS_STATEMENT
	});
	return zipFiles(
		[
			{ name: `${dir}/README.md`, data: readme },
			{ name: `${dir}/${files.csv}`, data: csv },
			{ name: `${dir}/${files.parquet}`, data: parquet, stored: true },
			{ name: `${dir}/${files.bibtex}`, data: citations.bibtex + '\n' }
		],
		{ signal: options.signal }
	);
}
