import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv, toJson } from '../../src/lib/export/formats';
import { SITE_COLUMNS, type SiteFigure } from '../../src/lib/data/site-table';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';

const row = (p: Partial<SiteFigure>): SiteFigure =>
	({
		...Object.fromEntries(SITE_COLUMNS.map(([n, t]) => [n, t === 'VARCHAR' ? '' : null])),
		...p
	}) as SiteFigure;

describe('exports', () => {
	it('name the file after what was filtered', () => {
		expect(exportFileName(EMPTY_SELECTION, 'csv')).toBe('cifras-figures-all.csv');
		expect(
			exportFileName(
				{
					...EMPTY_SELECTION,
					topics: ['remittances'],
					geos: ['CAN', 'MEX'],
					years: [1990, 2001],
					q: 'Niños “deported”'
				},
				'parquet'
			)
		).toBe('cifras-figures-topic-remittances-geo-can-mex-1990-2001-search-ninos-deported.parquet');
	});

	it('write RFC 4180 CSV: CRLF, quoted commas and quotes, empty for missing, plain numbers', () => {
		const csv = toCsv([
			row({ figure_id: 'a', quote: 'He said "20 million", then left', value: 20000000, line: 7 }),
			row({ figure_id: 'b', quote: '=HYPERLINK("x")', low: 0.5, high: 1234567.25 })
		]);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(4);
		expect(csv).toContain('"He said ""20 million"", then left"');
		expect(csv).toContain(',20000000,');
		expect(csv).toContain(',1234567.25,');
		const parsed = csvParse(csv);
		expect(parsed[0]!.quote).toBe('He said "20 million", then left');
		expect(parsed[1]!.value).toBe('');
		expect(parsed.columns).toEqual(SITE_COLUMNS.map(([n]) => n));
	});

	it('write JSON with every column and nulls kept', () => {
		const [r] = JSON.parse(toJson([row({ figure_id: 'a', value: 3 })])) as Record<
			string,
			unknown
		>[];
		expect(Object.keys(r!)).toEqual(SITE_COLUMNS.map(([n]) => n));
		expect(r!.low).toBeNull();
		expect(r!.value).toBe(3);
	});
});

describe('chart image text', () => {
	it('wraps the source line at spaces without losing a word', async () => {
		// The image's source line is wrapped by the charts' own measure of text.
		const { textWidth, wrapText } = await import('../../src/lib/charts/text-width');
		const text =
			'Source: Cifras — figures as printed in five reports, 2002–2013; each links to its quote.';
		const lines = wrapText(text, 180, 11);
		expect(lines.join(' ')).toBe(text);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(180);
		expect(wrapText('short', 180, 11)).toEqual(['short']);
	});
});
