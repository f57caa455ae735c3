/**
 * The scratch deck: slides picked with "Present this", kept in the URL as repeated `s`
 * parameters (`/present/scratch?s=topic:topic%3Dremittances&s=figure:hc02-…`), so a deck is a
 * link. Decoding never throws: whatever cannot be used is dropped and named in a notice.
 */
import { getLocale, localizeUrl, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { EMPTY_SELECTION, type Selection } from '../state/selection';
import { selectionToSearch, shown, type KnownValues } from '../state/url';
import { formatCount } from '../data/format';
import { chartSelection } from './slides';
import { isSlideChart, SCRATCH_ID, type SlideChart } from './story';

export type ScratchSlide =
	{ kind: 'figure'; figure: string } | { kind: 'chart'; chart: SlideChart; state: string };

export const MAX_SCRATCH_SLIDES = 30;
const MAX_PARAM = 2000;
const STORAGE_KEY = 'cifras:scratch-deck';

/** A slide's kind and the rest of its parameter: `topic:topic=remittances` → `topic`, `topic=remittances`. */
function splitParam(value: string): [string, string] {
	const colon = value.indexOf(':');
	return colon < 0 ? [value, ''] : [value.slice(0, colon), value.slice(colon + 1)];
}

/** A chart slide's state from an explorer selection: only what the view shows, not how it runs. */
export function slideState(sel: Selection): string {
	const { topics, docs, geos, indicators, years, q } = sel;
	return selectionToSearch({ ...EMPTY_SELECTION, topics, docs, geos, indicators, years, q }).slice(
		1
	);
}

export function scratchParam(s: ScratchSlide): string {
	return s.kind === 'figure' ? `figure:${s.figure}` : `${s.chart}:${s.state}`;
}

export function scratchSearch(deck: readonly ScratchSlide[]): string {
	const p = new URLSearchParams();
	for (const s of deck) p.append('s', scratchParam(s));
	const q = p.toString();
	return q ? `?${q}` : '';
}

/**
 * The deck's address in the page's language ("/es/present/scratch…" in Spanish), opened at
 * slide `at` (1-based; the first needs no hash). `base` is the site's base path, without a
 * language: the language is added here, so every "Present this" keeps the reader's edition.
 */
export function scratchHref(
	base: string,
	deck: readonly ScratchSlide[],
	at = 1,
	locale: Locale = getLocale()
): string {
	// Paths only, as in i18n/locale.ts (`base` is relative at prerender).
	const path = localizeUrl(new URL(`/present/${SCRATCH_ID}`, 'http://cifras.invalid'), {
		locale
	}).pathname;
	return `${base}${path}${scratchSearch(deck)}${at > 1 ? `#${at}` : ''}`;
}

/** The deck with `slide` added at the end, unless it is already in it; and where it is. */
export function addSlide(
	deck: readonly ScratchSlide[],
	slide: ScratchSlide
): { deck: ScratchSlide[]; at: number } {
	const key = scratchParam(slide);
	const i = deck.findIndex((s) => scratchParam(s) === key);
	if (i >= 0) return { deck: [...deck], at: i + 1 };
	return { deck: [...deck, slide], at: deck.length + 1 };
}

export interface DecodedDeck {
	slides: ScratchSlide[];
	/** What was dropped or ignored, in words, for a notice. */
	ignored: string[];
}

export function decodeScratch(
	params: URLSearchParams,
	ctx: { known: KnownValues; figureIds: ReadonlySet<string> }
): DecodedDeck {
	const slides: ScratchSlide[] = [];
	const ignored: string[] = [];
	for (const key of new Set(params.keys()))
		if (key !== 's') ignored.push(m.present_ignored_param({ name: shown(key) }));
	const values = params.getAll('s');
	if (values.length > MAX_SCRATCH_SLIDES)
		ignored.push(
			m.present_ignored_too_many({
				max: formatCount(MAX_SCRATCH_SLIDES),
				count: formatCount(values.length)
			})
		);
	values.slice(0, MAX_SCRATCH_SLIDES).forEach((value, i) => {
		const n = i + 1;
		const [kind, rest] = splitParam(value);
		if (value.length > MAX_PARAM) ignored.push(m.present_ignored_too_long({ n }));
		else if (kind === 'figure') {
			if (ctx.figureIds.has(rest)) slides.push({ kind: 'figure', figure: rest });
			else ignored.push(m.present_ignored_not_figure({ n, id: shown(rest) }));
		} else if (isSlideChart(kind)) {
			const { selection, ignored: bad } = chartSelection(rest, ctx.known);
			ignored.push(...bad.map((problem) => m.present_ignored_detail({ n, problem })));
			if (kind === 'compare' && selection.indicators.length !== 1)
				ignored.push(m.present_ignored_compare({ n }));
			// The state is written back in the explorer's own form, without what was ignored.
			else slides.push({ kind: 'chart', chart: kind, state: slideState(selection) });
		} else ignored.push(m.present_ignored_kind({ n, kind: shown(kind) }));
	});
	return { slides, ignored };
}

/** The deck last opened in this tab, so "Present this" adds to it rather than starting anew. */
export function rememberedDeck(): ScratchSlide[] {
	try {
		const saved = sessionStorage.getItem(STORAGE_KEY);
		if (!saved) return [];
		// Only the shape is checked here; the scratch page checks every slide against the data.
		return new URLSearchParams(saved).getAll('s').flatMap((v): ScratchSlide[] => {
			const [kind, tail] = splitParam(v);
			if (kind === 'figure') return [{ kind: 'figure', figure: tail }];
			return isSlideChart(kind) ? [{ kind: 'chart', chart: kind, state: tail }] : [];
		});
	} catch {
		return [];
	}
}

export function rememberDeck(deck: readonly ScratchSlide[]): void {
	try {
		if (deck.length) sessionStorage.setItem(STORAGE_KEY, scratchSearch(deck));
		else sessionStorage.removeItem(STORAGE_KEY);
	} catch {
		// Storage can be switched off; the deck still lives in its URL.
	}
}
