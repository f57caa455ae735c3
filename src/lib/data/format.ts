/** How a figure reads on screen: its number with unit and qualifier, never rounded. */
import type { Qualifier, Unit } from './schema';

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
	exact: '',
	about: 'about',
	more_than: 'more than',
	at_least: 'at least',
	less_than: 'less than',
	up_to: 'up to',
	range: ''
};

const UNIT_WORDS: Record<Unit, [string, string]> = {
	persons: ['person', 'persons'],
	usd: ['', ''],
	percent: ['', ''],
	count: ['', ''],
	countries: ['country', 'countries'],
	households: ['household', 'households'],
	years: ['year', 'years'],
	months: ['month', 'months']
};

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const whole = new Intl.NumberFormat('en-US');

/** A count with thousands separators ("1,000,000"); one formatter for all (`toLocaleString` makes one per call). */
export function formatCount(n: number): string {
	return whole.format(n);
}

/** 20000000 → "20 million", 35300000 → "35.3 million", 16937 → "16,937": exact, in words for scale. */
export function formatNumber(n: number): string {
	for (const [size, word] of [
		[1e9, 'billion'],
		[1e6, 'million']
	] as const) {
		const scaled = n / size;
		// Words only when the scaled number needs at most three decimals, so nothing is rounded away.
		if (Math.abs(n) >= size && Math.abs(scaled * 1000 - Math.round(scaled * 1000)) < 1e-6)
			return `${grouped.format(scaled)} ${word}`;
	}
	return grouped.format(n);
}

function withUnit(text: string, unit: Unit, n: number): string {
	if (unit === 'usd') return `US$${text}`;
	if (unit === 'percent') return `${text}%`;
	const [one, many] = UNIT_WORDS[unit];
	const word = n === 1 ? one : many;
	return word ? `${text} ${word}` : text;
}

export interface FormattableFigure {
	value: number | null;
	low: number | null;
	high: number | null;
	qualifier: Qualifier;
	unit: Unit;
	/** The number as printed: shown in place of a fraction the document wrote in words. */
	value_text?: string;
}

/**
 * The printed words of a figure whose value stands for a fraction written in words ("one
 * third" kept as 33.33): its decimals were never printed, so the words lead and the value
 * follows in brackets. Null for every other figure, whose formatted value is what was printed.
 */
function inWords(f: FormattableFigure): string | null {
	if (f.value === null || Number.isInteger(f.value) || !f.value_text || /\d/.test(f.value_text))
		return null;
	return f.value_text;
}

/** "about 20 million persons", "US$23 billion", "700,000–2 million persons", "more than 13%". */
export function formatFigure(f: FormattableFigure): string {
	if (f.qualifier === 'range' && f.low !== null && f.high !== null) {
		const low = f.unit === 'usd' ? `US$${formatNumber(f.low)}` : formatNumber(f.low);
		const high = f.unit === 'usd' ? formatNumber(f.high) : withUnit(formatNumber(f.high), f.unit, f.high);
		return `${low}–${high}`;
	}
	if (f.value === null) return '—';
	const words = QUALIFIER_WORDS[f.qualifier];
	const text = withUnit(formatNumber(f.value), f.unit, f.value);
	const printed = inWords(f);
	if (printed) return `${words ? `${words} ` : ''}${printed} (${text})`;
	return words ? `${words} ${text}` : text;
}

const QUALIFIER_SIGNS: Record<Qualifier, string> = {
	exact: '',
	about: '~',
	more_than: '>',
	at_least: '≥',
	less_than: '<',
	up_to: '≤',
	range: ''
};

/**
 * The short form for a chart whose title already names the unit: "> 120", "~140",
 * "700,000–2 million", "13%". The number is the same; only the words are shorter.
 */
export function formatFigureShort(f: FormattableFigure): string {
	const num = (n: number) => (f.unit === 'percent' ? `${formatNumber(n)}%` : formatNumber(n));
	if (f.qualifier === 'range' && f.low !== null && f.high !== null)
		return `${num(f.low)}–${num(f.high)}`;
	if (f.value === null) return '—';
	const sign = QUALIFIER_SIGNS[f.qualifier];
	const printed = inWords(f);
	if (printed) return sign ? `${sign} ${printed}` : printed;
	return sign === '~' ? `~${num(f.value)}` : sign ? `${sign} ${num(f.value)}` : num(f.value);
}

/**
 * Where `text` stands in `quote` as words of its own: "30" in "30 had been granted", not in
 * "300 had been deported". Offsets of every such occurrence, in order.
 */
export function wordOccurrences(quote: string, text: string): number[] {
	const out: number[] = [];
	if (!text) return out;
	const inWord = /[\p{L}\p{N}]/u;
	for (let at = quote.indexOf(text); at >= 0; at = quote.indexOf(text, at + 1)) {
		const before = quote[at - 1] ?? ' ';
		const after = quote[at + text.length] ?? ' ';
		// A text that itself starts or ends inside a word ("US$") is matched as it is written.
		const startsWord = !inWord.test(text[0]!) || !inWord.test(before);
		const endsWord = !inWord.test(text[text.length - 1]!) || !inWord.test(after);
		if (startsWord && endsWord) out.push(at);
	}
	return out;
}

/** The quote cut around its figure, so the number can be highlighted without any HTML. */
export function quoteParts(quote: string, valueText: string): [string, string, string] {
	const at = wordOccurrences(quote, valueText)[0] ?? (valueText ? quote.indexOf(valueText) : -1);
	if (at < 0) return [quote, '', ''];
	return [quote.slice(0, at), valueText, quote.slice(at + valueText.length)];
}

/**
 * The quote's parts around its figure, shortened for a card: at most `before` characters of
 * text before the figure and `after` after it, cut at a space, with "…" where words were left
 * out. The figure itself is never cut; the whole quote is on the figure's page.
 */
export function quoteExcerpt(
	quote: string,
	valueText: string,
	before = 50,
	after = 80
): [string, string, string] {
	const [head, value, tail] = quoteParts(quote, valueText);
	const cutHead = (s: string) => {
		if (s.length <= before) return s;
		const from = s.indexOf(' ', s.length - before);
		return from < 0 ? s : `…${s.slice(from)}`;
	};
	const cutTail = (s: string, max: number) => {
		if (s.length <= max) return s;
		const to = s.lastIndexOf(' ', max);
		return `${s.slice(0, to < 0 ? max : to)} …`;
	};
	return value ? [cutHead(head), value, cutTail(tail, after)] : [cutTail(head, before + after), '', ''];
}
