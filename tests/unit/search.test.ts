/**
 * The search's folding: `fold` in TypeScript (the words typed, and the instant engine's text)
 * and `strip_accents(lower(…))` in DuckDB (the table's text) must give the same text, or one
 * engine would find what the other does not.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/lib/data/node-files';
import { SITE_COLUMNS, type SiteFigure } from '../../src/lib/data/site-table';
import { toSiteFigures, withOtherLanguage } from '../../src/lib/build-data/site-rows';
import {
	SEARCH_FIELDS,
	SEARCH_TOPIC_LABELS,
	fold,
	searchText,
	searchWords
} from '../../src/lib/queries/filters';
import { SEARCH_TEXT_SQL, sqlLiteral } from '../../src/lib/queries/sql';

/** The English edition's rows, as the build serves them (with the Spanish words). */
let figures: SiteFigure[];
/** The Spanish edition's rows (with the English words). */
let spanish: SiteFigure[];
let db: DuckDBConnection;

beforeAll(async () => {
	const r = validateDataDir();
	const en = toSiteFigures(r.figures, r.documents);
	const es = toSiteFigures(r.es.figures, r.es.documents);
	figures = withOtherLanguage(en, es);
	spanish = withOtherLanguage(es, en);
	db = await (await DuckDBInstance.create(':memory:')).connect();
});

/** DuckDB's fold of each text, in order. */
async function duckFold(texts: string[]): Promise<string[]> {
	const values = texts.map((t, i) => `(${i}, ${sqlLiteral(t)})`).join(', ');
	const reader = await db.runAndReadAll(
		`SELECT strip_accents(lower(t)) AS f FROM (VALUES ${values}) v(i, t) ORDER BY i`
	);
	return reader.getRowObjectsJS().map((r) => r.f as string);
}

describe('fold', () => {
	it('lowercases and takes the accents off', () => {
		expect(fold('Martínez')).toBe('martinez');
		expect(fold('MÉXICO')).toBe('mexico');
		expect(fold('Ñandú PINGÜINO São Tomé Cañón')).toBe('nandu pinguino sao tome canon');
		// Already decomposed: a letter followed by a combining acute accent.
		expect(fold('Jose\u0301')).toBe('jose');
	});

	it('leaves letters without a decomposition, and punctuation, as they are', () => {
		expect(fold('Øresund Łódź straße Æ')).toBe('øresund łodz straße æ');
		expect(fold('13% a_b “quoted” — –')).toBe('13% a_b “quoted” — –');
	});

	it('folds as DuckDB does where JavaScript alone would not', () => {
		// JavaScript writes a final sigma at a word's end; DuckDB's lower() never does.
		expect(fold('ΟΔΟΣ')).toBe('οδοσ');
		// strip_accents composes again: a Hangul syllable stays one character.
		expect(fold('한국')).toBe('한국');
	});

	it('gives what DuckDB gives for every Latin, Greek and Cyrillic character', async () => {
		const chars: string[] = [];
		for (let c = 0x20; c <= 0x4ff; c++) if (c !== 0x7f) chars.push(String.fromCodePoint(c));
		const got = await duckFold(chars);
		const differ = chars.filter((c, i) => fold(c) !== got[i]);
		expect(differ).toEqual([]);
	});

	it('gives what DuckDB gives for every text the search looks in', async () => {
		const texts = [
			...new Set([...figures, ...spanish].flatMap((f) => SEARCH_FIELDS.map((c) => f[c]))),
			...SEARCH_TOPIC_LABELS.map(([, label]) => label)
		];
		const got = await duckFold(texts);
		expect(texts.filter((t, i) => fold(t) !== got[i])).toEqual([]);
	});
});

describe('search text', () => {
	it('splits a search into folded words', () => {
		expect(searchWords('  Martínez\tMÉXICO  13% ')).toEqual(['martinez', 'mexico', '13%']);
		expect(searchWords('   ')).toEqual([]);
	});

	it("holds every search field and its topics' labels in both languages, one a line, but not the document's title", () => {
		const f = figures.find((d) => d.topics === 'violence_abuse;trafficking_victims')!;
		const lines = searchText(f).split('\n');
		// The other language's words are three lines of their own.
		expect(lines).toHaveLength(SEARCH_FIELDS.length - 1 + 3 + 4);
		expect(lines).toContain('trafficking victims');
		expect(lines).toContain('violence and abuse');
		expect(lines).toContain('victimas de trata');
		expect(lines).toContain('violencia y abusos');
		expect(lines).toContain(fold(f.doc_short_title));
		expect(lines).not.toContain(fold(f.doc_title));
		expect(lines).not.toContain('trafficking_victims');
	});

	it.each(['English', 'Spanish'])(
		'is the same text in SQL, character for character, for every figure of the %s edition',
		async (edition) => {
			const rows = edition === 'English' ? figures : spanish;
			await load(rows);
			// An empty cell of a user's file may come as NULL: it is an empty line, as ''.
			await db.run(`UPDATE figures SET note = NULL WHERE note = ''`);
			await db.run(`UPDATE figures SET other_language_text = NULL WHERE figure_id LIKE 'hld13%'`);
			const reader = await db.runAndReadAll(
				`SELECT figure_id, ${SEARCH_TEXT_SQL} AS t FROM figures ORDER BY source_order`
			);
			const got = reader.getRowObjectsJS();
			expect(got.map((r) => r.figure_id)).toEqual(rows.map((f) => f.figure_id));
			const asLoaded = rows.map((f) =>
				f.figure_id.startsWith('hld13') ? { ...f, other_language_text: '' } : f
			);
			expect(got.map((r) => r.t)).toEqual(asLoaded.map(searchText));
		}
	);
});

