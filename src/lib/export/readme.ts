/**
 * The README of a view's ZIP: what the files are, the filters, the data's version, how to
 * cite, what each column means and what the documents state about their rights. Pure text.
 */
import type { Citations } from './cite';

export interface ReadmeColumn {
	name: string;
	type: string;
	description: string;
}

export interface ReadmeInput {
	/** The view in words: "12 figures; topic: Remittances; years 1990–2001". */
	description: string;
	/** The filters as the view's link holds them (`topic=remittances`), one each. */
	filters: string[];
	/** The view's address. */
	url: string;
	/** The site's address, for `/changes` and the dictionary. */
	site: string;
	version: string;
	/** The release's day. */
	released: string;
	rows: number;
	/** The file names inside the archive. */
	files: { csv: string; parquet: string; bibtex: string };
	columns: ReadmeColumn[];
	citations: Citations;
	/** The documents, as the data package lists them. */
	sources: string[];
	/** What the documents state about their rights (`RIGHTS_STATEMENT`). */
	rights: string;
}

const cell = (s: string) => s.replaceAll('|', '\\|').replace(/\s+/g, ' ');

export function viewReadme(r: ReadmeInput): string {
	return [
		'# Cifras: the figures of one view',
		'',
		`${r.description}.`,
		'',
		`- View: ${r.url}`,
		`- Filters: ${r.filters.length ? r.filters.join(', ') : 'none (every figure)'}`,
		`- Data version: ${r.version} (released ${r.released}; what each version changed: ${r.site}/changes)`,
		`- Rows: ${r.rows.toLocaleString('en-US')}, in the order of the view's table`,
		'',
		'## Files',
		'',
		`- \`${r.files.csv}\`: CSV (RFC 4180, UTF-8, comma-separated, numbers without separators). A text cell that begins with =, +, -, @, a tab or a carriage return starts with a \`'\`, so that spreadsheets show it as text instead of running it as a formula. In Excel, open it with Data › From Text/CSV, or download "CSV for Excel" from the site.`,
		`- \`${r.files.parquet}\`: the same rows in Parquet, each column with its type.`,
		`- \`${r.files.bibtex}\`: the citation of this view in BibTeX.`,
		'',
		'## How to cite',
		'',
		`APA: ${r.citations.apa}`,
		'',
		`Chicago: ${r.citations.chicago}`,
		'',
		'Each figure is quoted from a document: cite the document and the line as well (the columns doc_title, doc_publisher, doc_date, doc_symbol and line; each figure’s page on the site gives its full citation).',
		'',
		'## Columns',
		'',
		'| column | type | meaning |',
		'|---|---|---|',
		...r.columns.map((c) => `| ${c.name} | ${c.type} | ${cell(c.description)} |`),
		'',
		`The full data dictionary: ${r.site}/dictionary`,
		'',
		'## Sources and their rights',
		'',
		...r.sources.map((s) => `- ${s}`),
		'',
		r.rights,
		''
	].join('\n');
}
