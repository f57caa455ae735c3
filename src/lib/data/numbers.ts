/**
 * Reads the numbers a printed figure states ("20 million", "US$ 23 billion", "one third",
 * "between 700,000 and 2 million") so the verifier can check each stored value against its
 * quote, and finds where every number stands in a text (`numberSpans`), so the reader and
 * `verify:data` can account for each one. Percent shares written as fractions ("half", "one in
 * five") come out in percent, as `data/README.md` stores them.
 */

const UNITS: Record<string, number> = {
	zero: 0,
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90
};

const SCALES: Record<string, number> = {
	dozen: 12,
	hundred: 100,
	thousand: 1e3,
	million: 1e6,
	millions: 1e6,
	billion: 1e9,
	billions: 1e9
};

/** Denominators of fractions written in words, as the percent one part stands for. */
const FRACTIONS: Record<string, number> = {
	half: 50,
	halves: 50,
	third: 100 / 3,
	thirds: 100 / 3,
	quarter: 25,
	quarters: 25,
	fourth: 25,
	fourths: 25,
	fifth: 20,
	fifths: 20,
	tenth: 10,
	tenths: 10
};

/** Endings of a compound ordinal after a hyphen: "sixty-eighth", "thirty-first". */
const ORDINAL_ENDINGS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth']);

/** Plural scales standing alone ("thousands of women", "tens of thousands"): a quantity, but no value. */
const VAGUE = new Set(['tens', 'dozens', 'hundreds', 'thousands', 'millions', 'billions']);

const MULTIPLES: Record<string, number> = {
	double: 2,
	doubled: 2,
	twice: 2,
	doubling: 2,
	triple: 3,
	tripled: 3,
	threefold: 3
};

interface Token {
	/** Lower case; "per cent" is "%", a dash "to", a time of day or a reference ("56/203") as printed. */
	t: string;
	start: number;
	end: number;
	/** A time of day ("8:30") or a number written with slashes ("56/203", "2002/2003"): it reads as no value. */
	reference?: boolean;
	/** Printed straight after a hyphen: "thirty-third" is an ordinal, not thirty thirds. */
	hyphened?: boolean;
}

// "20 318" and "20,318" are one number (a space groups thousands in some of these documents,
// after a first group of one to three digits: "2001 975" is a year and a page); "8:30" and
// "56/203" are one printed item each. Dashes read as "to": "2–2.5 million".
const TOKEN =
	/\d{1,2}:\d{2}\b|\d+(?:\/\d+)+|\d{1,3}(?:[ \u00a0\u202f]\d{3}\b)+(?:\.\d+)?|\d[\d,]*(?:\.\d+)?|\bper\s*cent\b|[a-z]+|%|[–—]/gi;

function tokenize(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(TOKEN)) {
		const raw = m[0];
		const start = m.index;
		if (/^\d{1,2}:\d{2}$|\//.test(raw)) {
			out.push({ t: raw, start, end: start + raw.length, reference: true });
			continue;
		}
		// A comma after a number ("in 2002, the…") ends the sentence's clause, not the number.
		const trimmed = /^\d/.test(raw) ? raw.replace(/,+$/, '') : raw;
		const t = /^per\s*cent$/i.test(trimmed) ? '%' : /^[–—]$/.test(trimmed) ? 'to' : trimmed.toLowerCase();
		out.push({ t, start, end: start + trimmed.length, hyphened: text[start - 1] === '-' });
	}
	return out;
}

function readDigits(token: Token | undefined): number | null {
	if (!token || token.reference || !/^\d/.test(token.t)) return null;
	// "20,318" and "1.5": commas group thousands in these English documents.
	const n = Number(token.t.replace(/[,\s]/g, ''));
	return Number.isFinite(n) ? n : null;
}

/** Whether a spelled number word continues the one before: "twenty-five", "hundred and fifty". */
function addsTo(current: number, word: number): boolean {
	if (current === 0) return true;
	if (current >= 100 && current % 100 === 0) return word < 100;
	return current >= 20 && current % 10 === 0 && word < 10;
}

const isUnit = (t: string | undefined) => t !== undefined && t in UNITS && t !== 'a' && t !== 'an';

/**
 * "two hundred and fifty" is one number; "seven hundred thousand and two million" is two:
 * after "and", the words continue the number only if they use no scale as large as the last.
 */
function continuesAfterAnd(tokens: Token[], from: number, lastScale: number): boolean {
	if (!isUnit(tokens[from]?.t)) return false;
	if (lastScale < 1e3) return true;
	for (let k = from; k < tokens.length && (tokens[k]!.t in UNITS || tokens[k]!.t in SCALES); k++) {
		if (tokens[k]!.t in SCALES && SCALES[tokens[k]!.t]! >= lastScale) return false;
	}
	return true;
}

/** One number as read: its value (null for a vague quantity, a time or a reference) and its tokens. */
interface Phrase {
	value: number | null;
	scaled: boolean;
	/** First token and the token after the last. */
	from: number;
	to: number;
}

