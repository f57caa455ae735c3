/**
 * `data/headline.csv`: the figures the explorer's first screen leads with, in an editor's
 * order. It ranks figures and never changes one; the queries' `headline` order puts these
 * first (in this order) among the figures that match, then the rest in source order.
 */
import { readCsv } from './csv';
import { parseTable, type Problem } from './parse-table';
import type { ColumnSpec } from './schema';

export const HEADLINE_COLUMNS: ColumnSpec[] = [
	{ name: 'figure_id', type: 'slug', required: true },
	{ name: 'why', type: 'text', required: true }
];

/** The ranked ids, and problems: unknown figures, an id listed twice. */
export function checkHeadline(
	csv: string,
	figureIds: ReadonlySet<string>,
	file = 'data/headline.csv'
): { ids: string[]; problems: Problem[] } {
	const { rows, problems } = parseTable<{ figure_id: string; why: string }>(
		file,
		readCsv(csv),
		HEADLINE_COLUMNS
	);
	const ids: string[] = [];
	for (const r of rows) {
		const at = (message: string) =>
			problems.push({ file, row: r._row, column: 'figure_id', message });
		if (!figureIds.has(r.figure_id)) at(`"${r.figure_id}" is not in figures.csv`);
		else if (ids.includes(r.figure_id)) at(`"${r.figure_id}" is listed twice`);
		else ids.push(r.figure_id);
	}
	return { ids, problems };
}
