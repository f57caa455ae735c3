/**
 * The instant-start engine: runs each query description in plain TypeScript over the JSON
 * build and its data cube, with the same semantics as the SQL in `queries/sql.ts` (the parity
 * test holds them together). It began on Arquero, which compiles every expression with
 * `new Function` and so cannot run under the site's security policy (no 'unsafe-eval').
 */
import {
	COMPARE_COLUMNS,
	TABLE_COLUMNS,
	type CompareFigure,
	type SiteFigure,
	type TableFigure
} from '../data/site-table';
import type {
	KeyCount,
	PerField,
	PeriodCount,
	Query,
	SortKey,
	YearCount
} from '../queries/describe';
import { SEARCH_FIELDS, searchText, searchWords, valuesOf, type Filter } from '../queries/filters';
import { CUBE_DIMS, CUBE_FIRST, cubeAnswers, searches } from '../queries/plan';
import { ascending as cmp, nullsLast } from '../queries/order';
import type { Engine, ResultOf, ResultsOf } from './engine';

type Row = SiteFigure;
type Answer =
	KeyCount[] | YearCount[] | PeriodCount[] | SiteFigure[] | TableFigure[] | CompareFigure[];

/** A cell of the data cube (see `cubeSql`): the filter columns, a count and first positions. */
type Cell = Pick<Row, (typeof CUBE_DIMS)[number]> & { n: number; first: number[] };

/** A cell of the search cube (see `searchCubeSql`): also its folded text and every position. */
type SearchCell = Cell & { search_text: string; orders: number[] };

/** A row's values of the cube's columns: what a new cell of either cube starts from. */
const cellDims = (r: Row): Pick<Row, (typeof CUBE_DIMS)[number]> => ({
	topics: r.topics,
	doc_id: r.doc_id,
	geo_code: r.geo_code,
	indicator: r.indicator,
	ref_start: r.ref_start,
	ref_end: r.ref_end,
	period_basis: r.period_basis
});
/** Rows grouped by their values, a column a level, down to their search cube cell. */
type Tree = Map<string | number | null, Tree | SearchCell>;

/**
 * A test of the filters. A search is looked for in a search cube cell's `search_text`, or, for
 * rows, by `searched`, which is given the search's words.
 */
export function matches<T extends Partial<Row> & { search_text?: string }>(
	filters: Filter[],
	searched?: (words: string[]) => (d: T) => boolean
): (d: T) => boolean {
	const tests = filters.map((f): ((d: T) => boolean) => {
		if (f.kind === 'in') {
			if (f.values.length === 0) return () => true;
			const set = new Set(f.values);
			// A figure on several topics is found by any of them.
			return (d) => valuesOf(f.field, (d[f.field] as string) ?? '').some((v) => set.has(v));
		}
		if (f.kind === 'years')
			return (d) =>
				d.ref_start != null && d.ref_end != null && d.ref_start <= f.to && d.ref_end >= f.from;
		const words = searchWords(f.text);
		if (!words.length) return () => true;
		if (searched) return searched(words);
		return (d) => words.every((w) => (d.search_text ?? '').includes(w));
	});
	return (d) => tests.every((t) => t(d));
}

/** Orders like SQL's ORDER BY with NULLS LAST and binary string comparison. */
function sorter(
	sort: SortKey,
	descending: boolean,
	headline: readonly string[] = []
): (a: Row, b: Row) => number {
	const dir = descending ? -1 : 1;
	const then =
		(...fns: ((a: Row, b: Row) => number)[]) =>
		(a: Row, b: Row) => {
			for (const fn of fns) {
				const r = fn(a, b);
				if (r) return r;
			}
			return 0;
		};
	const by = (k: keyof Row) => (a: Row, b: Row) => cmp(a[k], b[k]);
	switch (sort) {
		case 'doc_line':
			return (a, b) => dir * (a.source_order - b.source_order);
		case 'headline': {
			// A headline figure's rank; every other figure after them all (as `list_position`).
			const ranks = new Map(headline.map((id, i) => [id, i + 1]));
			const headlineRank = (id: string) => ranks.get(id) ?? headline.length + 1;
			return (a, b) =>
				dir * (headlineRank(a.figure_id) - headlineRank(b.figure_id)) ||
				dir * (a.source_order - b.source_order);
		}
		case 'value':
			return then(
				(a, b) => nullsLast(a.value ?? a.high, b.value ?? b.high, dir),
				by('figure_id'),
				by('source_order')
			);
		case 'period':
			return then(
				(a, b) => nullsLast(a.ref_start, b.ref_start, dir),
				(a, b) => nullsLast(a.ref_end, b.ref_end, dir) * dir,
				by('figure_id'),
				by('source_order')
			);
		case 'indicator':
		case 'geography':
			return then((a, b) => dir * cmp(a[sort], b[sort]), by('figure_id'), by('source_order'));
	}
}

