import { describe, expect, it } from 'vitest';
import { DOCUMENTS, FIGURES } from '../../src/lib/data/bundled';
import { chartFigures, chartSource, sourceLine } from '../../src/lib/export/source-line';
import { embedSnippet, resizeScript } from '../../src/lib/state/embed';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';

const v = { version: '2026-12-06.7d89844b' };

describe('source lines', () => {
	it('name the documents of the figures shown, in full, with the data version', () => {
		const hc = FIGURES.filter((f) => f.doc_id === 'hemispheric-2002');
		const line = sourceLine(hc, DOCUMENTS, v);
		expect(line).toMatch(
			/^Source: Hemispheric Conference 2002 \(ECLAC and IOM\)\. Figures as printed/
		);
		expect(line).toContain('(data version 2026-12-06.7d89844b)');
		expect(line).not.toContain('…');
	});

	it('name the speakers when there are at most three', () => {
		const one = FIGURES.find((f) => f.speaker)!;
		expect(sourceLine([one], DOCUMENTS, v)).toContain(`presented by ${one.speaker}`);
		const many = FIGURES.filter((f) => f.speaker);
		expect(new Set(many.map((f) => f.speaker)).size).toBeGreaterThan(3);
		expect(sourceLine(many, DOCUMENTS, v)).not.toContain('presented by');
	});

	it('say so when no figure matches', () => {
		expect(sourceLine([], DOCUMENTS, v)).toBe(
			'Source: no figure matches these filters; compiled by Cifras (data version 2026-12-06.7d89844b).'
		);
	});

	it("take a chart's figures under every filter but its own", () => {
		const sel = { ...EMPTY_SELECTION, topics: ['remittances'], docs: ['hemispheric-2002'] };
		// The topic chart shows every topic of the document; the document chart every document's remittances.
		expect(chartFigures(FIGURES, sel, 'topic')).toEqual(
			FIGURES.filter((f) => f.doc_id === 'hemispheric-2002')
		);
		expect(chartFigures(FIGURES, sel, 'doc')).toEqual(
			FIGURES.filter((f) => f.topic === 'remittances')
		);
		const docs = new Set(FIGURES.filter((f) => f.topic === 'remittances').map((f) => f.doc_id));
		const line = chartSource(FIGURES, DOCUMENTS, sel, 'doc', v);
		for (const d of DOCUMENTS) expect(line.includes(d.short_title)).toBe(docs.has(d.doc_id));
		const searched = chartFigures(FIGURES, { ...EMPTY_SELECTION, q: 'MÉXICO' }, 'map');
		expect(searched.length).toBeGreaterThan(0);
		expect(searched.length).toBeLessThan(FIGURES.length);
	});
});

describe('the embed snippet', () => {
	it('carries the iframe and a script that sizes it, for messages from the site only', () => {
		const s = embedSnippet('https://cifras.example/embed/doc?topic=remittances', 'doc');
		expect(s).toMatch(/^<iframe src="https:\/\/cifras\.example\/embed\/doc\?topic=remittances" /);
		expect(s).toContain('style="width:0;min-width:100%;border:0"');
		expect(s).toContain('e.origin!=="https://cifras.example"');
		expect(s).toContain('contentWindow===e.source');
		expect(s.endsWith('</script>')).toBe(true);
	});

	it('refuses an origin that could break out of the script', () => {
		expect(() => resizeScript('https://x.example"</script><script>alert(1)')).toThrow();
	});
});
