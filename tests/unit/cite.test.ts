import { describe, expect, it } from 'vitest';
import { citeDataset, citeFigure, citeView } from '../../src/lib/export/cite';
import type { DocumentRow } from '../../src/lib/data/schema';
import type { SiteFigure } from '../../src/lib/data/site-table';

const doc: DocumentRow = {
	doc_id: 'eclac-hld-2013',
	source_file: '004.txt',
	title: 'Messages from Latin America & the Caribbean',
	short_title: 'ECLAC messages 2013',
	publisher: 'ECLAC and IOM',
	date: '2013-09-26',
	place: 'Santiago, Chile',
	symbol: 'LC/L.3702',
	language: 'en',
	original_language: 'es',
	note: ''
};
const fig = { figure_id: 'hld13-x', line: 42, section: 'Remittances' } as SiteFigure;
const day = new Date('2026-11-23T12:00:00Z');
const v = { version: '2026-12-06.7d89844b', date: '2026-12-06', hash: '7d89844b' };

describe('citations', () => {
	it('cite a figure to its document, line and section, found through the site', () => {
		const c = citeFigure(fig, doc, 'https://example.org/figure/hld13-x', day, v);
		expect(c.apa).toBe(
			'ECLAC and IOM. (2013). Messages from Latin America & the Caribbean (LC/L.3702). Santiago, Chile. Quoted at line 42, “Remittances”, via Cifras (data version 2026-12-06.7d89844b), retrieved 23 November 2026, from https://example.org/figure/hld13-x'
		);
		expect(c.chicago).toContain(
			'ECLAC and IOM. 2013. Messages from Latin America & the Caribbean. LC/L.3702.'
		);
		expect(c.bibtex).toMatch(/^@techreport\{eclachld2013hld13x,/);
		expect(c.bibtex).toContain('title = {{Messages from Latin America \\& the Caribbean}}');
		expect(c.bibtex).toContain('number = {LC/L.3702}');
	});

	it('cite a view with its filters and the dataset with its address', () => {
		expect(
			citeView('https://example.org/?topic=labour', '6 figures; topic: Labour', day, v).apa
		).toContain(
			'(Version 2026-12-06.7d89844b) [Data set; view: 6 figures; topic: Labour]. Retrieved 23 November 2026, from https://example.org/?topic=labour'
		);
		const d = citeDataset('https://example.org/', day, v);
		expect(d.apa).toMatch(
			/^Cifras\. \(2026\)\. .* \(Version 2026-12-06\.7d89844b\) \[Data set\]\./
		);
		expect(d.bibtex).toContain('version = {2026-12-06.7d89844b}');
		expect(d.bibtex).toContain('howpublished = {\\url{https://example.org/}}');
		expect(d.chicago).toContain('Accessed 23 November 2026. https://example.org/.');
	});

	it('write APA and Chicago in Spanish on the Spanish site, and BibTeX as in English', () => {
		const flagged = { ...fig, flag: 'looks_wrong' } as SiteFigure;
		const en = citeFigure(flagged, doc, 'https://example.org/figure/hld13-x', day, v, 'en');
		const es = citeFigure(flagged, doc, 'https://example.org/es/figure/hld13-x', day, v, 'es');
		expect(es.apa).toBe(
			'ECLAC and IOM. (2013). Messages from Latin America & the Caribbean (LC/L.3702). Santiago, Chile. Citado en la línea 42, “Remittances”, a través de Cifras (versión de los datos 2026-12-06.7d89844b). Recuperado el 23 de noviembre de 2026, de https://example.org/es/figure/hld13-x Advertencia de Cifras: parece errónea tal como está impresa.'
		);
		expect(es.chicago).toContain('consultado el 23 de noviembre de 2026, https://example.org/es/');
		expect(en.apa).toContain(
			'retrieved 23 November 2026, from https://example.org/figure/hld13-x Cifras notes: looks wrong as printed.'
		);
		expect(es.bibtex).toBe(en.bibtex.replace('/figure/', '/es/figure/'));
		const d = citeDataset('https://example.org/es/', day, v, 'es');
		expect(d.apa).toMatch(
			/^Cifras\. \(2026\)\. .* \(Versión 2026-12-06\.7d89844b\) \[Conjunto de datos\]\. Recuperado el 23 de noviembre de 2026, de https:\/\/example\.org\/es\/$/
		);
		expect(d.chicago).toContain('Consultado el 23 de noviembre de 2026. https://example.org/es/.');
		expect(
			citeView('https://example.org/es/?topic=labour', '6 cifras; tema: Trabajo', day, v, 'es').apa
		).toContain(
			'[Conjunto de datos; vista: 6 cifras; tema: Trabajo]. Recuperado el 23 de noviembre de 2026, de'
		);
	});
});
