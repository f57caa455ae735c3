/**
 * The explorer's state and coordination, out of its route: the selection the address holds,
 * the view on screen (a selection and its answer, replaced together), the engine that answers,
 * the search being typed, and how clicks, keys and the year inputs become addresses (by the
 * rules in `navigation.ts`). The route only shows it.
 *
 * View first, address after: a click's view is answered and drawn from the address asked for
 * (`wanted`), and SvelteKit goes to that address once the frame showing it is painted
 * (`AddressQueue`); the address's own change then finds its view already answered.
 *
 * Engine policy: the curated figures are answered by the instant engine, always (about a
 * millisecond an update, and no WebAssembly to download). DuckDB-wasm answers the explorer
 * only when it shows more than them: a reader's own rows copied from the SQL workbench, or
 * the bench's switches (`?synthetic=N`, `?engine=duckdb`).
 */
import { tick } from 'svelte';
import { type DocumentRow } from '../data/schema';
import { editionData } from '../data/site-data';
import { getLocale } from '$lib/paraglide/runtime';
import { topicLabels } from '../data/labels';
import type { SiteFigure } from '../data/site-table';
import { syntheticFigures, syntheticSql } from '../data/synthetic';
import { InstantEngine } from '../db/instant';
import { TABLE_MAX, TABLE_PAGE, type ExplorerResult } from '../queries/explorer';
import { figureIds, geoNames, knownValues } from '../state/known';
import { viewHref } from '../state/links';
import { EMPTY_SELECTION, type Selection } from '../state/selection';
import {
	NO_BENCH,
	parseSelection,
	selectionToSearch,
	type BenchSwitch,
	type ParsedUrl
} from '../state/url';
import { OffscreenValue } from './offscreen-value.svelte';
import { AddressQueue, nextPaint } from './address-queue.svelte';
import { ExplorerAnswers } from './answers';
import { EngineState, type EngineUrls } from './engine-state.svelte';
import {
	escapeAction,
	keyedYearsStep,
	linkTarget,
	requestedSelection,
	sameViewLink,
	searchStep,
	yearRange
} from './navigation';
import { runExplorerSync } from './run';
import { hideUserFigures, userFigures } from './user-figures.svelte';

/** What the state needs from the page around it (SvelteKit's, in the route). */
export interface ExplorerHost {
	/** The site's base path, for its data files (`/data/figures.arrow`). */
	base: string;
	/** Where the site's pages are in the page's language ("/es" in Spanish): the views' links. */
	pages: string;
	/** The page's address now. */
	url: () => URL;
	/** Goes to an address of this page (SvelteKit's `goto`, keeping focus and scroll). */
	go: (url: string, replaceState: boolean) => Promise<void>;
}

/** What is on screen: a selection and its answer, drawn together. */
export interface ExplorerView {
	sel: Selection;
	result: ExplorerResult;
}

/** A click with no modifier key, not handled yet: one that follows the link here. */
const plainClick = (e: MouseEvent) =>
	!e.defaultPrevented && e.button === 0 && !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey);

/** How long typing rests before the search applies. */
export const SEARCH_DELAY_MS = 180;

export class ExplorerState {
	readonly figures: SiteFigure[];
	/** The source documents, in their order (the source lines of charts and embeds name them). */
	readonly documents: DocumentRow[];
	readonly known;
	readonly names: Record<string, string>;
	readonly docTitles: Record<string, string>;
	readonly docOrder: string[];
	/** Display names of the values each list view holds (indicators are their own names). */
	readonly labels: {
		topics: Record<string, string>;
		docs: Record<string, string>;
		geos: Record<string, string>;
	};
	/** The figures with pages: the curated ones (a reader's own rows have none). */
	readonly curatedIds: ReadonlySet<string>;

