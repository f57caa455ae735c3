import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnDocs, parseDictionary, sectionsOutside } from '../../src/lib/data/dictionary';
import { UNCURATED_REASONS } from '../../src/lib/data/uncurated';
import { extraLabel, markLabel, numberTitle, reasonWords } from '../../src/lib/reader/words';
import { overwriteGetLocale, type Locale } from '../../src/lib/paraglide/runtime';

const inLocale = <T>(locale: Locale, f: () => T): T => {
	overwriteGetLocale(() => locale);
	try {
		return f();
	} finally {
		overwriteGetLocale(() => 'en');
	}
};

const fig = {
	value: 20_000_000,
	low: null,
	high: null,
	qualifier: 'about' as const,
	unit: 'persons' as const,
	indicator: 'Emigrants',
	geography: 'Spain'
};

describe("the reader's words in both languages", () => {
	it('names marks, extra marks and numbers in English as before', () => {
		expect(markLabel(fig, '20 million')).toBe('about 20 million persons — figure: Emigrants');
		expect(extraLabel(fig)).toBe(
			'about 20 million persons — figure: Emigrants (Spain), stated by the same words'
		);
		expect(numberTitle('date', '')).toBe('Not a figure: date');
		expect(numberTitle('to_curate', 'a note')).toBe(
			'Not curated yet (it should be a figure) — a note'
		);
	});

	it('names them in Spanish on the Spanish site', () => {
		inLocale('es', () => {
			expect(markLabel(fig, '20 million')).toBe(
				'“20 million”: alrededor de 20 millones de personas — cifra: Emigrants'
			);
			expect(numberTitle('meeting_logistics', '')).toBe('No es una cifra: logística de la reunión');
		});
	});

	it('has every reason in both languages ("ordinal" is Spanish too; what it means is not)', () => {
		for (const r of UNCURATED_REASONS) {
			const es = reasonWords(r, 'es');
			expect(es.one && es.many).toBeTruthy();
			expect(es.means).not.toBe(reasonWords(r, 'en').means);
		}
	});
});

describe('the Spanish data dictionary', () => {
	const en = parseDictionary(readFileSync('data/README.md', 'utf8'));
	const es = parseDictionary(readFileSync('data/README.es.md', 'utf8'));

	it('explains every column the English one does, under the same English names', () => {
		const byTable = columnDocs(en);
		const names = new Set(
			es.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r[0]?.[0]?.text ?? '') : []))
		);
		for (const column of [...Object.keys(byTable.documents), ...Object.keys(byTable.figures)])
			expect(names, column).toContain(column);
	});

	it('leaves the sections it does not translate to the English original', () => {
		const rest = sectionsOutside(en, ['documents-csv', 'figures-csv']);
		const ids = rest.filter((b) => b.kind === 'h2').map((b) => (b.kind === 'h2' ? b.id : ''));
		expect(ids).not.toContain('documents-csv');
		expect(ids).not.toContain('figures-csv');
		expect(ids).toContain('measures-csv');
		expect(rest[0]?.kind).toBe('h2');
	});
});
