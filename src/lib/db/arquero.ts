/**
 * The instant-start engine: runs each query description on Arquero over the JSON build, with
 * the same semantics as the SQL in `queries/sql.ts` (the parity test holds them together).
 */
import { escape, from, type ColumnTable } from 'arquero';
import type { SiteFigure } from '../data/site-table';
import type { KeyCount, Query, SortKey, YearCount } from '../queries/describe';
import { SEARCH_FIELDS, searchWords, type Filter } from '../queries/filters';
import type { Engine, ResultOf } from './engine';

type Row = SiteFigure;

export function matches(filters: Filter[]): (d: Row) => boolean {
	const tests = filters.map((f): ((d: Row) => boolean) => {
		if (f.kind === 'in') {
			if (f.values.length === 0) return () => true;
			const set = new Set(f.values);
			return (d) => set.has(d[f.field]);
		}
		if (f.kind === 'years')
			return (d) =>
				d.period_start !== null &&
				d.period_end !== null &&
				d.period_start <= f.to &&
				d.period_end >= f.from;
		const words = searchWords(f.text);
		return (d) =>
			words.every((w) => SEARCH_FIELDS.some((c) => (d[c] ?? '').toLowerCase().includes(w)));
	});
	return (d) => tests.every((t) => t(d));
}

const cmp = (a: unknown, b: unknown) => (a === b ? 0 : (a as never) < (b as never) ? -1 : 1);

/** Orders like SQL's ORDER BY with NULLS LAST and binary string comparison. */
function sorter(sort: SortKey, descending: boolean): (a: Row, b: Row) => number {
	const dir = descending ? -1 : 1;
	const nullsLast = (x: number | null, y: number | null) =>
		x === null ? (y === null ? 0 : 1) : y === null ? -1 : dir * cmp(x, y);
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
			return then(
				(a, b) => dir * cmp(a.doc_date, b.doc_date),
				by('doc_id'),
				by('line'),
				by('figure_id')
			);
		case 'value':
			return then((a, b) => nullsLast(a.value ?? a.high, b.value ?? b.high), by('figure_id'));
		case 'period':
			return then(
				(a, b) => nullsLast(a.period_start, b.period_start),
				(a, b) => nullsLast(a.period_end, b.period_end) * dir,
				by('figure_id')
			);
		case 'indicator':
		case 'geography':
			return then((a, b) => dir * cmp(a[sort], b[sort]), by('figure_id'));
	}
}

export class ArqueroEngine implements Engine {
	readonly name = 'arquero' as const;
	private readonly table: ColumnTable;
	private readonly rows: Row[];

	constructor(figures: SiteFigure[]) {
		this.rows = figures;
		this.table = from(figures);
	}

	async run<Q extends Query>(q: Q): Promise<ResultOf<Q>> {
		return this.runSync(q) as ResultOf<Q>;
	}

	runSync(q: Query): KeyCount[] | YearCount[] | SiteFigure[] {
		const hit = matches(q.filters);
		const filtered = () => this.table.filter(escape(hit));
		switch (q.kind) {
			case 'countBy': {
				const field = q.field;
				const all = this.table.groupby(field).count({ as: 'total' }).objects() as Record<
					string,
					unknown
				>[];
				const counts = new Map(
					(filtered().groupby(field).count({ as: 'n' }).objects() as Record<string, unknown>[]).map(
						(r) => [r[field], r.n as number]
					)
				);
				return all
					.map((r) => ({ key: r[field] as string, n: counts.get(r[field]) ?? 0 }))
					.sort((a, b) => cmp(a.key, b.key));
			}
			case 'countByYear': {
				const n = new Map<number, number>();
				for (const d of this.rows) {
					if (d.period_start === null || d.period_end === null || !hit(d)) continue;
					for (let y = d.period_start; y <= d.period_end; y++) n.set(y, (n.get(y) ?? 0) + 1);
				}
				return [...n].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, n: count }));
			}
			case 'countAll':
				return [{ key: 'all', n: this.rows.filter(hit).length }];
			case 'countUndated':
				return [
					{ key: 'undated', n: this.rows.filter((d) => d.period_start === null && hit(d)).length }
				];
			case 'rows': {
				const rows = this.rows.filter(hit).sort(sorter(q.sort, q.descending));
				return q.limit === undefined ? rows : rows.slice(0, Math.max(0, Math.floor(q.limit)));
			}
			case 'comparable': {
				const rows = this.rows.filter(hit);
				const n = new Map<string, number>();
				for (const r of rows) n.set(r.indicator, (n.get(r.indicator) ?? 0) + 1);
				return rows
					.filter((r) => (n.get(r.indicator) ?? 0) >= 2)
					.sort(
						(a, b) =>
							cmp(a.indicator, b.indicator) ||
							cmp(a.unit, b.unit) ||
							nullsLastAsc(a.period_start, b.period_start) ||
							cmp(a.figure_id, b.figure_id)
					);
			}
		}
	}
}

const nullsLastAsc = (x: number | null, y: number | null) =>
	x === null ? (y === null ? 0 : 1) : y === null ? -1 : cmp(x, y);
