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
	const name = value.toLowerCase().includes(printed.toLowerCase()) ? value : `“${printed}”: ${value}`;
	return `${name} — figure: ${f.indicator}`;
}

/** For a second figure stated by the same words: "also a figure: 60% — Workforce growth (Spain)". */
export function extraLabel(f: FormattableFigure & { indicator: string; geography: string }): string {
	return `also a figure: ${formatFigure(f)} — ${f.indicator} (${f.geography})`;
}

/** "Not a figure: date" or "Not a figure: meeting logistics — Participants in the meeting …". */
export function numberTitle(reason: UncuratedReason, note: string): string {
	const label = reason === 'to_curate' ? 'not yet curated (it should be a figure)' : REASON_LABELS[reason].one;
	return `Not a figure: ${label}${note ? ` — ${note}` : ''}`;
}