/** The first `k` of ascending lists, merged: the k smallest values of their union. */
function firstOf(lists: number[][], k: number): number[] {
	const all: number[] = [];
	for (const l of lists) for (const x of l) all.push(x);
	return all.sort((a, b) => a - b).slice(0, Math.max(0, Math.floor(k)));
}

export class InstantEngine implements Engine {
	readonly name = 'instant' as const;
	/** Rows in source order, so a position is found by binary search. */
	private readonly rows: Row[];
	private readonly cells: Cell[];

	constructor(figures: SiteFigure[]) {
		const sorted = figures.every(
			(f, i) => i === 0 || figures[i - 1]!.source_order < f.source_order
		);
		this.rows = sorted ? figures : [...figures].sort((a, b) => a.source_order - b.source_order);
		const cells = new Map<string, Cell>();
		for (const r of this.rows) {
			const key = CUBE_DIMS.map((d) => r[d]).join('\u0000');
			let c = cells.get(key);
			if (!c) {
				c = {
					...cellDims(r),
					n: 0,
					first: []
				};
				cells.set(key, c);
			}
			c.n++;
			if (c.first.length < CUBE_FIRST) c.first.push(r.source_order);
		}
		this.cells = [...cells.values()];
	}

	/**
	 * The search cube (see `searchCubeSql`), built at the first search: at a million rows it
	 * takes the main thread about a second, which a reader who never searches should not wait.
	 */
	private searchCells: SearchCell[] | null = null;
	/** The last search's rows (an update asks several queries with one search), by position. */
	private lastSearch: { words: string; at: Set<number> } | null = null;

	private searchCube(): SearchCell[] {
		if (this.searchCells) return this.searchCells;
		// Rows are grouped in a tree of their values, a column a level: a row costs a lookup per
		// column, of values whose hash V8 keeps (rows share them), where a key of its fields
		// joined would hash their 500 characters again (2.5 s instead of 1 s at a million rows).
		const columns = [...CUBE_DIMS, ...SEARCH_FIELDS];
		const last = columns.pop()!;
		const root: Tree = new Map();
		const cells: SearchCell[] = [];
		for (const r of this.rows) {
			let node = root;
			for (const col of columns) {
				let next = node.get(r[col]) as Tree | undefined;
				if (!next) node.set(r[col], (next = new Map()));
				node = next;
			}
			let c = node.get(r[last]) as SearchCell | undefined;
			if (!c) {
				c = {
					...cellDims(r),
					search_text: searchText(r),
					n: 0,
					first: [],
					orders: []
				};
				node.set(r[last], c);
				cells.push(c);
			}
			c.n++;
			if (c.first.length < CUBE_FIRST) c.first.push(r.source_order);
			c.orders.push(r.source_order);
		}
		return (this.searchCells = cells);
	}

	/** A row's test for a search's words: whether its position is among the matching cells'. */
	private readonly searched = (words: string[]): ((d: Row) => boolean) => {
		const key = words.join(' ');
		if (this.lastSearch?.words !== key) {
			const at = new Set<number>();
			for (const c of this.searchCube())
				if (words.every((w) => c.search_text.includes(w))) for (const o of c.orders) at.add(o);
			this.lastSearch = { words: key, at };
		}
		const { at } = this.lastSearch;
		return (d) => at.has(d.source_order);
	};