	mounted = $state(false);
	/** The figures the explorer answers over: the curated ones, or the bench's synthetic rows. */
	rows: SiteFigure[] = $state.raw([]);
	engines: EngineState = $state.raw(null as unknown as EngineState);
	/** What the address holds; the default view until the page runs in a browser. */
	readonly parsed: ParsedUrl;
	readonly urlSel: Selection;
	readonly bench: BenchSwitch;
	view: ExplorerView = $state.raw(null as unknown as ExplorerView);
	/**
	 * The view the timeline and the map show: below the figure cards on a first screen, so a
	 * click in the facets draws them when the browser is idle unless they are in sight (see
	 * `OffscreenValue`); a click in them draws them at once.
	 */
	readonly charts: OffscreenValue<ExplorerView>;
	/** The view the sections below the timeline and map show (the comparisons, the table). */
	readonly below: OffscreenValue<ExplorerView>;
	/** Updates drawn so far, and the last whose views' indexes are built: for tests and the bench. */
	updates = $state(0);
	indexed = $state(0);
	queryError = $state('');
	/** "Show more" lengthens the table for this view only; a new selection starts at one page. */
	private more = $state({ search: '', limit: TABLE_PAGE });
	/** Search text typed but not yet applied. */
	typed: string | null = $state(null);

	private readonly answers = new ExplorerAnswers();
	private seq = 0;
	private searchTimer: ReturnType<typeof setTimeout> | undefined;
	/** The address the current search last went to (see `searchStep`). */
	private searchEntry = '';
	/** The addresses the last run of the timeline's year keys went to (see `keyedYearsStep`). */
	private keyRun: string[] = [];
	/** The addresses asked for, gone to once the view they hold is drawn (see `AddressQueue`). */
	private readonly address: AddressQueue;
	/**
	 * The selection to show: the address's, or the one last asked for while the navigation to
	 * it waits for the frame that shows it.
	 */
	readonly wanted: Selection;
	/** What the last update answered (its selection, table length and engine): one per change. */
	private answered: { key: string; engine: unknown } | null = null;

	constructor(
		data: { figures: SiteFigure[]; documents: DocumentRow[] },
		private readonly host: ExplorerHost
	) {
		this.figures = data.figures;
		this.documents = data.documents;
		this.known = knownValues(data.figures);
		this.names = geoNames(data.figures);
		this.docTitles = Object.fromEntries(data.documents.map((d) => [d.doc_id, d.short_title]));
		this.docOrder = data.documents.map((d) => d.doc_id);
		this.labels = { topics: topicLabels(), docs: this.docTitles, geos: this.names };
		this.curatedIds = figureIds(data.figures);
		this.parsed = $derived(
			this.mounted
				? parseSelection(this.host.url().searchParams, this.known)
				: { selection: EMPTY_SELECTION, bench: NO_BENCH, ignored: [] }
		);
		this.urlSel = $derived(this.parsed.selection);
		this.bench = $derived(this.parsed.bench);
		this.address = new AddressQueue(
			(url, replace) =>
				// An address asked for in the explorer, gone to only while the reader is still there.
				sameViewLink(url, this.host.url()) ? this.host.go(url, replace) : Promise.resolve(),
			// After the frame that shows the view last asked for (or its error).
			() => nextPaint(() => this.shows(this.wanted) || this.queryError !== '')
		);
		this.wanted = $derived(
			this.address.requested === null
				? this.urlSel
				: requestedSelection(this.address.requested, this.host.url(), this.known)
		);
		this.rows = data.figures;
		this.engines = new EngineState(data.figures, this.engineUrls());
		this.view = {
			sel: EMPTY_SELECTION,
			result: runExplorerSync(new InstantEngine(data.figures), EMPTY_SELECTION)
		};
		this.charts = new OffscreenValue(this.view);
		this.below = new OffscreenValue(this.view);
	}

