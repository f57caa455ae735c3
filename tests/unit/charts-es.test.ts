/** The charts' words in Spanish: what the cards, tables, source lines and embed snippets say on /es/. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS, FIGURES, editionTables } from '../../src/lib/data/bundled';
import { categoryBars } from '../../src/lib/charts/category-bars';
import { countTable, yearTable } from '../../src/lib/charts/data-table';
import {
	conflictText,
	groupComparable,
	unitHeading,
	unitSubtitle,
	verdictText
} from '../../src/lib/charts/compare-groups';
import { sourceLine } from '../../src/lib/export/source-line';
import { EMBED_HEIGHTS, embedHref, embedSnippet } from '../../src/lib/state/embed';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';
import { baseLocale, getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime';

const v = { version: '2026-12-06.7d89844b' };

describe('the charts in Spanish', () => {
	const before = getLocale;
	beforeAll(() => overwriteGetLocale(() => 'es'));
	afterAll(() => overwriteGetLocale(before));

	it('count bars in cifras, and say which is selected', () => {
		const { bars } = categoryBars(
			[
				{ key: 'remittances', n: 1 },
				{ key: 'labour', n: 12 }
			],
			{ order: ['remittances', 'labour'], labels: { remittances: 'Remesas' }, selected: ['labour'] }
		);
		expect(bars.map((b) => b.aria)).toEqual([
			'Remesas: 1 cifra',
			'labour: 12 cifras, seleccionado'
		]);
	});

	it('give an implied number the Spanish edition’s words beside the Spanish figures', () => {
		const es = editionTables('es');
		const g = groupComparable(es.FIGURES).find((x) =>
			x.figures.some((f) => f.figure_id === 'hc02-arg-european-immigrants')
		)!;
		const implied = g.figures.find((f) => 'derived' in f && f.derived)!;
		expect(implied.value).toBe(5_500_000);
		// Its document as the Spanish cards name it, and it joins the card of the Spanish indicator.
		expect(implied.doc_short_title).toBe('Conferencia Hemisférica 2002');
		expect(implied.indicator).toBe(g.indicator);
		expect(g.figures.filter((f) => !('derived' in f && f.derived)).length).toBeGreaterThan(0);
	});

	it('head the data tables in Spanish', () => {
		expect(countTable('Tema', [], [], {}).columns).toEqual(['Tema', 'Cifras']);
		expect(yearTable([]).columns).toEqual([
			'Año descrito',
			'Cifras',
			'Con fecha declarada en el texto'
		]);
	});

	it('say what a comparison is, and its units, in Spanish', () => {
		expect(unitSubtitle('persons')).toBe('Número de personas');
		expect(unitSubtitle('hectares')).toBe('En hectares');
		expect(unitHeading('months')).toBe('En meses');
		const g = groupComparable(FIGURES).find((x) =>
			x.figures.some((f) => f.figure_id === 'hc02-wld-migrants-175m-un')
		)!;
		expect(verdictText(g)).toBe('Las fuentes discrepan');
		const text = g.conflicts.map(conflictText).join(' ');
		expect(text).toContain(' frente a ');
		expect(text).toContain('línea');
	});

	it('write source lines in Spanish, the documents named as they are', () => {
		const hc = FIGURES.filter((f) => f.doc_id === 'hemispheric-2002');
		expect(sourceLine(hc, DOCUMENTS, v)).toMatch(
			/^Fuente: Hemispheric Conference 2002 \(.+\)\. Cifras tal como se imprimieron, recopiladas por Cifras \(versión de los datos 2026-12-06\.7d89844b\)\.$/
		);
		expect(sourceLine([], DOCUMENTS, v)).toBe(
			'Fuente: ninguna cifra coincide con estos filtros; recopilación de Cifras (versión de los datos 2026-12-06.7d89844b).'
		);
	});

	it('point embeds to /es/embed/, with a Spanish title and starting height', () => {
		const sel = { ...EMPTY_SELECTION, topics: ['remittances'] };
		expect(embedHref('', 'topic', sel)).toBe('/es/embed/topic?topic=remittances');
		expect(embedHref('', 'topic', sel, baseLocale)).toBe('/embed/topic?topic=remittances');
		const s = embedSnippet('https://cifras.example/es/embed/topic', 'topic');
		expect(s).toContain('title="Cifras por tema — Cifras"');
		expect(s).toContain(`height="${EMBED_HEIGHTS.es.topic}"`);
	});
});

describe('embed snippets follow their address, whatever the page', () => {
	it('an English address gets the English title and height', () => {
		const s = embedSnippet('https://cifras.example/embed/topic', 'topic');
		expect(s).toContain('title="Figures by topic — Cifras"');
		expect(s).toContain(`height="${EMBED_HEIGHTS.en.topic}"`);
	});
});
