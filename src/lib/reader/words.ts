/**
 * The words the reader writes into its generated HTML (the marks' accessible names, a number's
 * reason on hover), kept in one place with the reasons' names until the site has a message
 * catalogue. The components' own words are in the components.
 */
import { formatFigure, type FormattableFigure } from '../data/format';
import { REASON_LABELS, type UncuratedReason } from '../data/uncurated';

/** "about 20 million persons — figure: Emigrants from Latin America and the Caribbean living abroad". */
export function markLabel(f: FormattableFigure & { indicator: string }, printed: string): string {
	const value = formatFigure(f);
	// The words on screen stay in the name (WCAG 2.5.3) when the formatted value does not hold them.
	const name = value.toLowerCase().includes(printed.toLowerCase())
		? value
		: `“${printed}”: ${value}`;
	return `${name} — figure: ${f.indicator}`;
}

/** A second figure stated by the same words: "60% — figure: Workforce growth (Spain), stated by the same words". */
export function extraLabel(
	f: FormattableFigure & { indicator: string; geography: string }
): string {
	return `${formatFigure(f)} — figure: ${f.indicator} (${f.geography}), stated by the same words`;
}

/** "Not a figure: date", "Not a figure: meeting logistics — Participants in the meeting …". */
export function numberTitle(reason: UncuratedReason, note: string): string {
	const label =
		reason === 'to_curate'
			? 'Not curated yet (it should be a figure)'
			: `Not a figure: ${REASON_LABELS[reason].one}`;
	return `${label}${note ? ` — ${note}` : ''}`;
}
