/**
 * verify:data's checks on what each figure is, each shown to fire on one cell of the real
 * curated data changed (and to stay quiet on the data as it is).
 */
import { readFileSync } from 'node:fs';
import { csvFormat, csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../src/lib/data/derived';
import { countryCodes } from '../../src/lib/data/node-files';
import { formatProblem } from '../../src/lib/data/parse-table';
import { validate } from '../../src/lib/data/validate';
import { publicTextProblem } from '../../src/lib/data/validate-meaning';

const real = {
	documents: readFileSync('data/documents.csv', 'utf8'),
	figures: readFileSync('data/figures.csv', 'utf8'),
	measures: readFileSync('data/measures.csv', 'utf8'),
	derived: readFileSync('data/derived.csv', 'utf8')
};
const countries = countryCodes();

/** Problems with one table changed; the quotes are checked elsewhere, so sources are left out. */
function problems(changed: Partial<typeof real> = {}) {
	const t = { ...real, ...changed };
	return validate({
		documentsCsv: t.documents,
		figuresCsv: t.figures,
		measuresCsv: t.measures,
		derivedCsv: t.derived,
		sources: null,
		countries
	}).problems.map(formatProblem);
}

/** The CSV with one cell of the row whose first column is `id` replaced. */
function edit(csv: string, id: string, column: string, value: string): string {
	const rows = csvParse(csv);
	const key = rows.columns[0]!;
	const row = rows.find((r) => r[key] === id);
	if (!row || !(column in row)) throw new Error(`no ${column} for ${id}`);
	row[column] = value;
	return csvFormat(rows, rows.columns) + '\n';
}
const figure = (id: string, column: string, value: string) => ({
	figures: edit(real.figures, id, column, value)
});

describe('verify:data on what a figure is', () => {
	it('accepts the curated data as it is', () => {
		expect(problems()).toEqual([]);
	});

	it('requires a listed measure whose label is the indicator, and a unit and kind that fit it', () => {
		expect(
			problems(figure('hc02-lac-emigrants-abroad', 'measure', 'emigrants-everywhere'))
		).toEqual([
			expect.stringContaining('measure: "emigrants-everywhere" is not in measures.csv'),
			// It was the measure's only figure.
			expect.stringContaining('measure: "emigrants-abroad" is used by no figure')
		]);
		expect(problems(figure('hc02-lac-emigrants-abroad', 'indicator', 'Emigrants'))).toEqual([
			expect.stringContaining(
				'indicator: "Emigrants" is not the label of its measure "emigrants-abroad"'
			)
		]);
		expect(problems(figure('hc02-lac-emigrants-abroad', 'kind', 'share'))).toEqual([
			expect.stringContaining('kind: "share" does not fit the measure "emigrants-abroad" (people)')
		]);
	});

	it('keeps plans and achievements in separate measures', () => {
		const m = problems(figure('cim06-blz-police-cascade-trained-2006', 'kind', 'target'));
		expect(m).toEqual([expect.stringContaining('measure: mixes targets with count')]);
	});

	it('checks the reference time against the printed period and the document’s date', () => {
		expect(
			problems(figure('iom06-hnd-returnees-assisted-2005', 'period_basis', 'implied'))
		).toEqual([
			expect.stringContaining('period_basis: is "implied" but the period 2005 is printed')
		]);
		expect(
			problems(figure('iom06-hnd-returnees-so-far-this-year', 'period_basis', 'stated'))
		).toEqual([expect.stringContaining('is "stated" but no period is printed')]);
		expect(problems(figure('hc02-lac-emigrants-abroad', 'ref_period', '2001'))).toEqual([
			expect.stringContaining("a figure dated by its document refers to the document's year, 2002")
		]);
		expect(problems(figure('hc02-lac-emigrants-abroad', 'ref_period', ''))[0]).toContain(
			'ref_period: is empty; expected a value'
		);
	});

	it('requires the primary topic first, known topics, once each', () => {
		const sexual = 'hc02-lac-sexually-exploited-children';
		expect(problems(figure(sexual, 'topics', 'trafficking_victims;violence_abuse'))).toEqual([
			expect.stringContaining(
				'topics: starts with "trafficking_victims"; expected the primary topic "violence_abuse" first'
			)
		]);
		expect(problems(figure(sexual, 'topics', 'violence_abuse; trafficking_victims'))[0]).toContain(
			'separated by ";" without spaces'
		);
		expect(problems(figure(sexual, 'topics', 'violence_abuse;violence_abuse'))[0]).toContain(
			'names the same item twice'
		);
	});

	it('requires a sentence for every warning, and “no source” exactly where the text gives an unnamed estimate', () => {
		expect(problems(figure('hc02-lam-remittances-share-gdp-2001', 'flag_note', ''))).toEqual([
			expect.stringContaining('flag_note: is empty; a flagged figure needs a sentence')
		]);
		expect(problems(figure('hc02-lam-remittances-2001', 'flag_note', 'A doubt.'))).toEqual([
			expect.stringContaining('flag: is empty but flag_note is filled')
		]);
		expect(problems(figure('hc02-lac-emigrants-abroad', 'flag', ''))).toEqual([
			expect.stringContaining('flag_note is filled'),
			expect.stringContaining('the quote gives an estimate and names no source')
		]);
		expect(problems(figure('hc02-wld-migrants-175m-un', 'attributed_to', ''))).toEqual([
			expect.stringContaining('expected "no_source" among the warnings')
		]);
		expect(
			problems(figure('hc02-wld-migrants-175m-un', 'flag', 'no_source')).filter((m) =>
				/says no source/.test(m)
			)
		).toHaveLength(1);
		expect(problems(figure('hc02-lac-emigrants-abroad', 'flag', 'wrong'))[0]).toContain(
			'"wrong" in "wrong" is not a known code'
		);
	});

	it('refuses curators’ shorthand and figure ids in public text', () => {
		expect(
			problems(
				figure(
					'iom06-hnd-returnees-so-far-this-year-women',
					'note',
					'Year-to-date count, left empty per brief.'
				)
			)
		).toEqual([expect.stringContaining('note: uses the curators\' shorthand "left empty"')]);
		// The defect the independent check found: a note naming an id, and one that does not exist.
		expect(
			problems(
				figure('hld13-rcm-crm-first-15-years', 'note', 'Restates hld13-nca-crm-years-of-existence.')
			)
		).toEqual([expect.stringContaining('names "hld13-nca-crm-years-of-existence" by its id')]);
		expect(publicTextProblem('A two-day seminar, year-to-date.', new Set(['hc02']))).toBeNull();
		expect(publicTextProblem('TODO: check', new Set())).toMatch(/shorthand "TODO"/);
	});

	it('requires every measure to be used and each label once', () => {
		const unused =
			real.measures.trimEnd() + '\nnever-used,Never used,nothing,no one,moment,people\n';
		expect(problems({ measures: unused })).toEqual([
			expect.stringContaining('measure: "never-used" is used by no figure')
		]);
		const twice = edit(real.measures, 'hispanic-population', 'label', 'Intraregional migrants');
		expect(problems({ measures: twice })).toEqual(
			expect.arrayContaining([
				expect.stringContaining('label: "Intraregional migrants" is also the label')
			])
		);
	});
});

describe('verify:data on numbers the text implies', () => {
	const argentina = 'hc02-implied-arg-european-immigrants';
	const derived = (column: string, value: string) => ({
		derived: edit(real.derived, argentina, column, value)
	});

	it('recomputes each derived figure from its inputs', () => {
		expect(problems(derived('value', '5500001'))).toEqual([
			expect.stringContaining(
				'value: is 5500001; share_of of hc02-arg-european-immigrants-share-1850-1949 and hc02-lac-european-immigrants-1850-1949 gives 5500000'
			)
		]);
		// A changed input changes the product: the derived row must follow.
		expect(problems(figure('hc02-lac-european-immigrants-1850-1949', 'value', '12000000'))).toEqual(
			expect.arrayContaining([expect.stringContaining('derived.csv, row 2, value: is 5500000;')])
		);
		expect(problems(derived('qualifier', 'about'))).toEqual([
			expect.stringContaining('qualifier: is about; share_of of')
		]);
	});

	it('takes place and time from the share it applies, and its words from the quotes', () => {
		expect(problems(derived('geo_code', 'BRA'))).toEqual([
			expect.stringContaining('geo_code: is "BRA"; expected "ARG"')
		]);
		expect(problems(derived('formula_text', 'half × 12 million'))).toEqual([
			expect.stringContaining(
				'"12 million" is not in the quote of hc02-lac-european-immigrants-1850-1949'
			)
		]);
		expect(
			problems(
				derived(
					'inputs',
					'hc02-lac-european-immigrants-1850-1949;hc02-arg-european-immigrants-share-1850-1949'
				)
			)
		).toEqual(
			expect.arrayContaining([
				expect.stringContaining('its first input is in persons; expected a share in percent')
			])
		);
		expect(problems(derived('derived_id', 'hc02-lac-emigrants-abroad'))[0]).toContain(
			'is also a figure_id'
		);
	});

	it('combines qualifiers only where the product can be printed', () => {
		const share = { value: 50, low: null, high: null, unit: 'percent' as const };
		const total = { value: 28e6, low: null, high: null, unit: 'persons' as const };
		expect(
			computeDerived('share_of', [
				{ ...share, qualifier: 'exact' },
				{ ...total, qualifier: 'about' }
			])
		).toEqual({
			value: 14e6,
			low: null,
			high: null,
			qualifier: 'about',
			unit: 'persons'
		});
		expect(
			computeDerived('share_of', [
				{ ...share, qualifier: 'more_than' },
				{ ...total, qualifier: 'about' }
			])
		).toEqual({
			error: 'a "more_than" share of a "about" total has no printable qualifier'
		});
		expect(
			computeDerived('share_of', [
				{ ...share, qualifier: 'exact' },
				{ value: null, low: 2e6, high: 25e5, unit: 'persons', qualifier: 'range' }
			])
		).toMatchObject({ low: 1e6, high: 1.25e6, qualifier: 'range' });
	});
});