	get sel(): Selection {
		return this.view.sel;
	}
	get result(): ExplorerResult {
		return this.view.result;
	}
	/** Rows the table shows for the address as it is. */
	get tableLimit(): number {
		return this.more.search === this.host.url().search ? this.more.limit : TABLE_PAGE;
	}
	get canShowMore(): boolean {
		return this.below.current.result.rows.length < TABLE_MAX;
	}
	/** The reader's own rows the explorer counts (they are in DuckDB-wasm only). */
	get userRows(): number {
		return this.engines.engine.name === 'duckdb' ? userFigures.rows : 0;
	}
	/** Whether the bench's or the reader's data bring DuckDB-wasm into the explorer. */
	get usesDuckDb(): boolean {
		return (
			userFigures.tables.length > 0 || this.bench.synthetic > 0 || this.bench.engine === 'duckdb'
		);
	}

	private engineUrls(extra: Partial<EngineUrls> = {}): EngineUrls {
		// The page's edition: on /es/ the same tables with the data's own words in Spanish.
		const data = editionData(this.host.base, getLocale());
		return {
			figures: `${data}/figures.arrow`,
			documents: `${data}/documents.arrow`,
			...extra
		};
	}

	/** In the browser, once: reads the address and starts DuckDB-wasm if the view needs it. */
	start(): void {
		this.mounted = true;
		const { synthetic } = this.bench;
		if (synthetic) {
			// Measuring at scale: the same schema, many more rows, on both engines alike.
			this.rows = syntheticFigures(this.figures, synthetic);
			this.engines = new EngineState(
				this.rows,
				this.engineUrls({ afterLoad: syntheticSql(synthetic) })
			);
		} else if (userFigures.tables.length)
			this.engines = new EngineState(
				this.rows,
				this.engineUrls({ userTables: userFigures.tables })
			);
		if (!this.usesDuckDb) return;
		// Let the first view paint before the 5 MB engine starts downloading.
		const begin = () => this.engines.startDuckDb();
		if (typeof requestIdleCallback === 'function') requestIdleCallback(begin, { timeout: 1500 });
		else setTimeout(begin, 300);
	}

	/** Back to the curated figures alone. */
	hideUserRows(): void {
		hideUserFigures();
		this.engines = new EngineState(this.rows, this.engineUrls());
		if (this.usesDuckDb) void this.engines.startDuckDb();
	}

	/**
	 * Answers the selection asked for and shows it; older answers that come late are dropped.
	 * The address arriving at a selection already asked for changes nothing.
	 */
	update(): void {
		const s = this.wanted;
		const engine = this.engines.engine;
		const limit = this.tableLimit;
		const key = `${selectionToSearch(s)}&limit=${limit}`;
		if (this.answered?.key === key && this.answered.engine === engine) return;
		this.answered = { key, engine };
		const id = ++this.seq;
		this.answers
			.take(engine, s, limit)
			.then(async (result) => {
				if (id !== this.seq) return;
				this.view = { sel: s, result };
				this.charts.set(this.view);
				this.below.set(this.view);
				this.queryError = '';
				await tick();
				this.updates = id;
				// A newer update may have come while this one was drawn: it builds its own indexes.
				if (id !== this.seq) return;
				await this.answers.ahead(engine, s, limit, this.rows.length + userFigures.rows);
				if (id === this.seq) this.indexed = id;
			})
			.catch((e: unknown) => {
				if (id !== this.seq) return;
				this.queryError = e instanceof Error ? e.message : String(e);
				// The same selection asked for again is asked of the engine again.
				this.answered = null;
			});
	}

	/** Whether the view on screen answers `sel`. */
	private shows(sel: Selection): boolean {
		return selectionToSearch(this.view.sel) === selectionToSearch(sel);
	}

	/** Whether the view on screen is the address's, with nothing asked for still on its way. */
	get settled(): boolean {
		return this.address.requested === null && this.shows(this.urlSel);
	}

	showMore(): void {
		this.more = { search: this.host.url().search, limit: this.tableLimit + TABLE_PAGE };
	}

	/** The address of the view on screen with `patch` applied (the bench's switches kept). */
	href = (patch: Partial<Selection>): string => this.hrefFrom(this.sel, patch);

	/** The same from another view's selection (the timeline's and map's, which may trail). */
	hrefFrom = (sel: Selection, patch: Partial<Selection>): string =>
		viewHref(this.host.pages, { ...sel, ...patch }, this.bench);

