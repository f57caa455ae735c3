/**
 * What a reader is told beside a number wherever it appears (table, chart marks, comparison
 * cards, figure pages, slides, embeds, images, citations): when it speaks of and how that is
 * known, the warnings it carries, and who says so. One wording for every surface.
 */
import { FLAGS, splitList, type Flag } from './meaning';
import { flagLabel, periodBasisLabel } from './labels';
import { m } from '$lib/paraglide/messages';

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
