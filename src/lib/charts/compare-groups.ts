/** Groups comparable figures by indicator and unit, sources that disagree first. */
import type { SiteFigure } from '../data/site-table';

export interface CompareGroup {
	key: string;
	indicator: string;
	unit: string;
	figures: SiteFigure[];
	/** Stated by more than one document. */
	acrossDocuments: boolean;
	/** The figures do not all state the same number. */
	differ: boolean;
}

export function groupComparable(rows: SiteFigure[]): CompareGroup[] {
	const groups = new Map<string, SiteFigure[]>();
	for (const f of rows) {
		const key = `${f.indicator}\u0000${f.unit}`;
		groups.set(key, [...(groups.get(key) ?? []), f]);
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
				differ: values.size > 1
			};
		})
		.sort(
			(a, b) =>
				Number(b.acrossDocuments) - Number(a.acrossDocuments) ||
				b.figures.length - a.figures.length ||
				(a.indicator < b.indicator ? -1 : 1)
		);
}
