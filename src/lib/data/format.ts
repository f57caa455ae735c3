/** How a figure reads on screen: its number with unit and qualifier, never rounded. */
import type { Qualifier, Unit } from './schema';

import { getLocale, type Locale } from '$lib/paraglide/runtime';

// Number words follow the page's language (Intl's conventions: "1,000,000" in English,
// "1.000.000" in Spanish) and never round: a scale word is used only when it loses nothing.
// The phrases live here rather than in messages/ because they are grammar (Spanish "de" after
// "millones", a range as "entre … y …"), built from parts the tests check in both languages.

const QUALIFIERS: Record<Locale, Record<Qualifier, string>> = {
	en: {
		exact: '',
		about: 'about',
		more_than: 'more than',
		at_least: 'at least',
		less_than: 'less than',
		up_to: 'up to',
		range: ''
	},
	es: {
		exact: '',
		about: 'alrededor de',
		more_than: 'más de',
		at_least: 'al menos',
		less_than: 'menos de',
		up_to: 'hasta',
		range: ''
	}
};

/** The qualifier in words, in the page's language ("about", "alrededor de"; "" for exact). */
export function qualifierWords(q: Qualifier, locale: Locale = getLocale()): string {
	return QUALIFIERS[locale][q];
}

const UNIT_WORDS: Record<Locale, Record<Unit, [string, string]>> = {
	en: {
		persons: ['person', 'persons'],
		usd: ['', ''],
		percent: ['', ''],
		count: ['', ''],
		countries: ['country', 'countries'],
		households: ['household', 'households'],
		years: ['year', 'years'],
		months: ['month', 'months']
	},
	es: {
		persons: ['persona', 'personas'],
		usd: ['', ''],
		percent: ['', ''],
		count: ['', ''],
		countries: ['país', 'países'],
		households: ['hogar', 'hogares'],
		years: ['año', 'años'],
		months: ['mes', 'meses']
	}
};

/** Scale words, largest first: [size, one, many]. Spanish has no "billion" for 10⁹. */
const SCALES: Record<Locale, [number, string, string][]> = {
	en: [
		[1e9, 'billion', 'billion'],
		[1e6, 'million', 'million']
	],
	es: [
		[1e9, 'mil millones', 'mil millones'],
		[1e6, 'millón', 'millones']
	]
};

const formatters = new Map<string, Intl.NumberFormat>();
/** One formatter per language and kind: `toLocaleString` builds one per call (about 1 ms each). */
function formatter(locale: Locale, kind: 'grouped' | 'whole'): Intl.NumberFormat {
	const key = `${locale}:${kind}`;
	let f = formatters.get(key);
	if (!f) {
		// "grouped" keeps up to six decimals, so a scaled number ("35.3 million") loses nothing;
		// "whole" is Intl's default (up to three), for counts.
		const tag = locale === 'es' ? 'es' : 'en-US';
		f = new Intl.NumberFormat(tag, kind === 'grouped' ? { maximumFractionDigits: 6 } : {});
		formatters.set(key, f);
	}
	return f;
}

/** A count with thousands separators ("1,000,000"; "1.000.000" in Spanish). */
export function formatCount(n: number, locale: Locale = getLocale()): string {
	return formatter(locale, 'whole').format(n);
}

/** 20000000 → "20 million" ("20 millones"), 35300000 → "35.3 million", 16937 → "16,937": exact, in words for scale. */
export function formatNumber(n: number, locale: Locale = getLocale()): string {
	const grouped = formatter(locale, 'grouped');
	for (const [size, one, many] of SCALES[locale]) {
		const scaled = n / size;
		// Words only when the scaled number needs at most three decimals, so nothing is rounded away.
		if (Math.abs(n) >= size && Math.abs(scaled * 1000 - Math.round(scaled * 1000)) < 1e-6)
			return `${grouped.format(scaled)} ${scaled === 1 ? one : many}`;
	}
	return grouped.format(n);
}

/** A percentage as the language writes it: "13%", "13 %" (Spanish puts a no-break space before %). */
function percent(text: string, locale: Locale): string {
	return locale === 'es' ? `${text}\u00a0%` : `${text}%`;
}

function withUnit(text: string, unit: Unit, n: number, locale: Locale): string {
	if (unit === 'usd') return `US$${text}`;
	if (unit === 'percent') return percent(text, locale);
	const [one, many] = UNIT_WORDS[locale][unit];
	const word = n === 1 ? one : many;
	if (!word) return text;
	// "20 millones de personas", not "20 millones personas".
	const of = locale === 'es' && /(millón|millones)$/.test(text) ? 'de ' : '';
	return `${text} ${of}${word}`;
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

/**
 * "about 20 million persons", "US$23 billion", "700,000–2 million persons", "more than 13%";
 * in Spanish "alrededor de 20 millones de personas", "entre 700.000 y 2 millones de personas".
 */
export function formatFigure(f: FormattableFigure, locale: Locale = getLocale()): string {
	if (f.qualifier === 'range' && f.low !== null && f.high !== null) {
		const lowNumber = formatNumber(f.low, locale);
		const low = f.unit === 'usd' ? `US$${lowNumber}` : lowNumber;
		const highNumber = formatNumber(f.high, locale);
		const high = f.unit === 'usd' ? highNumber : withUnit(highNumber, f.unit, f.high, locale);
		return locale === 'es' ? `entre ${low} y ${high}` : `${low}–${high}`;
	}
	if (f.value === null) return '—';
	const words = QUALIFIERS[locale][f.qualifier];
	const text = withUnit(formatNumber(f.value, locale), f.unit, f.value, locale);
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
export function formatFigureShort(f: FormattableFigure, locale: Locale = getLocale()): string {
	const num = (n: number) =>
		f.unit === 'percent' ? percent(formatNumber(n, locale), locale) : formatNumber(n, locale);
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
