/**
 * The data's own words in Spanish (`data/es/*.csv`): what each figure counts, its notes and
 * warnings, the measures' words, the documents' titles and notes, the derived figures' notes and
 * the places' names, keyed by the ids of the curated tables. Checked like the data (every row
 * has its Spanish, no Spanish row lacks its row) and turned into Spanish rows of the same shape,
 * which the build serves as the Spanish edition's tables. What the documents print (quotes,
 * values as printed, sections, speakers, whom they credit, the derived figures' arithmetic in
 * the printed words) is never translated.
 */
import countries from 'i18n-iso-countries';
import es from 'i18n-iso-countries/langs/es.json';
import { readCsv } from './csv';
import type { DerivedRow, MeasureRow } from './meaning';
import { regionName } from './labels';
import { parseTable, type Problem } from './parse-table';
import { REGIONS, type ColumnSpec, type DocumentRow, type FigureRow } from './schema';
import { publicTextProblem } from './validate-meaning';

countries.registerLocale(es);

const text = (name: string, required = true): ColumnSpec => ({ name, type: 'text', required });
const slug = (name: string): ColumnSpec => ({ name, type: 'slug', required: true });

/** The columns of each Spanish file: its key, then the Spanish of the columns of the same name. */
export const ES_COLUMNS = {
	figures: [slug('figure_id'), text('indicator'), text('note', false), text('flag_note', false)],
	measures: [slug('measure'), text('label'), text('counts'), text('of_whom')],
	documents: [
		slug('doc_id'),
		text('title'),
		text('short_title'),
		text('publisher'),
		text('place'),
		text('note', false)
	],
	derived: [slug('derived_id'), text('note')],
	/** Keyed by the place as the English tables name it (`geography_en`) with its code. */
	places: [
		{ name: 'geo_code', type: 'code', required: true },
		text('geography_en'),
		text('geography')
	]
} satisfies Record<string, ColumnSpec[]>;

type Kind = keyof typeof ES_COLUMNS;

export const ES_FILES: Record<Kind, string> = {
	figures: 'data/es/figures.csv',
	measures: 'data/es/measures.csv',
	documents: 'data/es/documents.csv',
	derived: 'data/es/derived.csv',
	places: 'data/es/places.csv'
};

export type EsFigure = Pick<FigureRow, 'figure_id' | 'indicator' | 'note' | 'flag_note'>;
export type EsMeasure = Pick<MeasureRow, 'measure' | 'label' | 'counts' | 'of_whom'>;
export type EsDocument = Pick<
	DocumentRow,
	'doc_id' | 'title' | 'short_title' | 'publisher' | 'place' | 'note'
>;
export type EsDerived = Pick<DerivedRow, 'derived_id' | 'note'>;
export interface EsPlace {
	geo_code: string;
	geography_en: string;
	geography: string;
}

/** The curated tables, validated, in English. */
export interface EnglishTables {
	figures: FigureRow[];
	documents: DocumentRow[];
	measures: MeasureRow[];
	derived: DerivedRow[];
}

export type SpanishTables = EnglishTables;

/** The key of a place: its code and its English name. */
const placeKey = (geo_code: string, geography: string) => `${geo_code}\u0000${geography}`;

/**
 * “Quoted” words in a Spanish note are the document's, in its language: each must stand in the
 * English note or in the figure's quote, so a quotation is never translated.
 */
const QUOTED = /“([^”]+)”/g;

/** English shorthand refused in public text, except `todo`, an everyday Spanish word (all). */
const spanishTextProblem = (s: string, ids: ReadonlySet<string>) =>
	publicTextProblem(s.replace(/\b[Tt]odo\b/g, ''), ids);

/**
 * Checks the Spanish files against the English tables and makes the Spanish tables: the same
 * rows, with the Spanish of every column the files translate.
 */