	private at(order: number): Row {
		let lo = 0;
		let hi = this.rows.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.rows[mid]!.source_order < order) lo = mid + 1;
			else hi = mid;
		}
		return this.rows[lo]!;
	}

	async run<Q extends Query>(q: Q): Promise<ResultOf<Q>> {
		return this.runSync(q) as ResultOf<Q>;
	}

	async runAll<T extends Record<string, Query>>(queries: T): Promise<ResultsOf<T>> {
		return Object.fromEntries(
			Object.entries(queries).map(([name, q]) => [name, this.runSync(q)])
		) as ResultsOf<T>;
	}

	runSync(q: Query): Answer {
		if (q.per) return this.perValue(q, q.per);
		// Counts always come from the cube; rows and comparisons from it when it holds them.
		if ((q.kind === 'rows' || q.kind === 'comparable') && !cubeAnswers(q)) return this.fromRows(q);
		return this.fromCube(q);
	}

	/** A query split by the values of `per` (see `describe.ts`), over the rows. */
	private perValue(q: Query, per: PerField): Answer {
		const hit = matches<Row>(q.filters, this.searched);
		const perOf = (r: Row): string | null =>
			per !== 'period'
				? r[per]
				: r.ref_start === null || r.ref_end === null
					? null
					: `${r.ref_start}-${r.ref_end}`;
		const tally = <K>(keyOf: (r: Row) => K[] | null) => {
			const n = new Map<string | null, Map<K, number>>();
			for (const r of this.rows) {
				const keys = hit(r) ? keyOf(r) : null;
				if (!keys?.length) continue;
				let m = n.get(perOf(r));
				if (!m) n.set(perOf(r), (m = new Map()));
				for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
			}
			return n;
		};
		const flat = <K, T>(
			n: Map<string | null, Map<K, number>>,
			row: (p: string | null, k: K, c: number) => T
		) => [...n.keys()].sort(textOrder).flatMap((p) => [...n.get(p)!].map(([k, c]) => row(p, k, c)));
		switch (q.kind) {
			case 'countBy': {
				// Every (per, key) pair of the table, 0 where none match, as the SQL's FILTER gives.
				const n = new Map<string | null, Map<string, number>>();
				for (const r of this.rows) {
					let m = n.get(perOf(r));
					if (!m) n.set(perOf(r), (m = new Map()));
					for (const key of valuesOf(q.field, r[q.field]))
						m.set(key, (m.get(key) ?? 0) + (hit(r) ? 1 : 0));
				}
				return flat(n, (p, key, c) => ({ per: p, key, n: c })).sort(
					(a, b) => textOrder(a.per, b.per) || cmp(a.key, b.key)
				);
			}
			case 'countByYear': {
				const years = (r: Row) =>
					r.ref_start === null || r.ref_end === null
						? null
						: Array.from({ length: r.ref_end - r.ref_start + 1 }, (_, i) => r.ref_start! + i);
				const stated = tally((r) => (r.period_basis === 'stated' ? years(r) : null));
				return flat(tally(years), (p, year, c) => ({
					per: p,
					year,
					n: c,
					stated: stated.get(p)?.get(year) ?? 0
				})).sort((a, b) => textOrder(a.per, b.per) || a.year - b.year);
			}
			case 'periods': {
				const groups = new Map<string | null, Map<string, PeriodCount>>();
				for (const r of this.rows) {
					if (r.ref_start === null || r.ref_end === null || !hit(r)) continue;
					const p = perOf(r);
					let m = groups.get(p);
					if (!m) groups.set(p, (m = new Map()));
					addToPeriod(m, r, 1, [r.source_order]);
				}
				return [...groups.keys()]
					.sort(textOrder)
					.flatMap((p) => sortedPeriods(groups.get(p)!).map((g) => ({ per: p, ...g })));
			}
			case 'countAll':
				return flat(
					tally(() => ['all']),
					(p, key, c) => ({ per: p, key, n: c })
				);
			case 'countUndated':
				return flat(
					tally((r) => (r.ref_start === null ? ['undated'] : null)),
					(p, key, c) => ({ per: p, key, n: c })
				);
			case 'rows': {
				const shown = q.columns === 'table' ? tableColumns : (r: Row) => ({ ...r });
				const rows = this.rows.filter(hit).sort(sorter(q.sort, q.descending, q.headline));
				const limit = q.limit === undefined ? Infinity : Math.max(0, Math.floor(q.limit));
				const taken = new Map<string | null, number>();
				return rows
					.filter((r) => {
						const t = taken.get(perOf(r)) ?? 0;
						taken.set(perOf(r), t + 1);
						return t < limit;
					})
					.map((r) => ({ ...shown(r), per: perOf(r) }));
			}
			case 'comparable': {
				const k = Math.max(0, Math.floor(q.perIndicator));
				const taken = new Map<string | null, number>();
				// Rows are in source order, so the first k met are the first k.
				return this.rows
					.filter((r) => {
						if (!hit(r)) return false;
						const key = `${perOf(r)}\u0000${r.indicator}`;
						const t = taken.get(key) ?? 0;
						taken.set(key, t + 1);
						return t < k;
					})
					.sort(comparableOrder)
					.map((r) => ({ ...compareColumns(r), per: perOf(r) }));
			}
		}
	}

	/** The same answers as `fromRows`, counted over the cube's cells. */
	private fromCube(q: Query): Answer {
		const hit = matches<Cell | SearchCell>(q.filters);
		const all = searches(q) ? this.searchCube() : this.cells;
		const cells = () => all.filter(hit);
		const sum = (cs: Cell[]) => cs.reduce((s, c) => s + c.n, 0);
		switch (q.kind) {
			case 'countBy': {
				// Every key of the field, counted under the filters (zero when none match), like the
				// SQL's LEFT JOIN of all keys to the filtered counts.
				const n = new Map<string, number>();
				for (const c of all)
					for (const key of valuesOf(q.field, c[q.field] as string))
						n.set(key, (n.get(key) ?? 0) + (hit(c) ? c.n : 0));
				return [...n].map(([key, count]) => ({ key, n: count })).sort((a, b) => cmp(a.key, b.key));
			}
			case 'countByYear': {
				const n = new Map<number, { n: number; stated: number }>();
				for (const c of cells()) {
					if (c.ref_start === null || c.ref_end === null) continue;
					for (let y = c.ref_start; y <= c.ref_end; y++) {
						const t = n.get(y) ?? { n: 0, stated: 0 };
						t.n += c.n;
						if (c.period_basis === 'stated') t.stated += c.n;
						n.set(y, t);
					}
				}
				return [...n].sort((a, b) => a[0] - b[0]).map(([year, t]) => ({ year, ...t }));
			}
			case 'periods': {
				const groups = new Map<string, PeriodCount>();
				for (const c of cells()) addToPeriod(groups, c, c.n, c.first);
				return sortedPeriods(groups);
			}
			case 'countAll':
				return [{ key: 'all', n: sum(cells()) }];
			case 'countUndated':
				return [{ key: 'undated', n: sum(cells().filter((c) => c.ref_start === null)) }];
			case 'rows': {
				// A search's first page in source order (see `cubeAnswers`): the first positions.
				const page = firstOf(
					cells().map((c) => c.first),
					q.limit ?? Infinity
				).map((o) => this.at(o));
				return q.columns === 'table' ? page.map(tableColumns) : page;
			}
			case 'comparable': {
				const byIndicator = new Map<string, Cell[]>();
				for (const c of cells()) {
					const list = byIndicator.get(c.indicator);
					if (list) list.push(c);
					else byIndicator.set(c.indicator, [c]);
				}
				const out: Row[] = [];
				for (const cs of byIndicator.values()) {
					if (sum(cs) < 2) continue;
					for (const o of firstOf(
						cs.map((c) => c.first),
						q.perIndicator
					))
						out.push(this.at(o));
				}
				return out.sort(comparableOrder).map(compareColumns);
			}
		}
	}

	/** Rows and comparisons the cube cannot answer (another order, a longer page), from the rows. */
	private fromRows(
		q: Extract<Query, { kind: 'rows' | 'comparable' }>
	): SiteFigure[] | TableFigure[] | CompareFigure[] {
		const hit = matches<Row>(q.filters, this.searched);
		switch (q.kind) {
			case 'rows': {
				const shown = (rows: Row[]) => (q.columns === 'table' ? rows.map(tableColumns) : rows);
				if (q.sort === 'doc_line' && !q.descending && q.limit !== undefined) {
					// Rows are in source order: stop at the first page, as DuckDB's scan does.
					const page: Row[] = [];
					const limit = Math.max(0, Math.floor(q.limit));
					for (const r of this.rows) {
						if (page.length >= limit) break;
						if (hit(r)) page.push(r);
					}
					return shown(page);
				}
				const rows = this.rows.filter(hit).sort(sorter(q.sort, q.descending, q.headline));
				return shown(
					q.limit === undefined ? rows : rows.slice(0, Math.max(0, Math.floor(q.limit)))
				);
			}
			case 'comparable': {
				const rows = this.rows.filter(hit);
				const n = new Map<string, number>();
				for (const r of rows) n.set(r.indicator, (n.get(r.indicator) ?? 0) + 1);
				const taken = new Map<string, number>();
				const k = Math.max(0, Math.floor(q.perIndicator));
				// Rows are in source order, so the first k met are the first k.
				return rows
					.filter((r) => {
						if ((n.get(r.indicator) ?? 0) < 2) return false;
						const t = taken.get(r.indicator) ?? 0;
						taken.set(r.indicator, t + 1);
						return t < k;
					})
					.sort(comparableOrder)
					.map(compareColumns);
			}
		}
	}
}

