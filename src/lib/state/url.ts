/**
 * The only query-string parser: the selection to and from a URL. It never throws; anything it
 * cannot use is dropped and reported, so a hand-edited or truncated link still opens a view.
 */
import { EMPTY_SELECTION, SORT_KEYS, type Selection, type SortKey } from './selection';
import { LIST_VIEWS } from './views';
import { m } from '$lib/paraglide/messages';

export interface KnownValues {
	topics: ReadonlySet<string>;
	docs: ReadonlySet<string>;
	geos: ReadonlySet<string>;
	indicators: ReadonlySet<string>;
	/** Inclusive range of reference years in the data. */
	years: [number, number];
}

/**
 * Switches for measuring the explorer, not for readers: `?synthetic=N` explores N generated rows
 * instead of the curated figures (on DuckDB-wasm, as a reader's own rows would be), and
 * `?engine=duckdb` answers the curated figures on DuckDB-wasm, for the bench and the engines'
 * parity checks. They ride along in the explorer's links but are not part of the selection.
 */
export interface BenchSwitch {
	engine: 'default' | 'duckdb';
	synthetic: number;
}

export const NO_BENCH: BenchSwitch = { engine: 'default', synthetic: 0 };

export interface ParsedUrl {
	selection: Selection;
	bench: BenchSwitch;
	/**
	 * Human-readable notes on what was ignored, in the page's language, e.g.
	 * `topic "foo" is not in the data` (parameters and values as the address spells them).
	 */
	ignored: string[];
}

// The bench's million rows; more would only stall the phone of someone sent such a link.
const MAX_SYNTHETIC = 1_000_000;
const MAX_LIST = 50;
/** The bench's switches: they choose the engine or the rows, never which figures are shown. */
const BENCH_PARAMS = ['engine', 'synthetic'];
/** The selection's parameters that hold one value (the list views' may hold several). */
const SINGLE_SELECTION_PARAMS = ['years', 'q', 'sort', 'desc'];
/** Parameters that choose the figures shown or their order: a view of its own. */
export const SELECTION_PARAMS: readonly string[] = [
	...LIST_VIEWS.map((v) => v.param),
	...SINGLE_SELECTION_PARAMS
];
/** Parameters that hold one value: a repeated one is reported, and the first is used. */
const SINGLE_PARAMS = new Set([...SINGLE_SELECTION_PARAMS, ...BENCH_PARAMS]);
const KNOWN_PARAMS = new Set([...SELECTION_PARAMS, ...BENCH_PARAMS]);
const MAX_Q = 200;

/** Shortens hostile or huge input before it is echoed in a notice. */
export function shown(v: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is masked
	const clean = v.replace(/[\u0000-\u001f\u007f]/g, '?');
	return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export function parseSelection(params: URLSearchParams, known: KnownValues): ParsedUrl {
	const sel: Selection = { ...EMPTY_SELECTION };
	const bench: BenchSwitch = { ...NO_BENCH };
	const ignored: string[] = [];
	for (const key of new Set(params.keys())) {
		if (!KNOWN_PARAMS.has(key)) ignored.push(m.explorer_ignored_unknown({ name: shown(key) }));
		else if (SINGLE_PARAMS.has(key) && params.getAll(key).length > 1) {
			const n = params.getAll(key).length;
			ignored.push(m.explorer_ignored_repeated({ name: key, n }));
		}
	}
	for (const { param, list: field } of LIST_VIEWS) {
		// Indicators are free text that may hold commas, so they repeat the parameter instead.
		const all = params.getAll(param);
		const values = param === 'indicator' ? all : all.flatMap((v) => v.split(','));
		const ok: string[] = [];
		let over = 0;
		for (const v of values) {
			if (v === '') continue;
			if (!known[field].has(v))
				ignored.push(m.explorer_ignored_not_in_data({ param, value: shown(v) }));
			else if (ok.includes(v)) continue;
			else if (ok.length < MAX_LIST) ok.push(v);
			else over += 1;
		}
		if (over) ignored.push(m.explorer_ignored_over({ n: over, param, max: MAX_LIST }));
		sel[field] = ok.sort();
	}
	const years = params.get('years');
	if (years !== null) {
		const range = /^(\d{4})(?:-(\d{4}))?$/.exec(years.trim());
		const from = range ? Number(range[1]) : NaN;
		const to = range ? Number(range[2] ?? range[1]) : NaN;
		// A range reaching past the data's years selects the same figures as its part within them.
		if (range && from <= to && to >= known.years[0] && from <= known.years[1])
			sel.years = [Math.max(from, known.years[0]), Math.min(to, known.years[1])];
		else
			ignored.push(
				m.explorer_ignored_years({
					value: shown(years),
					from: known.years[0],
					to: known.years[1]
				})
			);
	}
	const q = params.get('q');
	if (q !== null) {
		if (q.length > MAX_Q) ignored.push(m.explorer_ignored_search_cut({ max: MAX_Q }));
		// A blank search is no search, so the link it makes is the same as the view it shows.
		sel.q = q.trim() ? q.slice(0, MAX_Q) : '';
	}
	const sort = params.get('sort');
	if (sort !== null) {
		if ((SORT_KEYS as readonly string[]).includes(sort)) sel.sort = sort as SortKey;
		else ignored.push(m.explorer_ignored_sort({ value: shown(sort), keys: SORT_KEYS.join(', ') }));
	}
	const desc = params.get('desc');
	if (desc !== null) {
		if (desc === '1' || desc === '0') sel.desc = desc === '1';
		else ignored.push(m.explorer_ignored_desc({ value: shown(desc) }));
	}
	const engine = params.get('engine');
	if (engine !== null) {
		// Links made before the instant engine became the explorer's own said `instant` or `auto`
		// (and, earlier still, `arquero`): they open the default view.
		if (engine === 'duckdb') bench.engine = 'duckdb';
		else if (!['instant', 'auto', 'arquero'].includes(engine))
			ignored.push(m.explorer_ignored_engine({ value: shown(engine) }));
	}
	const synthetic = params.get('synthetic');
	if (synthetic !== null) {
		const n = /^\d{1,7}$/.test(synthetic) ? Number(synthetic) : NaN;
		if (n >= 1 && n <= MAX_SYNTHETIC) bench.synthetic = n;
		else
			ignored.push(m.explorer_ignored_synthetic({ value: shown(synthetic), max: MAX_SYNTHETIC }));
	}
	return { selection: sel, bench, ignored };
}

/**
 * The query string (with its leading "?", or "" for the default view) that reopens `sel`, with
 * the bench's switches when they are on.
 */
export function selectionToSearch(sel: Selection, bench: BenchSwitch = NO_BENCH): string {
	const p = new URLSearchParams();
	for (const { param, list } of LIST_VIEWS) {
		if (param === 'indicator') for (const i of sel[list]) p.append(param, i);
		else if (sel[list].length) p.set(param, sel[list].join(','));
	}
	if (sel.years)
		p.set(
			'years',
			sel.years[0] === sel.years[1] ? `${sel.years[0]}` : `${sel.years[0]}-${sel.years[1]}`
		);
	if (sel.q.trim()) p.set('q', sel.q);
	if (sel.sort !== EMPTY_SELECTION.sort) p.set('sort', sel.sort);
	if (sel.desc) p.set('desc', '1');
	if (bench.engine !== 'default') p.set('engine', bench.engine);
	if (bench.synthetic) p.set('synthetic', String(bench.synthetic));
	const s = p.toString();
	return s ? `?${s}` : '';
}