function readPhrases(tokens: Token[]): Phrase[] {
	const found: Phrase[] = [];
	let i = 0;
	while (i < tokens.length) {
		const tok = tokens[i]!;
		const t = tok.t;
		const next = tokens[i + 1]?.t;
		const digits = readDigits(tok);
		if (tok.reference) {
			found.push({ value: null, scaled: false, from: i, to: i + 1 });
			i++;
			continue;
		}
		if (t === 'one' && next === 'in' && tokens[i + 2]) {
			const d = readDigits(tokens[i + 2]) ?? UNITS[tokens[i + 2]!.t];
			if (d) {
				found.push({ value: 100 / d, scaled: false, from: i, to: i + 3 });
				i += 3;
				continue;
			}
		}
		if (digits !== null || isUnit(t) || ((t === 'a' || t === 'an') && next !== undefined && (next in SCALES || next in FRACTIONS))) {
			// Accumulate a spelled or digit number with its scale words: "two hundred and fifty thousand".
			let total = 0;
			let current = digits ?? UNITS[t]!;
			let scaled = false;
			let lastScale = 1;
			let j = i + 1;
			let end = i + 1;
			for (; j < tokens.length; j++) {
				const u = tokens[j]!.t;
				if (u in SCALES) {
					const s = SCALES[u]!;
					lastScale = s;
					if (s < 1e3) current *= s;
					else {
						total += current * s;
						current = 0;
					}
					scaled = true;
					end = j + 1;
				} else if (u === 'and' && scaled && continuesAfterAnd(tokens, j + 1, lastScale)) {
					continue;
				} else if (digits === null && isUnit(u) && addsTo(current, UNITS[u]!)) {
					current += UNITS[u]!;
					end = j + 1;
				} else if (tokens[j]!.hyphened && ORDINAL_ENDINGS.has(u) && !scaled && current >= 20 && current % 10 === 0) {
					// "thirty-third", "sixty-eighth": a compound ordinal, which counts nothing.
					current = NaN;
					j++;
					end = j;
					break;
				} else if (u in FRACTIONS) {
					current = current * FRACTIONS[u]!;
					j++;
					end = j;
					break;
				} else break;
			}
			const value = total + current;
			found.push({ value: Number.isNaN(value) ? null : value, scaled, from: i, to: end });
			i = j;
			continue;
		}
		if (VAGUE.has(t)) {
			// "hundreds of thousands": one vague quantity.
			let to = i + 1;
			while (tokens[to]?.t === 'of' && VAGUE.has(tokens[to + 1]?.t ?? '')) to += 2;
			found.push({ value: null, scaled: false, from: i, to });
			i = to;
			continue;
		}
		if (t in FRACTIONS) found.push({ value: FRACTIONS[t]!, scaled: false, from: i, to: i + 1 });
		else if (t in MULTIPLES) found.push({ value: MULTIPLES[t]!, scaled: false, from: i, to: i + 1 });
		i++;
	}
	return found;
}

/** Every number the text states, plus the readings a shared trailing scale allows ("2 to 2.5 million"). */
export function numbersIn(text: string): number[] {
	const found = readPhrases(tokenize(text)).filter(
		(f): f is Phrase & { value: number } => f.value !== null
	);
	const values = found.map((f) => f.value);
	// "2 to 2.5 million", "20-25 million": the scale printed once applies to both bounds.
	found.forEach((f, k) => {
		if (f.scaled) return;
		const later = found.slice(k + 1).find((g) => g.scaled);
		if (!later) return;
		const scale = [1e9, 1e6, 1e3].find((s) => later.value >= s && later.value % s < later.value);
		if (scale && f.value < later.value / scale + 1e-9) values.push(f.value * scale);
	});
	return values;
}

/** Whether `value` is one of the numbers `text` states (fractions match to two decimals). */
export function states(text: string, value: number): boolean {
	return numbersIn(text).some((n) => Math.abs(n - value) <= 0.01 || Math.abs(n - value) <= Math.abs(value) * 1e-12);
}

/** Where a number stands in a text: offsets, the text as printed, and what it reads as. */
export interface NumberSpan {
	start: number;
	end: number;
	/** As printed, with any run of whitespace (a line break) as one space: "20 million", "13%", "22nd". */
	text: string;
	/** The value read (percent for fractions); null for a vague quantity, a time of day or a reference. */
	value: number | null;
}

/**
 * Every number in `text` where it stands, as `numbersIn` reads them: digits with their scale
 * words ("20 million"), spelled numbers ("two hundred and fifty"), fractions ("one third",
 * "half"), multiples ("doubled"), "one in five", vague plural scales ("thousands"), times of
 * day and numbers written with slashes. A percent sign or "per cent" and an ordinal ending
 * ("22nd") printed with the number belong to it.
 */
export function numberSpans(text: string): NumberSpan[] {
	const tokens = tokenize(text);
	return readPhrases(tokens).map((p) => {
		const start = tokens[p.from]!.start;
		let end = tokens[p.to - 1]!.end;
		const after = tokens[p.to];
		const gap = after ? text.slice(end, after.start) : '';
		if (after?.t === '%' && /^[ \t]*$/.test(gap)) end = after.end;
		else if (after && gap === '' && /^\d/.test(tokens[p.to - 1]!.t) && /^(?:st|nd|rd|th)$/.test(after.t))
			end = after.end;
		return { start, end, text: text.slice(start, end).replace(/\s+/g, ' '), value: p.value };
	});
}
