/**
 * What a reader is told beside a number wherever it appears (table, chart marks, comparison
 * cards, figure pages, slides, embeds, images, citations): when it speaks of and how that is
 * known, the warnings it carries, and who says so. One wording for every surface.
 */
import { FLAGS, splitList, type Flag } from './meaning';
import { flagLabel, periodBasisLabel } from './labels';
import { qualifierWords } from './format';
import type { Qualifier } from './schema';
import { m } from '$lib/paraglide/messages';

/** The words documents put before a number to say it is not exact: "over", "almost", "some". */
const QUALIFYING =
	'(?:(?:just|slightly) )?(?:over|more than|less than|fewer than|under|at least|about|around|approximately|almost|nearly|close to|some|roughly|up to|no more than|an estimated)';
const STARTS_QUALIFIED = new RegExp(`^${QUALIFYING}\\b`, 'i');
const ENDS_QUALIFYING = new RegExp(`\\b${QUALIFYING}\\s+$`, 'i');
const OR_MORE = /^\s+(or (?:more|less|fewer))\b/i;

/**
 * A figure's value in the document's words with what qualifies it, for a headline in English:
 * "two million" printed after "over" is "over two million", and "a third or more" keeps its
 * "or more". The number alone would read as exact. Where the sentence qualifies it otherwise
 * ("It was estimated that 20 million…"), the data's reading is said in plain words ("about 20
 * million"); the quote beside it has the sentence.
 */
export function printedValue(f: {
	value_text: string;
	quote: string;
	qualifier: Qualifier;
}): string {
	const printed = f.value_text;
	if (f.qualifier === 'exact' || f.qualifier === 'range' || STARTS_QUALIFIED.test(printed))
		return printed;
	const at = f.quote.indexOf(printed);
	if (at >= 0) {
		const before = ENDS_QUALIFYING.exec(f.quote.slice(0, at))?.[0].trim();
		if (before) return `${before} ${printed}`;
		const after = OR_MORE.exec(f.quote.slice(at + printed.length))?.[1];
		if (after) return `${printed} ${after}`;
	}
	return `${qualifierWords(f.qualifier, 'en')} ${printed}`;
}

/** A figure's reference time as text: the years, and how they are known unless the text states them. */
export function refTimeText(f: { ref_period: string; period_basis: string }): string {
	if (!f.ref_period) return '';
	const basis = periodBasisLabel(f.period_basis);
	return f.period_basis === 'stated' || !basis ? f.ref_period : `${f.ref_period}, ${basis}`;
}

/** A figure's warnings, most serious first (the list's order); unknown codes are dropped. */
export function flagsOf(f: { flag: string }): Flag[] {
	const has = splitList(f.flag ?? '');
	return FLAGS.filter((x) => has.includes(x));
}

/** The warning in one line: "Looks wrong as printed: <the sentence>", or null when there is none. */
export function flagText(f: { flag: string; flag_note: string }): string | null {
	const flags = flagsOf(f);
	if (!flags.length) return null;
	const labels = flags.map((x) => flagLabel(x)).join('; ');
	return f.flag_note ? `${labels}: ${f.flag_note}` : labels;
}

/** Who says so: the speaker, and whom the document credits ("X, citing Y", "X, citando a Y"). */
export function whoSaysText(f: { speaker: string; attributed_to: string }): string {
	const speaker = f.speaker?.trim();
	const credited = f.attributed_to?.trim();
	if (speaker && credited) return m.figure_who_citing_both({ speaker, credited });
	if (credited) return m.figure_who_citing({ credited });
	return speaker ?? '';
}
