/**
 * Citations in APA (7th), Chicago (author-date) and BibTeX for a figure (its source document,
 * the line, and this site as where it was found), a view of the explorer, and the dataset.
 * Pure text: the page adds the URL it is served from. Each names the data's version (the one
 * this site was built from unless given), so a citation can be checked against `/changes`.
 */
import type { DocumentRow } from '../data/schema';
import type { SiteFigure } from '../data/site-table';
import { flagsOf } from '../data/figure-words';
import { flagLabel } from '../data/labels';
import { DATASET_TITLE } from '../data/dataset-title';
import { DATA_VERSION, type DataVersion } from '../data/version';

export interface Citations {
	apa: string;
	chicago: string;
	bibtex: string;
}

export const DATASET = { author: 'Cifras', title: DATASET_TITLE } as const;

const yearOf = (date: string) => /^\d{4}/.exec(date)?.[0] ?? 'n.d.';
const bibKey = (...parts: string[]) =>
	parts
		.join('-')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '')
		.slice(0, 40);
/** BibTeX text: braces protect capitals; characters special to TeX are escaped. */
const tex = (s: string) => s.replace(/([&%$#_{}])/g, '\\$1');

// Made once: each toLocaleDateString call builds a new formatter, which costs about a millisecond.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** Dates as readers write them: "23 November 2026". */
export function longDate(d: Date): string {
	return LONG_DATE.format(d);
}

export function citeDataset(
	url: string,
	accessed: Date,
	{ version, date }: DataVersion = DATA_VERSION
): Citations {
	const { author, title } = DATASET;
	const year = yearOf(date);
	return {
		apa: `${author}. (${year}). ${title} (Version ${version}) [Data set]. Retrieved ${longDate(accessed)}, from ${url}`,
		chicago: `${author}. ${year}. “${title}.” Version ${version}. Dataset. Accessed ${longDate(accessed)}. ${url}.`,
		bibtex: `@misc{cifras${year},\n  author = {{${author}}},\n  title = {{${tex(title)}}},\n  year = {${year}},\n  version = {${version}},\n  howpublished = {\\url{${url}}},\n  note = {Data set, version ${version}, accessed ${accessed.toISOString().slice(0, 10)}}\n}`
	};
}

/** A view of the explorer: the dataset, narrowed by the filters the view's link holds. */
export function citeView(
	url: string,
	description: string,
	accessed: Date,
	{ version, date }: DataVersion = DATA_VERSION
): Citations {
	const { author, title } = DATASET;
	const year = yearOf(date);
	return {
		apa: `${author}. (${year}). ${title} (Version ${version}) [Data set; view: ${description}]. Retrieved ${longDate(accessed)}, from ${url}`,
		chicago: `${author}. ${year}. “${title}.” Version ${version}. Dataset, view: ${description}. Accessed ${longDate(accessed)}. ${url}.`,
		bibtex: `@misc{cifras${year}view,\n  author = {{${author}}},\n  title = {{${tex(title)}}},\n  year = {${year}},\n  version = {${version}},\n  howpublished = {\\url{${url}}},\n  note = {Data set, version ${version}, view: ${tex(description)}; accessed ${accessed.toISOString().slice(0, 10)}}\n}`
	};
}

/** A figure is cited to the document that states it, at its line, found through this site. */
export function citeFigure(
	f: SiteFigure,
	d: DocumentRow,
	url: string,
	accessed: Date,
	{ version }: Pick<DataVersion, 'version'> = DATA_VERSION
): Citations {
	const via = `${DATASET.author} (data version ${version})`;
	const year = yearOf(d.date);
	const symbol = d.symbol ? ` (${d.symbol})` : '';
	const where = `line ${f.line}${f.section ? `, “${f.section}”` : ''}`;
	// A figure with a warning carries it into every citation, so the doubt travels with it.
	const flags = flagsOf(f);
	const warning = flags.length
		? ` ${DATASET.author} notes: ${flags.map((x) => flagLabel(x).toLowerCase()).join('; ')}.`
		: '';
	return {
		apa: `${d.publisher}. (${year}). ${d.title}${symbol}. ${d.place}. Quoted at ${where}, via ${via}, retrieved ${longDate(accessed)}, from ${url}${warning}`,
		chicago: `${d.publisher}. ${year}. ${d.title}.${d.symbol ? ` ${d.symbol}.` : ''} ${d.place}: ${d.publisher}. Quoted at ${where}. Via ${via}, accessed ${longDate(accessed)}, ${url}.${warning}`,
		bibtex: `@techreport{${bibKey(d.doc_id, f.figure_id)},\n  author = {{${tex(d.publisher)}}},\n  title = {{${tex(d.title)}}},\n  institution = {{${tex(d.publisher)}}},\n  year = {${year}},${d.symbol ? `\n  number = {${tex(d.symbol)}},` : ''}\n  address = {${tex(d.place)}},\n  note = {Quoted at ${tex(where)}; via ${via}, \\url{${url}}, accessed ${accessed.toISOString().slice(0, 10)}${tex(warning)}}\n}`
	};
}
