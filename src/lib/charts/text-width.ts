/**
 * How wide a chart's text is, without a browser: the prerender (jsdom) cannot measure text, and a
 * label must wrap the same way at build time and in the page, or the reserved height would be
 * wrong. Widths are the larger of DejaVu Sans and Liberation Sans (Arial's metrics), measured in
 * Chromium at 100 px: DejaVu Sans, the widest font the site's `system-ui` stack falls back to, is
 * wider than Segoe UI, San Francisco, Roboto and Helvetica, so text measured here fits in any of
 * them.
 */

/** Characters of one width, in hundredths of an em: regular weight. */
const REGULAR: [string, number][] = [
	["'", 27],
	['ijl', 28],
	['I', 29],
	[' ,.·‘’', 32],
	['/:;\\|', 34],
	['f', 35],
	['-', 36],
	['()[]t', 39],
	['!', 40],
	['r', 41],
	['"', 46],
	['*J`°', 50],
	['sz“”', 52],
	['c', 55],
	['?L_–', 56],
	['k', 58],
	['vxy', 59],
	['FTao', 61],
	['e', 62],
	['bdghnpqu', 63],
	['0123456789${}€', 64],
	['EKPSY', 67],
	['AV', 68],
	['BXZ', 69],
	['CR', 72],
	['U', 73],
	['HN', 75],
	['D', 77],
	['&G', 78],
	['OQ', 79],
	['w', 82],
	['#+<=>^~≥≤', 84],
	['M', 86],
	['%', 95],
	['m', 97],
	['W', 99],
	['—…', 100],
	['@', 102]
];

/** The same for bold text. */
const BOLD: [string, number][] = [
	["'", 31],
	['ijl', 34],
	[' ', 35],
	['/I\\|', 37],
	[',.·‘’', 38],
	[':;', 40],
	['-', 42],
	['f', 44],
	['!()[]', 46],
	['t', 48],
	['r', 49],
	['`°', 50],
	['"*', 52],
	['J_–', 56],
	['z', 58],
	['c', 59],
	['s', 60],
	['?', 61],
	['L', 64],
	['vxy', 65],
	['“”', 66],
	['ak', 67],
	['EFTe', 68],
	['o', 69],
	['0123456789$€', 70],
	['hnu{}', 71],
	['SYbdgpq', 72],
	['CPZ', 73],
	['B', 76],
	['AKRVX', 77],
	['U', 81],
	['G', 82],
	['D', 83],
	['#+<=>HN^~≥≤', 84],
	['OQ', 85],
	['&', 87],
	['w', 92],
	['%@M—…', 100],
	['m', 104],
	['W', 110]
];

const table = (groups: [string, number][]) =>
	new Map(groups.flatMap(([chars, w]) => [...chars].map((c) => [c, w] as const)));
const WIDTHS = { regular: table(REGULAR), bold: table(BOLD) };

/** Hinting at small sizes rounds advances, and a glyph's ink can pass its advance: a margin. */
const SAFETY = 1.06;
/** An unknown character (not a letter with an accent on a known one) counts as an em. */
const UNKNOWN = 100;

function charWidth(c: string, widths: Map<string, number>): number {
	const known = widths.get(c);
	if (known !== undefined) return known;
	// "á" is as wide as "a": its accent sits above it.
	const base = c.normalize('NFD')[0];
	return (base === undefined ? undefined : widths.get(base)) ?? UNKNOWN;
}

/** The width of `text` in px at `size` px, at most, in the fonts the site may be read in. */
export function textWidth(text: string, size: number, bold = false): number {
	const widths = bold ? WIDTHS.bold : WIDTHS.regular;
	let sum = 0;
	for (const c of text) sum += charWidth(c, widths);
	return (sum / 100) * size * SAFETY;
}

/**
 * `text` in lines no wider than `width` px, broken at spaces; a word wider than a line is broken
 * inside, so no line is ever wider than asked (nothing needs cutting).
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
	const fits = (s: string) => textWidth(s, size, bold) <= width;
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const joined = line ? `${line} ${word}` : word;
		if (fits(joined)) {
			line = joined;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		// A word too long for a line alone: as many characters as fit on each line.
		while (!fits(line) && line.length > 1) {
			let n = line.length - 1;
			while (n > 1 && !fits(line.slice(0, n))) n--;
			lines.push(line.slice(0, n));
			line = line.slice(n);
		}
	}
	if (line) lines.push(line);
	return lines;
}
