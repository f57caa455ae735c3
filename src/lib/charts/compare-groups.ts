/** Groups comparable figures by indicator and unit, sources that disagree first. */
import type { CompareFigure } from '../data/site-table';

export interface CompareGroup {
	key: string;
	indicator: string;
	unit: string;
	figures: CompareFigure[];
	/** Stated by more than one document. */
	acrossDocuments: boolean;
	/** The figures do not all state the same number. */
	differ: boolean;
	/** Figures of this indicator under the filters, in every unit; more than shown when capped. */
	indicatorTotal: number;
	/** Figures of this indicator shown, in every unit. */
	indicatorShown: number;
}

/**
 * @param totals figures per indicator under the same filters (the comparable query is capped
 *   per indicator, so a chart can say how many it leaves out)
 */
export function groupComparable(
	rows: CompareFigure[],
	totals: ReadonlyMap<string, number> = new Map()
): CompareGroup[] {
	const groups = new Map<string, CompareFigure[]>();
	const shown = new Map<string, number>();
	for (const f of rows) {
		const key = `${f.indicator}\u0000${f.unit}`;
		const list = groups.get(key);
		if (list) list.push(f);
		else groups.set(key, [f]);
		shown.set(f.indicator, (shown.get(f.indicator) ?? 0) + 1);
	}
	return [...groups]
		.filter(([, figures]) => figures.length >= 2)
		.map(([key, figures]) => {
			const values = new Set(figures.map((f) => `${f.value}|${f.low}|${f.high}`));
			return {
				key,
				indicator: figures[0]!.indicator,
				unit: figures[0]!.unit,
				figures,
				acrossDocuments: new Set(figures.map((f) => f.doc_id)).size > 1,
				differ: values.size > 1,
				indicatorShown: shown.get(figures[0]!.indicator) ?? figures.length,
				indicatorTotal: Math.max(
					totals.get(figures[0]!.indicator) ?? 0,
					shown.get(figures[0]!.indicator) ?? figures.length
				)
			};
		})
		.sort(
			(a, b) =>
				Number(b.acrossDocuments) - Number(a.acrossDocuments) ||
				b.figures.length - a.figures.length ||
				(a.indicator < b.indicator ? -1 : 1)
		);
}
