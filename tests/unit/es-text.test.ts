/**
 * The data's own words in Spanish (`data/es/`) are checked like the data: every row has its
 * Spanish and every Spanish row a row of the data, quotations stay as printed, and the Spanish
 * tables are the English rows with those words in Spanish, every number and code the same.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../src/lib/data/csv';
import { ES_FILES, validateSpanish, type EnglishTables } from '../../src/lib/data/es-text';
import { validateDataDir } from '../../src/lib/data/node-files';

type Files = Parameters<typeof validateSpanish>[1];

let en: EnglishTables;
let files: Files;

beforeAll(() => {
	const r = validateDataDir();
	expect(r.problems.filter((p) => p.file.startsWith('data/es/'))).toEqual([]);
	en = r;
	files = Object.fromEntries(
		Object.entries(ES_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')])
	) as Files;
});

/** A Spanish file with `edit` applied to its rows. */
function edited(
	kind: keyof Files,
	edit: (rows: Record<string, string>[]) => Record<string, string>[]
): Files {
	const t = readCsv(files[kind]);
	const rows = t.records.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.fields[i]!])));
	return { ...files, [kind]: writeCsv(t.header, edit(rows)) };
}

const messages = (f: Files) =>
	validateSpanish(en, f).problems.map((p) => `${p.file}: ${p.message}`);

describe('the Spanish files', () => {
	it('cover every row of the data, and nothing else', () => {
		expect(messages(files)).toEqual([]);
		expect(messages(edited('figures', (rows) => rows.slice(1)))).toEqual([
			`data/es/figures.csv: the figure "${en.figures[0]!.figure_id}" has no Spanish text; add its row`
		]);
		const stray = messages(
			edited('measures', (rows) => [...rows, { ...rows[0]!, measure: 'no-such-measure' }])
		);
		expect(stray).toEqual([
			'data/es/measures.csv: "no-such-measure" is not the measure of the data; remove the row or correct its key'
		]);
		expect(messages(edited('places', (rows) => rows.slice(0, -1)))).toHaveLength(1);
		expect(messages(edited('documents', (rows) => [...rows, rows[0]!]))).toEqual([
			`data/es/documents.csv: "${en.documents[0]!.doc_id}" is listed twice`
		]);
	});

	it('have text exactly where the English has, and the measure’s label as the indicator', () => {
		const id = en.figures.find((f) => f.note)!.figure_id;
		expect(
			messages(
				edited('figures', (rows) => rows.map((r) => (r.figure_id === id ? { ...r, note: '' } : r)))
			)
		).toEqual([expect.stringContaining('is empty; expected the Spanish')]);
		expect(
			messages(
				edited('figures', (rows) =>
					rows.map((r) => (r.figure_id === id ? { ...r, indicator: 'Otra cosa' } : r))
				)
			)
		).toEqual([expect.stringContaining('is not the Spanish label of the measure')]);
	});

	it('keep quotations as the document prints them', () => {
		const f = en.figures.find((x) => x.figure_id === 'hc02-lac-european-immigrants-1850-1949')!;
		const translated = edited('figures', (rows) =>
			rows.map((r) =>
				r.figure_id === f.figure_id
					? { ...r, note: r.note!.replace('“between the second half', '“entre la segunda mitad') }
					: r
			)
		);
		expect(messages(translated)).toEqual([
			expect.stringContaining('quotations stay as the document prints them')
		]);
	});

	it('name countries and regions as the Spanish site does', () => {
		const place = (geography: string, es: string) =>
			messages(
				edited('places', (rows) =>
					rows.map((r) => (r.geography_en === geography ? { ...r, geography: es } : r))
				)
			);
		expect(place('Brazil', 'Brazil')).toEqual([expect.stringContaining('"Brasil"')]);
		expect(place('Latin America', 'Latinoamérica')).toEqual([
			expect.stringContaining('"América Latina"')
		]);
		expect(place('Mexico (southern border)', 'México (frontera sur)')).toEqual([]);
	});

	it('refuse curators’ shorthand, but not the Spanish word “todo”', () => {
		const with_ = (note: string) =>
			messages(edited('derived', (rows) => rows.map((r, i) => (i === 0 ? { ...r, note } : r))));
		expect(with_('TODO: traducir')).toEqual([expect.stringContaining('shorthand')]);
		expect(with_('Todo el crecimiento; no imprime el producto.')).toEqual([]);
	});
});

describe('the Spanish tables', () => {
	it('are the English rows with the data’s own words in Spanish, every number and code the same', () => {
		const { tables } = validateSpanish(en, files);
		const translated = new Set(['indicator', 'note', 'flag_note', 'geography']);
		tables.figures.forEach((s, i) => {
			const e = en.figures[i]!;
			for (const [k, v] of Object.entries(e))
				if (!translated.has(k)) expect(s[k as keyof typeof s], `${e.figure_id}.${k}`).toEqual(v);
		});
		const remittances = tables.figures.find((f) => f.figure_id === 'hc02-lam-remittances-2001')!;
		expect(remittances.indicator).toBe('Remesas recibidas');
		expect(remittances.geography).toBe('América Latina (14 países)');
		expect(remittances.quote).toBe(
			en.figures.find((f) => f.figure_id === 'hc02-lam-remittances-2001')!.quote
		);
		const docs = new Map(tables.documents.map((d) => [d.doc_id, d]));
		expect(docs.get('eclac-hld-2013')!.short_title).toBe('Mensajes de la CEPAL 2013');
		expect(docs.get('eclac-hld-2013')!.original_language).toBe('es');
		expect(tables.derived.map((d) => d.formula_text)).toEqual(
			en.derived.map((d) => d.formula_text)
		);
	});

	it('follow the glossary: trafficking is trata, smuggling is tráfico ilícito de migrantes', () => {
		const { tables } = validateSpanish(en, files);
		const words = [
			...tables.measures.flatMap((m) => [m.label, m.counts, m.of_whom]),
			...tables.figures.flatMap((f) => [f.note, f.flag_note])
		].join('\n');
		expect(words).not.toMatch(/tráfico de personas/i);
		expect(words).toMatch(/trata de personas/);
		for (const m of tables.measures.filter((x) => /trafficking/.test(x.measure)))
			expect(`${m.label} ${m.counts}`, m.measure).toMatch(/trata/);
	});
});
