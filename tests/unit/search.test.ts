/**
 * The search's folding: `fold` in TypeScript (the words typed, and the instant engine's text)
 * and `strip_accents(lower(…))` in DuckDB (the table's text) must give the same text, or one
 * engine would find what the other does not.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/lib/data/node-files';
import { TOPIC_LABELS } from '../../src/lib/data/schema';
import { SITE_COLUMNS, type SiteFigure } from '../../src/lib/data/site-table';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { SEARCH_FIELDS, fold, searchText, searchWords } from '../../src/lib/queries/filters';
import { SEARCH_TEXT_SQL, sqlLiteral } from '../../src/lib/queries/sql';

let figures: SiteFigure[];
let db: DuckDBConnection;

beforeAll(async () => {
	const r = validateDataDir();
	figures = toSiteFigures(r.figures, r.documents);
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
			...new Set(figures.flatMap((f) => SEARCH_FIELDS.map((c) => f[c]))),
			...Object.values(TOPIC_LABELS)
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

	it("holds every search field and the topic's label, one a line", () => {
		const f = figures.find(
			(d) => d.topic === 'trafficking_victims' && d.doc_id === 'hemispheric-2002'
		)!;
		const lines = searchText(f).split('\n');
		expect(lines).toHaveLength(SEARCH_FIELDS.length + 1);
		expect(lines).toContain('trafficking victims');
		expect(lines).toContain(fold(f.doc_title));
		expect(lines).toContain('eclac and iom');
		expect(lines).not.toContain('trafficking_victims');
	});

	it('is the same text in SQL, character for character, for every figure', async () => {
		const types = SITE_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ');
		await db.run(`CREATE OR REPLACE TABLE figures (${types})`);
		const value = (v: unknown) => (v === null ? 'NULL' : sqlLiteral(v as string | number));
		await db.run(
			`INSERT INTO figures VALUES ${figures
				.map((f) => `(${SITE_COLUMNS.map(([n]) => value(f[n])).join(', ')})`)
				.join(', ')}`
		);
		// An empty cell of a user's file may come as NULL: it is an empty line, as ''.
		await db.run(`UPDATE figures SET note = NULL WHERE note = ''`);
		const reader = await db.runAndReadAll(
			`SELECT figure_id, ${SEARCH_TEXT_SQL} AS t FROM figures ORDER BY source_order`
		);
		const got = reader.getRowObjectsJS();
		expect(got.map((r) => r.figure_id)).toEqual(figures.map((f) => f.figure_id));
		expect(got.map((r) => r.t)).toEqual(figures.map(searchText));
	});
});
