/**
 * The build carries what each figure is: every served column, a reference time for every
 * figure, and numbers the text implies kept out of the figures table and its downloads.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { splitList } from '../../src/lib/data/meaning';
import { validateDataDir } from '../../src/lib/data/node-files';
import { SITE_COLUMNS, type SiteFigure } from '../../src/lib/data/site-table';
import { toSiteDerived, toSiteFigures } from '../../src/lib/build-data/site-rows';
import { syntheticFigures } from '../../src/lib/data/synthetic';

const served = JSON.parse(readFileSync('static/data/figures.json', 'utf8')) as SiteFigure[];
const names = SITE_COLUMNS.map(([n]) => n);

describe('the served table', () => {
	it('has every column, the meaning columns among them, in the JSON and the CSV alike', () => {
		for (const column of [
			'kind',
			'measure',
			'ref_period',
			'period_basis',
			'topics',
			'flag',
			'flag_note',
			'ref_start',
			'ref_end'
		])
			expect(names).toContain(column);
		for (const f of served) expect(Object.keys(f)).toEqual(names);
		expect(csvParse(readFileSync('static/data/figures.csv', 'utf8')).columns).toEqual(names);
	});

	it('gives every figure a reference time, so a years view can show them all', () => {
		expect(served.length).toBeGreaterThan(100);
		for (const f of served) {
			expect(f.ref_start, f.figure_id).not.toBeNull();
			expect(f.ref_end! >= f.ref_start!, f.figure_id).toBe(true);
		}
		// Two thirds had no printed period; they keep it empty, as printed.
		expect(served.filter((f) => f.period === '').length).toBeGreaterThan(served.length / 2);
	});

	it('serves the primary topic first in topics, and the flagged figures with their sentence', () => {
		for (const f of served) expect(splitList(f.topics)[0]).toBe(f.topic);
		const flagged = served.filter((f) => f.flag);
		expect(flagged.every((f) => f.flag_note.length > 20)).toBe(true);
		expect(
			served
				.filter((f) => splitList(f.flag).includes('looks_wrong'))
				.map((f) => f.figure_id)
				.sort()
		).toEqual([
			'hc02-amr-trafficking-victims-2001-tip',
			'hc02-lam-intraregional-migrants-share-1990',
			'hc02-lam-remittances-share-gdp-2001'
		]);
	});

	it('leaves the numbers the text only implies out of the figures table and its downloads', () => {
		const r = validateDataDir();
		const derivedIds = r.derived.map((d) => d.derived_id);
		expect(derivedIds.length).toBeGreaterThan(0);
		for (const file of ['figures.json', 'figures.csv'])
			for (const id of derivedIds)
				expect(readFileSync(`static/data/${file}`, 'utf8')).not.toContain(id);
		const derived = JSON.parse(readFileSync('static/data/derived.json', 'utf8'));
		expect(derived).toEqual(toSiteDerived(r.derived, toSiteFigures(r.figures, r.documents)));
		expect(derived[0]).toMatchObject({ doc_short_title: 'Hemispheric Conference 2002', line: 328 });
	});
});

describe('the synthetic table', () => {
	it('gives each row its new topic as its only one, and shifts its reference years with its period', () => {
		const rows = syntheticFigures(served, 300);
		const bases = [...served].sort((a, b) => (a.figure_id < b.figure_id ? -1 : 1));
		for (const [i, f] of rows.entries()) {
			const base = bases[i % bases.length]!;
			expect(f.topics).toBe(f.topic);
			expect(f.ref_start! - base.ref_start!).toBe((i % 21) - 10);
			if (base.period_start !== null)
				expect(f.period_start! - base.period_start).toBe((i % 21) - 10);
		}
	});
});