export function validateSpanish(
	en: EnglishTables,
	csv: Record<Kind, string>
): { problems: Problem[]; tables: SpanishTables } {
	const problems: Problem[] = [];
	const parsed = {
		figures: parseTable<EsFigure>(ES_FILES.figures, readCsv(csv.figures), ES_COLUMNS.figures),
		measures: parseTable<EsMeasure>(ES_FILES.measures, readCsv(csv.measures), ES_COLUMNS.measures),
		documents: parseTable<EsDocument>(
			ES_FILES.documents,
			readCsv(csv.documents),
			ES_COLUMNS.documents
		),
		derived: parseTable<EsDerived>(ES_FILES.derived, readCsv(csv.derived), ES_COLUMNS.derived),
		places: parseTable<EsPlace>(ES_FILES.places, readCsv(csv.places), ES_COLUMNS.places)
	};
	for (const p of Object.values(parsed)) problems.push(...p.problems);
	const idPrefixes = new Set(en.figures.map((f) => f.figure_id.split('-')[0]!));

	/** The Spanish rows by key, each key once, every key an English row's and every English row's key there. */
	function keyed<T extends { _row: number }>(
		kind: Kind,
		rows: T[],
		key: (r: T) => string,
		englishKeys: string[],
		what: string
	): Map<string, T> {
		const file = ES_FILES[kind];
		const out = new Map<string, T>();
		const known = new Set(englishKeys);
		for (const r of rows) {
			const k = key(r);
			const shown = k.replace('\u0000', ' | ');
			if (out.has(k))
				problems.push({ file, row: r._row, column: null, message: `"${shown}" is listed twice` });
			else if (!known.has(k))
				problems.push({
					file,
					row: r._row,
					column: null,
					message: `"${shown}" is not ${what} of the data; remove the row or correct its key`
				});
			else out.set(k, r);
		}
		for (const k of new Set(englishKeys))
			if (!out.has(k))
				problems.push({
					file,
					row: null,
					column: null,
					message: `${what} "${k.replace('\u0000', ' | ')}" has no Spanish text; add its row`
				});
		return out;
	}

	/** Spanish where the English has text, empty where it has none; public words for readers. */
	function sameCells(
		kind: Kind,
		row: number,
		pairs: [column: string, english: string, spanish: string][],
		quoteSources: string[] = []
	) {
		for (const [column, english, spanish] of pairs) {
			const fail = (message: string) =>
				problems.push({ file: ES_FILES[kind], row, column, message });
			if (english && !spanish) fail('is empty; expected the Spanish of the English text');
			else if (!english && spanish) fail('has text where the English has none; expected it empty');
			const wrong = spanish && spanishTextProblem(spanish, idPrefixes);
			if (wrong) fail(wrong);
			if (!quoteSources.length) continue;
			for (const [, quoted] of spanish.matchAll(QUOTED))
				if (![english, ...quoteSources].some((s) => s.includes(quoted!)))
					fail(
						`quotes “${quoted}”, which is not in the English note nor in the document's quote; quotations stay as the document prints them`
					);
		}
	}

	/** The Spanish rows of `kind` keyed as `keyed` does, each checked beside its English row. */
	function matched<E, T extends { _row: number }>(
		kind: Kind,
		rows: T[],
		key: (r: T) => string,
		english: E[],
		englishKey: (e: E) => string,
		what: string,
		check: (e: E, s: T) => void
	): Map<string, T> {
		const out = keyed(kind, rows, key, english.map(englishKey), what);
		for (const e of english) {
			const s = out.get(englishKey(e));
			if (s) check(e, s);
		}
		return out;
	}

	const measures = matched(
		'measures',
		parsed.measures.rows,
		(r) => r.measure,
		en.measures,
		(m) => m.measure,
		'the measure',
		(m, s) =>
			sameCells('measures', s._row, [
				['label', m.label, s.label],
				['counts', m.counts, s.counts],
				['of_whom', m.of_whom, s.of_whom]
			])
	);
	const labels = [...measures.values()].map((m) => m.label);
	if (new Set(labels).size < labels.length)
		problems.push({
			file: ES_FILES.measures,
			row: null,
			column: 'label',
			message: 'two measures have the same Spanish label; each label must name one measure'
		});

	const figures = matched(
		'figures',
		parsed.figures.rows,
		(r) => r.figure_id,
		en.figures,
		(f) => f.figure_id,
		'the figure',
		(f, s) => {
		sameCells(
			'figures',
			s._row,
			[
				['note', f.note, s.note],
				['flag_note', f.flag_note, s.flag_note]
			],
			[f.quote]
		);
		const label = measures.get(f.measure)?.label;
		if (label !== undefined && s.indicator !== label)
			problems.push({
				file: ES_FILES.figures,
				row: s._row,
				column: 'indicator',
				message: `"${s.indicator}" is not the Spanish label of the measure ${f.measure} ("${label}"); expected it word for word`
			});
		}
	);

	const documents = matched(
		'documents',
		parsed.documents.rows,
		(r) => r.doc_id,
		en.documents,
		(d) => d.doc_id,
		'the document',
		(d, s) => {
			sameCells('documents', s._row, [
				['title', d.title, s.title],
				['short_title', d.short_title, s.short_title],
				['publisher', d.publisher, s.publisher],
				['place', d.place, s.place]
			]);
			sameCells('documents', s._row, [['note', d.note, s.note]], [d.note]);
		}
	);

	const derived = matched(
		'derived',
		parsed.derived.rows,
		(r) => r.derived_id,
		en.derived,
		(d) => d.derived_id,
		'the derived figure',
		(d, s) => sameCells('derived', s._row, [['note', d.note, s.note]], [d.note])
	);

	const places = keyed(
		'places',
		parsed.places.rows,
		(r) => placeKey(r.geo_code, r.geography_en),
		[...en.figures, ...en.derived].map((f) => placeKey(f.geo_code, f.geography)),
		'the place'
	);
	for (const p of places.values()) {
		const fail = (message: string) =>
			problems.push({ file: ES_FILES.places, row: p._row, column: 'geography', message });
		const wrong = spanishTextProblem(p.geography, idPrefixes);
		if (wrong) fail(wrong);
		const region = REGIONS[p.geo_code];
		const country = region ? undefined : countries.getName(p.geo_code, 'es');
		if (country && !p.geography.startsWith(SPANISH_COUNTRY_NAMES[p.geo_code] ?? country))
			fail(
				`"${p.geography}" does not start with the country's Spanish name, "${SPANISH_COUNTRY_NAMES[p.geo_code] ?? country}"`
			);
		const regionEs = regionName(p.geo_code, 'es');
		if (region && regionEs && p.geography_en === region && p.geography !== regionEs)
			fail(`"${p.geography}" is not the region's Spanish name, "${regionEs}"`);
	}

	const place = (code: string, geography: string) =>
		places.get(placeKey(code, geography))?.geography ?? geography;
	const tables: SpanishTables = {
		figures: en.figures.map((f) => {
			const s = figures.get(f.figure_id);
			return {
				...f,
				geography: place(f.geo_code, f.geography),
				...(s && { indicator: s.indicator, note: s.note, flag_note: s.flag_note })
			};
		}),
		documents: en.documents.map((d) => {
			const s = documents.get(d.doc_id);
			return s
				? {
						...d,
						title: s.title,
						short_title: s.short_title,
						publisher: s.publisher,
						place: s.place,
						note: s.note
					}
				: d;
		}),
		measures: en.measures.map((m) => {
			const s = measures.get(m.measure);
			return s ? { ...m, label: s.label, counts: s.counts, of_whom: s.of_whom } : m;
		}),
		derived: en.derived.map((d) => ({
			...d,
			geography: place(d.geo_code, d.geography),
			note: derived.get(d.derived_id)?.note ?? d.note
		}))
	};
	return { problems, tables };
}

/**
 * Country names where the glossary (messages/GLOSSARY.md) follows the United Nations' Spanish
 * rather than i18n-iso-countries.
 */
const SPANISH_COUNTRY_NAMES: Record<string, string> = { TTO: 'Trinidad y Tabago' };