	/**
	 * Shows an address's view now and goes to the address once it is drawn (see
	 * `AddressQueue`); resolves when the address is the page's.
	 */
	go(url: string, replace = false): Promise<void> {
		return this.address.push(url, replace);
	}

	/** Forgets addresses asked for and not gone to: Back, Forward, or another page. */
	dropAsked(): void {
		this.address.drop();
	}

	/** A keystroke in the search box: applied when typing rests (one history entry per search). */
	search(text: string): void {
		this.typed = text;
		clearTimeout(this.searchTimer);
		this.searchTimer = setTimeout(async () => {
			// The address, not the view on screen: a click whose answer is still coming is kept.
			const step = searchStep(this.host.pages, this.wanted, this.bench, text, this.searchEntry);
			if (!step) return;
			this.searchEntry = step.url;
			try {
				await this.go(step.url, step.replace);
			} finally {
				if (this.typed === text) this.typed = null;
			}
		}, SEARCH_DELAY_MS);
	}

	/** Drops a search typed but not yet applied: Escape, Back and Forward leave it behind. */
	dropTypedSearch(): void {
		clearTimeout(this.searchTimer);
		this.typed = null;
		this.searchEntry = '';
	}

	/** Escape: clears every filter and any search typed; false when there was nothing to clear. */
	escape(): boolean {
		const action = escapeAction(this.host.pages, this.wanted, this.bench, this.typed);
		if (action.kind === 'none') return false;
		this.dropTypedSearch();
		if (action.url) void this.go(action.url);
		return true;
	}

	/**
	 * A click anywhere in the explorer: one on a link to another view of this page navigates at
	 * once, from the address as it is now (SvelteKit's own link handling first waits a frame,
	 * which is most of an update's latency here). Other clicks are the browser's.
	 */
	onclick = (e: MouseEvent): void => {
		const link = plainClick(e) ? this.viewLinkAt(e.target) : null;
		if (!link) return;
		e.preventDefault();
		const clearsAll = e.target instanceof Element && !!e.target.closest('[data-clears-all]');
		// The timeline's and map's links are drawn from their own view (`charts`), which trails
		// this one while they are out of sight.
		const drawnFrom =
			e.target instanceof Element && e.target.closest('[data-drawn-from="charts"]')
				? this.charts.current.sel
				: this.sel;
		const { pages } = this.host;
		void this.go(
			linkTarget(link, drawnFrom, this.wanted, this.known, this.bench, pages, clearsAll)
		);
	};

	/** The explorer view the link around this element opens in this tab, if it leads to one. */
	private viewLinkAt(target: EventTarget | null): URL | null {
		const a = (target as Element | null)?.closest?.('a');
		const href = a?.getAttribute('href') ?? a?.getAttribute('xlink:href');
		if (!a || !href || a.hasAttribute('download') || a.getAttribute('target')) return null;
		return sameViewLink(href, this.host.url());
	}

	/**
	 * A year range from the inputs, a brush or the timeline's keys, on the address as it is. A
	 * run of keys makes one history entry (see `keyedYearsStep`).
	 */
	setYears(from: number, to: number, keyed = false): void {
		const years = yearRange(from, to, this.known);
		if (!keyed) {
			void this.go(viewHref(this.host.pages, { ...this.wanted, years }, this.bench));
			return;
		}
		const here = viewHref(this.host.pages, this.urlSel, this.bench);
		const { pages } = this.host;
		const step = keyedYearsStep(pages, this.wanted, this.bench, years, here, this.keyRun);
		if (!step) return;
		this.keyRun = step.runEntries;
		void this.go(step.url, step.replace);
	}

	/** One of the year inputs changed to `value`. */
	setYear(which: 0 | 1, value: number): void {
		if (!Number.isInteger(value)) return;
		const current = this.wanted.years ?? this.known.years;
		this.setYears(which === 0 ? value : current[0], which === 1 ? value : current[1]);
	}
}
