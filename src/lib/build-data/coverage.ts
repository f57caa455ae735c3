/**
 * Node-only: how many figures each document, primary topic, kind, reference-time basis and
 * warning has — the counts `verify:data` prints — grouped and counted with Arquero.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { KINDS, PERIOD_BASES, splitList } from '../data/meaning';
import { FIGURE_COLUMNS, TOPICS, type DocumentRow, type FigureRow } from '../data/schema';
import { namesOf, tableOf, type Table } from './tables';

export interface Coverage {
	/** Every document, in file order, with 0 when it has no figures. */
	countsByDocument: Map<string, number>;
	/** Figures by primary topic. */
	countsByTopic: Map<string, number>;
	countsByKind: Map<string, number>;
	countsByBasis: Map<string, number>;
	/** Figures carrying each warning; a figure may carry several. */
	countsByFlag: Map<string, number>;
	/** Figures carrying at least one warning. */
	flagged: number;
}

/**
 * Rows per value of `column`: each of `known` first, in its order (0 when none has it), then
 * any other value in order of first appearance (a code verify:data reports as unknown).
 */
function countBy(rows: Table, column: string, known: readonly string[]): Map<string, number> {
	const counts = aq
		.table({ [column]: [...known], n: known.map(() => 0) })
		.concat(rows.groupby(column).count({ as: 'n' }))
		.groupby(column)
		.rollup({ n: op.sum('n') });
	const n = Array.from(counts.array('n'), Number);
	return new Map(Array.from(counts.array(column), (value, i) => [String(value), n[i]!]));
}

export function coverage(figures: FigureRow[], documents: DocumentRow[]): Coverage {
	const rows = tableOf(figures, namesOf(FIGURE_COLUMNS));
	const flags = rows
		.select('flag')
		.derive({ flag: aq.escape((d: FigureRow) => splitList(d.flag)) })
		.unroll('flag');
	return {
		countsByDocument: countBy(
			rows,
			'doc_id',
			documents.map((d) => d.doc_id)
		),
		countsByTopic: countBy(rows, 'topic', TOPICS),
		countsByKind: countBy(rows, 'kind', KINDS),
		countsByBasis: countBy(rows, 'period_basis', PERIOD_BASES),
		countsByFlag: countBy(flags, 'flag', []),
		flagged: rows.filter((d: FigureRow) => d.flag !== '').numRows()
	};
}
