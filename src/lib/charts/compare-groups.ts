/**
 * Groups comparable figures by indicator, one panel per unit (units are never put on one axis,
 * nor converted), and orders them as the section promises: the chosen indicators, then those
 * whose documents disagree, then those where one document gives different numbers, then the rest.
 */
import type { CompareFigure } from '../data/site-table';

/** One unit's figures of an indicator: one chart, one axis. */
export interface ComparePanel {
	unit: string;
	figures: CompareFigure[];
}

/**
 * `sources`: two documents give different numbers in one unit; `values`: only one document
 * does (every document that states the indicator in that unit gives the same number otherwise);
 * null: in each unit, every figure states the same number.
 */
export type Disagreement = 'sources' | 'values' | null;

export interface CompareGroup {
	/** The indicator: one card each. */
	key: string;
	indicator: string;
	/** In the order the units come (the comparable query sorts by unit). */
	panels: ComparePanel[];
	/** Every panel's figures, in order. */
	figures: CompareFigure[];
	disagreement: Disagreement;
	/** Chosen in the selection (the section is the indicator view). */
	selected: boolean;
	/** Figures of this indicator under the filters, in every unit; more than shown when capped. */
	indicatorTotal: number;
}

const RANK: Record<Exclude<Disagreement, null> | 'none', number> = {
	sources: 0,
	values: 1,
	none: 2
};

/** How one unit's figures disagree. Figures differ when their value, low or high does. */
function disagreementOf(figures: readonly CompareFigure[]): Disagreement {
	const number = (f: CompareFigure) => `${f.value}|${f.low}|${f.high}`;
	if (new Set(figures.map(number)).size < 2) return null;
	// Two numbers and two documents: some figure of another document differs from one of the two.
	return new Set(figures.map((f) => f.doc_id)).size > 1 ? 'sources' : 'values';
}

/**
 * @param totals figures per indicator under the same filters (the comparable query is capped
 *   per indicator, so a chart can say how many it leaves out)
 * @param selected the selection's indicators: their cards come first
 */
export function groupComparable(
	rows: readonly CompareFigure[],
	totals: ReadonlyMap<string, number> = new Map(),
	selected: readonly string[] = []
): CompareGroup[] {
	const byIndicator = new Map<string, Map<string, CompareFigure[]>>();
	for (const f of rows) {
		const units = byIndicator.get(f.indicator) ?? new Map<string, CompareFigure[]>();
		byIndicator.set(f.indicator, units);
		const list = units.get(f.unit);
		if (list) list.push(f);
		else units.set(f.unit, [f]);
	}
	const chosen = new Set(selected);
	return [...byIndicator]
		.map(([indicator, units]): CompareGroup => {
			const panels = [...units].map(([unit, figures]) => ({ unit, figures }));
			const figures = panels.flatMap((p) => p.figures);
			const found = panels.map((p) => disagreementOf(p.figures));
			return {
				key: indicator,
				indicator,
				panels,
				figures,
				disagreement: found.includes('sources')
					? 'sources'
					: found.includes('values')
						? 'values'
						: null,
				selected: chosen.has(indicator),
				indicatorTotal: Math.max(totals.get(indicator) ?? 0, figures.length)
			};
		})
		.filter((g) => g.figures.length >= 2)
		.sort(
			(a, b) =>
				Number(b.selected) - Number(a.selected) ||
				RANK[a.disagreement ?? 'none'] - RANK[b.disagreement ?? 'none'] ||
				b.figures.length - a.figures.length ||
				(a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0)
		);
}

/** How many groups there are, and how many of each disagreement: the section's summary line. */
export function compareSummary(groups: readonly CompareGroup[]): {
	indicators: number;
	sources: number;
	values: number;
} {
	return {
		indicators: groups.length,
		sources: groups.filter((g) => g.disagreement === 'sources').length,
		values: groups.filter((g) => g.disagreement === 'values').length
	};
}

/** The card's badge: the disagreement in words, empty when there is none. */
export function disagreementText(d: Disagreement): string {
	return d === 'sources' ? 'Sources differ' : d === 'values' ? 'Values differ' : '';
}
