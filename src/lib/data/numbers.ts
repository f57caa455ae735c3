/**
 * Reads the numbers a printed figure states ("20 million", "US$ 23 billion", "one third",
 * "between 700,000 and 2 million") so the verifier can check each stored value against its
 * quote. Percent shares written as fractions ("half", "one in five") come out in percent,
 * as `data/README.md` stores them.
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

const MULTIPLES: Record<string, number> = {
	double: 2,
	doubled: 2,
	twice: 2,
	doubling: 2,
	triple: 3,
	tripled: 3,
	threefold: 3
};

function tokenize(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/[–—]/g, ' to ')
			.replace(/per\s*cent/g, '%')
			.replace(/(\d)\s+(?=\d{3}\b)/g, '$1,')
			.match(/\d[\d,]*(?:\.\d+)?|[a-z]+|%/g) ?? []
	);
}

function readDigits(token: string): number | null {
	if (!/^\d/.test(token)) return null;
	// "20,318" and "1.5": commas group thousands in these English documents.
	const n = Number(token.replace(/,/g, ''));
	return Number.isFinite(n) ? n : null;
}

/** Whether a spelled number word continues the one before: "twenty-five", "hundred and fifty". */
function addsTo(current: number, word: number): boolean {
	if (current === 0) return true;
	if (current >= 100 && current % 100 === 0) return word < 100;
	return current >= 20 && current % 10 === 0 && word < 10;
}

/**
 * "two hundred and fifty" is one number; "seven hundred thousand and two million" is two:
 * after "and", the words continue the number only if they use no scale as large as the last.
 */
function continuesAfterAnd(tokens: string[], from: number, lastScale: number): boolean {
	if (!(tokens[from]! in UNITS) || tokens[from] === 'a' || tokens[from] === 'an') return false;
	if (lastScale < 1e3) return true;
	for (let k = from; k < tokens.length && (tokens[k]! in UNITS || tokens[k]! in SCALES); k++) {
		if (tokens[k]! in SCALES && SCALES[tokens[k]!]! >= lastScale) return false;
	}
	return true;
}

interface Found {
	value: number;
	scaled: boolean;
}

/** Every number the text states, plus the readings a shared trailing scale allows ("2 to 2.5 million"). */
export function numbersIn(text: string): number[] {
	const tokens = tokenize(text);
	const found: Found[] = [];
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i]!;
		const next = tokens[i + 1];
		const digits = readDigits(t);
		if (t === 'one' && next === 'in' && tokens[i + 2]) {
			const d = readDigits(tokens[i + 2]!) ?? UNITS[tokens[i + 2]!];
			if (d) {
				found.push({ value: 100 / d, scaled: false });
				i += 3;
				continue;
			}
		}
		if (digits !== null || (t in UNITS && t !== 'a' && t !== 'an') || ((t === 'a' || t === 'an') && next !== undefined && (next in SCALES || next in FRACTIONS))) {
			// Accumulate a spelled or digit number with its scale words: "two hundred and fifty thousand".
			let total = 0;
			let current = digits ?? UNITS[t]!;
			let scaled = false;
			let lastScale = 1;
			let j = i + 1;
			for (; j < tokens.length; j++) {
				const u = tokens[j]!;
				if (u in SCALES) {
					const s = SCALES[u]!;
					lastScale = s;
					if (s < 1e3) current *= s;
					else {
						total += current * s;
						current = 0;
					}
					scaled = true;
				} else if (u === 'and' && scaled && continuesAfterAnd(tokens, j + 1, lastScale)) {
					continue;
				} else if (digits === null && u in UNITS && u !== 'a' && u !== 'an' && addsTo(current, UNITS[u]!)) {
					current += UNITS[u]!;
				} else if (u in FRACTIONS) {
					current = current * FRACTIONS[u]!;
					j++;
					break;
				} else break;
			}
			found.push({ value: total + current, scaled });
			i = j;
			continue;
		}
		if (t in FRACTIONS) {
			found.push({ value: FRACTIONS[t]!, scaled: false });
		} else if (t in MULTIPLES) {
			found.push({ value: MULTIPLES[t]!, scaled: false });
		}
		i++;
	}
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
