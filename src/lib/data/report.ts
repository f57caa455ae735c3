/** The counts `verify:data` prints: figures per document and per topic. */
import type { ValidationResult } from './validate';

export function reportCounts(r: Pick<ValidationResult, 'countsByDocument' | 'countsByTopic'>): string {
	const table = (title: string, m: Map<string, number>) => {
		const width = Math.max(...[...m.keys()].map((k) => k.length), title.length);
		return [title, ...[...m].map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(4)}`)].join('\n');
	};
	return `${table('Figures per document', r.countsByDocument)}\n\n${table('Figures per topic', r.countsByTopic)}`;
}