/** The rows as the table `figures` in DuckDB. */
async function load(rows: SiteFigure[]) {
	const types = SITE_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ');
	await db.run(`CREATE OR REPLACE TABLE figures (${types})`);
	const value = (v: unknown) => (v === null ? 'NULL' : sqlLiteral(v as string | number));
	await db.run(
		`INSERT INTO figures VALUES ${rows
			.map((f) => `(${SITE_COLUMNS.map(([n]) => value(f[n])).join(', ')})`)
			.join(', ')}`
	);
}

/** The ids of the figures a search finds, on each engine: the instant engine's text and DuckDB's. */
async function found(
	rows: SiteFigure[],
	q: string
): Promise<{ instant: string[]; duckdb: string[] }> {
	const words = searchWords(q);
	const instant = rows
		.filter((f) => {
			const t = searchText(f);
			return words.every((w) => t.includes(w));
		})
		.map((f) => f.figure_id);
	await load(rows);
	const reader = await db.runAndReadAll(
		`SELECT figure_id FROM figures WHERE ${words.map((w) => `contains(${SEARCH_TEXT_SQL}, ${sqlLiteral(w)})`).join(' AND ')} ORDER BY source_order`
	);
	return { instant, duckdb: reader.getRowObjectsJS().map((r) => r.figure_id as string) };
}

describe('a search in either language, on either edition', () => {
	const topicOf = (rows: SiteFigure[], topic: string) =>
		rows.filter((f) => f.topics.split(';').includes(topic)).map((f) => f.figure_id);

	it.each(['English', 'Spanish'])(
		'finds the remittances, the trafficking, the migrants and ECLAC in Spanish on the %s edition, alike on both engines',
		async (edition) => {
			const rows = edition === 'English' ? figures : spanish;
			for (const [q, expectSome] of [
				['remesas', topicOf(rows, 'remittances')],
				['REMESAS', topicOf(rows, 'remittances')],
				[
					'trata',
					[...topicOf(rows, 'trafficking_victims'), ...topicOf(rows, 'trafficking_networks')]
				],
				['migrantes', topicOf(rows, 'smuggling')],
				['CEPAL', rows.filter((f) => f.doc_id === 'eclac-hld-2013').map((f) => f.figure_id)]
			] as const) {
				const got = await found(rows, q);
				expect(got.duckdb, q).toEqual(got.instant);
				for (const id of expectSome) expect(got.instant, `${q} finds ${id}`).toContain(id);
			}
		}
	);

	it('finds the same figures on both editions, for words of either language, accents or not, notes aside', async () => {
		// A note is searched in its edition's language only (see `other_language_text`).
		const noNotes = (rows: SiteFigure[]) => rows.map((f) => ({ ...f, note: '' }));
		for (const q of [
			'remesas',
			'remittances',
			'trata',
			'trafficking',
			'migrantes',
			'migrants',
			'CEPAL',
			'ECLAC',
			'Mexico',
			'México',
			'mexico frontera',
			'victimas',
			'Haití'
		]) {
			const en = await found(noNotes(figures), q);
			const es = await found(noNotes(spanish), q);
			expect(es.instant, q).toEqual(en.instant);
			expect(es.duckdb, q).toEqual(en.duckdb);
			expect(en.duckdb, q).toEqual(en.instant);
			expect(en.instant.length, `${q} finds something`).toBeGreaterThan(0);
		}
	});

	it('finds migrant figures of every kind by “migrantes”, not only smuggling', async () => {
		const { instant } = await found(figures, 'migrantes');
		const topics = new Set(
			figures.filter((f) => instant.includes(f.figure_id)).flatMap((f) => f.topics.split(';'))
		);
		for (const t of ['migrant_stock', 'smuggling', 'return_assistance', 'violence_abuse'])
			expect(topics, t).toContain(t);
	});

	it('still does not look in the Spanish title or publisher of a document', async () => {
		// “Informe de relatoría” and “Rapporteur’s report” are only in the 2013 document's titles.
		for (const rows of [figures, spanish]) {
			expect((await found(rows, 'relatoria')).instant).toEqual([]);
			expect((await found(rows, 'rapporteur')).instant).toEqual([]);
		}
	});
});
