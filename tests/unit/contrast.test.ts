/**
 * WCAG 2.2 AA contrast of the colour tokens in both themes: text 4.5:1 on the surfaces it sits
 * on, chart marks and focus rings 3:1 (non-text contrast). axe checks rendered HTML text; this
 * covers the SVG marks and every token, including states axe never sees (focus, selection).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MARK_IMPLIED, MARK_PRINTED } from '../../src/lib/charts/compare-marks';

const css = readFileSync(new URL('../../src/app.css', import.meta.url), 'utf8');

function tokens(block: string): Record<string, string> {
	return Object.fromEntries(
		[...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!])
	);
}
const light = tokens(css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = { ...light, ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const TEXT = ['text', 'muted', 'muted-strong', 'link', 'accent-text'];
const MARKS = ['bar', 'bar-muted', 'bar-selected', 'focus', 'accent'];

describe.each([
	['light', light],
	['dark', dark]
])('%s theme', (_name, t) => {
	it.each(TEXT)(
		'text colour --%s reads at 4.5:1 on the page, cards, notices and highlights',
		(k) => {
			for (const bg of ['bg', 'surface', 'notice', 'error'])
				expect(contrast(t[k]!, t[bg]!), `${k} on ${bg}`).toBeGreaterThanOrEqual(4.5);
			expect(contrast(t.text!, t.mark!), 'text on a highlighted number').toBeGreaterThanOrEqual(
				4.5
			);
		}
	);
	it.each([
		['on-accent', 'accent'],
		['on-user-data', 'user-data'],
		['header-text', 'header-bg'],
		['header-muted', 'header-bg'],
		['text', 'chosen-bg'],
		['muted', 'chosen-bg'],
		['link', 'chosen-bg'],
		['muted-strong', 'surface-strong'],
		['text', 'surface-strong']
	])('text colour --%s reads at 4.5:1 on --%s (buttons and badges)', (fg, bg) => {
		expect(contrast(t[fg]!, t[bg]!)).toBeGreaterThanOrEqual(4.5);
	});
	it.each(MARKS)('mark colour --%s stands out at 3:1 from the card', (k) => {
		expect(contrast(t[k]!, t.surface!)).toBeGreaterThanOrEqual(3);
	});
	// A flagged card's top edge (--flag) is decoration: its warning is written on the card.
	it('a chosen facet’s bar stands out at 3:1 from its background', () => {
		expect(contrast(t['bar-selected']!, t['chosen-bg']!)).toBeGreaterThanOrEqual(3);
	});
	it.each([MARK_PRINTED, MARK_IMPLIED])(
		'comparison chart colour %s is a token that stands out at 3:1',
		(colour) => {
			const k = /^var\(--([\w-]+)\)$/.exec(colour)![1]!;
			expect(t[k], k).toBeDefined();
			expect(contrast(t[k]!, t.surface!)).toBeGreaterThanOrEqual(3);
		}
	);
});

it('the contrast formula matches WCAG’s reference values', () => {
	expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
	expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
});
