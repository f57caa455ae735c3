/** The counts `verify:data` prints: figures per document, topic, kind, reference-time basis and warning. */
import type { Coverage } from './coverage';
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