/** Adds figures (a row, or a cube cell's) to their group of the timeline; undated ones to none. */
function addToPeriod(
	groups: Map<string, PeriodCount>,
	d: Pick<Row, 'ref_start' | 'ref_end' | 'period_basis'>,
	n: number,
	first: number[]
): void {
	if (d.ref_start === null || d.ref_end === null) return;
	const key = `${d.ref_start}\u0000${d.ref_end}\u0000${d.period_basis}`;
	const g = groups.get(key);
	if (g) {
		g.n += n;
		g.first = firstOf([g.first, first], CUBE_FIRST);
	} else
		groups.set(key, {
			ref_start: d.ref_start,
			ref_end: d.ref_end,
			period_basis: d.period_basis,
			n,
			first: firstOf([first], CUBE_FIRST)
		});
}

/** The timeline's groups in the SQL's order: by first year, last year, then basis. */
function sortedPeriods(groups: Map<string, PeriodCount>): PeriodCount[] {
	return [...groups.values()].sort(
		(a, b) =>
			a.ref_start - b.ref_start || a.ref_end - b.ref_end || cmp(a.period_basis, b.period_basis)
	);
}

/** Text in SQL's ORDER BY: byte order (code units for these values), NULL last. */
const textOrder = (a: string | null, b: string | null) => nullsLast(a, b);

/** A table row holds only the columns the table shows, as the SQL selects them. */
const tableColumns = (r: Row): TableFigure =>
	Object.fromEntries(TABLE_COLUMNS.map((c) => [c, r[c]])) as TableFigure;

/** A comparison row holds only the columns its chart needs, as the SQL selects them. */
const compareColumns = (r: Row): CompareFigure =>
	Object.fromEntries(COMPARE_COLUMNS.map((c) => [c, r[c]])) as CompareFigure;

const comparableOrder = (a: Row, b: Row) =>
	cmp(a.indicator, b.indicator) ||
	cmp(a.unit, b.unit) ||
	nullsLast(a.ref_start, b.ref_start) ||
	cmp(a.figure_id, b.figure_id) ||
	a.source_order - b.source_order;
