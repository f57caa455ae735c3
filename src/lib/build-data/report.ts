/**
 * The counts `verify:data` prints: figures per document, topic, kind, reference-time basis and
 * warning, and each source text's numbers.
 */
import type { Coverage } from './coverage';
import { coverageCounts, type DocumentCoverage } from '../data/coverage';
import type { DerivedRow } from '../data/meaning';

type Counts = Coverage & { derived: DerivedRow[] };

export function reportCounts(r: Counts): string {
	const table = (title: string, m: Map<string, number>) => {
		const width = Math.max(...[...m.keys()].map((k) => k.length), title.length);
		return [
			title,
			...[...m].map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(4)}`)
		].join('\n');
	};
	return [
		table('Figures per document', r.countsByDocument),
		table('Figures per topic (primary)', r.countsByTopic),
		table('Figures per kind', r.countsByKind),
		table('Figures per reference-time basis', r.countsByBasis),
		`${table('Figures per warning', r.countsByFlag)}\n  (${r.flagged} figures carry at least one)`,
		`Derived figures (implied by the text, never exported as printed): ${r.derived.length}`
	].join('\n\n');
}

/** "hemispheric-2002: 923 numbers — 77 in 72 figures; not figures: date 380, list_number 200, …". */
export function reportCoverage(byDocument: Map<string, DocumentCoverage>): string {
	const lines = [...byDocument].map(([id, c]) => {
		const k = coverageCounts(c);
		const reasons = [...k.byReason].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`);
		const open = k.unaccounted ? `; ${k.unaccounted} NOT ACCOUNTED FOR` : '';
		return `  ${id}: ${k.total} numbers — ${k.inFigures} in ${k.figures} curated figures; not figures: ${reasons.join(', ') || 'none'}${open}`;
	});
	return ['Numbers in each source text (data/uncurated.csv)', ...lines].join('\n');
}
