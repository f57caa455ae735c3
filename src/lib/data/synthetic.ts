/**
 * A synthetic figures table of any size, for measuring the explorer at scale. Row i copies real
 * figure (i mod n) with a new id, a new topic (its only one), value and years shifted by fixed
 * rules — written once in JS (for the instant engine) and once in SQL (for DuckDB) so both
 * engines hold identical rows.
 */
import { TOPICS } from './schema';
import type { SiteFigure } from './site-table';

const byId = (a: SiteFigure, b: SiteFigure) => (a.figure_id < b.figure_id ? -1 : a.figure_id > b.figure_id ? 1 : 0);

export function syntheticFigures(real: SiteFigure[], n: number): SiteFigure[] {
	const base = [...real].sort(byId);
	const out = new Array<SiteFigure>(n);
	for (let i = 0; i < n; i++) {
		const b = i % base.length;
		const f = base[b]!;
		const scale = 1 + (i % 97) / 100;
		const shift = (i % 21) - 10;
		out[i] = {
			...f,
			figure_id: `syn-${i}`,
			topic: TOPICS[i % TOPICS.length]!,
			topics: TOPICS[i % TOPICS.length]!,
			value: f.value === null ? null : f.value * scale,
			low: f.low === null ? null : f.low * scale,
			high: f.high === null ? null : f.high * scale,
			period_start: f.period_start === null ? null : f.period_start + shift,
			period_end: f.period_end === null ? null : f.period_end + shift,
			ref_start: f.ref_start === null ? null : f.ref_start + shift,
			ref_end: f.ref_end === null ? null : f.ref_end + shift,
			source_order: i + 1
		};
	}
	return out;
}

/** SQL that replaces the loaded `figures` table with `n` synthetic rows by the same rules. */
export function syntheticSql(n: number): string[] {
	const topics = `[${TOPICS.map((t) => `'${t}'`).join(', ')}]`;
	return [
		`CREATE TEMP TABLE base AS SELECT *, (row_number() OVER (ORDER BY figure_id) - 1)::BIGINT AS b FROM figures`,
		`CREATE TABLE synthetic AS
		 SELECT * EXCLUDE (b, i) REPLACE (
			'syn-' || i AS figure_id,
			${topics}[(i % ${TOPICS.length}) + 1] AS topic,
			${topics}[(i % ${TOPICS.length}) + 1] AS topics,
			value * (1 + (i % 97) / 100) AS value,
			low * (1 + (i % 97) / 100) AS low,
			high * (1 + (i % 97) / 100) AS high,
			(period_start + (i % 21) - 10)::INTEGER AS period_start,
			(period_end + (i % 21) - 10)::INTEGER AS period_end,
			(ref_start + (i % 21) - 10)::INTEGER AS ref_start,
			(ref_end + (i % 21) - 10)::INTEGER AS ref_end,
			(i + 1)::INTEGER AS source_order
		 )
		 FROM range(${Math.floor(n)}) t(i) JOIN base ON base.b = i % (SELECT count(*) FROM base)
		 ORDER BY i`,
		`DROP TABLE figures`,
		`DROP TABLE base`,
		`ALTER TABLE synthetic RENAME TO figures`
	];
}
