/** The explorer's answer for a selection, from either engine: its queries run and unpacked. */
import type { KeyCount, PeriodCount, YearCount } from '../queries/describe';
import type { CompareFigure, TableFigure } from '../data/site-table';
import type { Engine } from '../db/engine';
import type { InstantEngine } from '../db/instant';
import type { Selection } from '../state/selection';
import { TABLE_PAGE, explorerQueries, type ExplorerResult } from '../queries/explorer';

export async function runExplorer(
	engine: Engine,
	sel: Selection,
	tableLimit = TABLE_PAGE
): Promise<ExplorerResult> {
	const start = performance.now();
	const r = await engine.runAll(explorerQueries(sel, tableLimit));
	// A User Timing measure for DevTools and the bench: how long the engine took to answer.
	performance.measure(`cifras:${engine.name}:explorer`, { start, end: performance.now() });
	return {
		...r,
		undated: r.undated[0]?.n ?? 0,
		total: r.total[0]?.n ?? 0
	};
}
/** The same answers synchronously, for the prerendered first view. */
export function runExplorerSync(engine: InstantEngine, sel: Selection): ExplorerResult {
	const q = explorerQueries(sel);
	const undated = engine.runSync(q.undated) as KeyCount[];
	return {
		topics: engine.runSync(q.topics) as KeyCount[],
		docs: engine.runSync(q.docs) as KeyCount[],
		geos: engine.runSync(q.geos) as KeyCount[],
		years: engine.runSync(q.years) as YearCount[],
		periods: engine.runSync(q.periods) as PeriodCount[],
		undated: undated[0]?.n ?? 0,
		total: (engine.runSync(q.total) as KeyCount[])[0]?.n ?? 0,
		rows: engine.runSync(q.rows) as TableFigure[],
		cards: engine.runSync(q.cards) as TableFigure[],
		comparable: engine.runSync(q.comparable) as CompareFigure[],
		indicators: engine.runSync(q.indicators) as KeyCount[]
	};
}
