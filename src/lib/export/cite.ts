/**
 * Citations in APA (7th), Chicago (author-date) and BibTeX for a figure (its source document,
 * the line, and this site as where it was found), a view of the explorer, and the dataset.
 * Pure text: the page adds the URL it is served from. Each names the data's version (the one
 * this site was built from unless given), so a citation can be checked against `/changes`.
 * APA and Chicago are written in the page's language (messages/figure: "Recuperado el 6 de
 * diciembre de 2026, de …"); BibTeX is the same in both, as reference managers read it.
 */
import type { DocumentRow } from '../data/schema';
import type { SiteFigure } from '../data/site-table';
import { flagsOf } from '../data/figure-words';
import { flagLabel } from '../data/labels';
import { DATASET_TITLE } from '../data/dataset-title';
import { DATA_VERSION, type DataVersion } from '../data/version';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

export interface Citations {
	apa: string;
	chicago: string;
	bibtex: string;
}

export const DATASET = { author: 'Cifras', title: DATASET_TITLE } as const;

const yearOf = (date: string, locale: Locale) =>
	/^\d{4}/.exec(date)?.[0] ?? m.figure_cite_no_date({}, { locale });
const bibKey = (...parts: string[]) =>
	parts
		.join('-')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '')
		.slice(0, 40);
/** BibTeX text: braces protect capitals; characters special to TeX are escaped. */
const tex = (s: string) => s.replace(/([&%$#_{}])/g, '\\$1');

// Made once per language: each toLocaleDateString call builds a new formatter, which costs
// about a millisecond.
const LONG_DATES = new Map<Locale, Intl.DateTimeFormat>();

/** Dates as readers write them: "23 November 2026", "23 de noviembre de 2026". */
export function longDate(d: Date, locale: Locale = getLocale()): string {
	let format = LONG_DATES.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		LONG_DATES.set(locale, format);
	}
	return format.format(d);
}

export function citeDataset(
	url: string,
	accessed: Date,
	{ version, date }: DataVersion = DATA_VERSION,
	locale: Locale = getLocale()
): Citations {
	const { author, title } = DATASET;
	const year = yearOf(date, locale);
	const words = { author, year, title, version, date: longDate(accessed, locale), url };
	return {
		apa: m.figure_cite_dataset_apa(words, { locale }),
		chicago: m.figure_cite_dataset_chicago(words, { locale }),
		bibtex: `@misc{cifras${year},\n  author = {{${author}}},\n  title = {{${tex(title)}}},\n  year = {${year}},\n  version = {${version}},\n  howpublished = {\\url{${url}}},\n  note = {Data set, version ${version}, accessed ${accessed.toISOString().slice(0, 10)}}\n}`
	};
}

/** A view of the explorer: the dataset, narrowed by the filters the view's link holds. */
export function citeView(
	url: string,
	description: string,
	accessed: Date,
	{ version, date }: DataVersion = DATA_VERSION,
	locale: Locale = getLocale()
): Citations {
	const { author, title } = DATASET;
	const year = yearOf(date, locale);
	const words = {
		author,
		year,
		title,
		version,
		description,
		date: longDate(accessed, locale),
		url
	};
	return {
		apa: m.figure_cite_view_apa(words, { locale }),
		chicago: m.figure_cite_view_chicago(words, { locale }),
		bibtex: `@misc{cifras${year}view,\n  author = {{${author}}},\n  title = {{${tex(title)}}},\n  year = {${year}},\n  version = {${version}},\n  howpublished = {\\url{${url}}},\n  note = {Data set, version ${version}, view: ${tex(description)}; accessed ${accessed.toISOString().slice(0, 10)}}\n}`
	};
}

/** A figure is cited to the document that states it, at its line, found through this site. */
export function citeFigure(
	f: SiteFigure,
	d: DocumentRow,
	url: string,
	accessed: Date,
	{ version }: Pick<DataVersion, 'version'> = DATA_VERSION,
	locale: Locale = getLocale()
): Citations {
	const author = DATASET.author;
	// A figure with a warning carries it into every citation, so the doubt travels with it.
	const flags = flagsOf(f);
	// BibTeX is the same in every language; APA and Chicago are in the page's.
	const warningIn = (lang: Locale) =>
		flags.length
			? ` ${m.figure_cite_warning({ author, flags: flags.map((x) => flagLabel(x, lang).toLowerCase()).join('; ') }, { locale: lang })}`
			: '';
	const whereIn = (lang: Locale) =>
		f.section
			? m.figure_cite_where_section({ line: f.line, section: f.section }, { locale: lang })
			: m.figure_cite_where({ line: f.line }, { locale: lang });
	const words = {
		publisher: d.publisher,
		year: yearOf(d.date, locale),
		title: d.title,
		place: d.place,
		where: whereIn(locale),
		via: m.figure_cite_via({ author, version }, { locale }),
		date: longDate(accessed, locale),
		url
	};
	const warning = warningIn(locale);
	const year = yearOf(d.date, 'en');
	const via = m.figure_cite_via({ author, version }, { locale: 'en' });
	const where = whereIn('en');
	return {
		apa:
			m.figure_cite_figure_apa({ ...words, symbol: d.symbol ? ` (${d.symbol})` : '' }, { locale }) +
			warning,
		chicago:
			m.figure_cite_figure_chicago(
				{ ...words, symbol: d.symbol ? ` ${d.symbol}.` : '' },
				{ locale }
			) + warning,
		bibtex: `@techreport{${bibKey(d.doc_id, f.figure_id)},\n  author = {{${tex(d.publisher)}}},\n  title = {{${tex(d.title)}}},\n  institution = {{${tex(d.publisher)}}},\n  year = {${year}},${d.symbol ? `\n  number = {${tex(d.symbol)}},` : ''}\n  address = {${tex(d.place)}},\n  note = {Quoted at ${tex(where)}; via ${via}, \\url{${url}}, accessed ${accessed.toISOString().slice(0, 10)}${tex(warningIn('en'))}}\n}`
	};
}
