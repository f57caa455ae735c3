/**
 * The README of a view's ZIP: what the files are, the filters, the data's version, how to
 * cite, what each column means and what the documents state about their rights. Pure text, in
 * the page's language; file and column names stay as they are (code reads them).
 */
import { m } from '$lib/paraglide/messages';
import { formatCount } from '../data/format';
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
		m.explorer_readme_title(),
		'',
		`${r.description}.`,
		'',
		m.explorer_readme_view({ url: r.url }),
		m.explorer_readme_filters({
			filters: r.filters.length ? r.filters.join(', ') : m.explorer_readme_no_filters()
		}),
		m.explorer_readme_version({
			version: r.version,
			released: r.released,
			changes: `${r.site}/changes`
		}),
		m.explorer_readme_rows({ rows: formatCount(r.rows) }),
		'',
		m.explorer_readme_files(),
		'',
		`- \`${r.files.csv}\`: ${m.explorer_readme_csv({ signs: '=, +, -, @', mark: "`'`" })}`,
		`- \`${r.files.parquet}\`: ${m.explorer_readme_parquet()}`,
		`- \`${r.files.bibtex}\`: ${m.explorer_readme_bibtex()}`,
		'',
		m.explorer_readme_how_to_cite(),
		'',
		`APA: ${r.citations.apa}`,
		'',
		`Chicago: ${r.citations.chicago}`,
		'',
		m.explorer_readme_cite_documents(),
		'',
		m.explorer_readme_columns(),
		'',
		m.explorer_readme_columns_head(),
		'|---|---|---|',
		...r.columns.map((c) => `| ${c.name} | ${c.type} | ${cell(c.description)} |`),
		'',
		m.explorer_readme_dictionary({ url: `${r.site}/dictionary` }),
		'',
		m.explorer_readme_sources(),
		'',
		...r.sources.map((s) => `- ${s}`),
		'',
		r.rights,
		''
	].join('\n');
}
