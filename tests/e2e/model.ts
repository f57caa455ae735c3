/**
 * What every linked view should show for a selection, worked out here from the served figures
 * with the crossfilter rule written out by hand (each view counts the figures that pass every
 * other view's filter), and what the page shows, read the way a user sees it.
 */
import type { Page } from '@playwright/test';
import { topicLabels } from '../../src/lib/data/labels';
import { TOPIC_LABELS } from '../../src/lib/data/schema';
import type { DocumentRow, Topic } from '../../src/lib/data/schema';
import type { SiteFigure } from '../../src/lib/data/site-table';
import { geoNames } from '../../src/lib/state/known';
import { tableIds } from './helpers';

export interface ModelSelection {
	topics?: string[];
	docs?: string[];
	geos?: string[];
	years?: [number, number];
	q?: string;
}

/** Counts per label in each view (only labels with at least one figure), the total and the table's first page. */
export interface ViewState {
	total: number;
	topic: Record<string, number>;
	doc: Record<string, number>;
	map: Record<string, number>;
	regions: Record<string, number>;
	years: Record<string, number>;
	table: string[];
}

export interface ModelData {
	figures: SiteFigure[];
	documents: DocumentRow[];
	/** Country id → name, from the map's own shapes. */
	countries: Map<string, string>;
}

export async function loadModel(page: Page): Promise<ModelData> {
	const get = async <T>(path: string) => (await (await page.request.get(path)).json()) as T;
	const figures = await get<SiteFigure[]>('/data/figures.json');
	const documents = await get<DocumentRow[]>('/data/documents.json');
	const topo = await get<{
		objects: { countries: { geometries: { id: string; properties: { name: string } }[] } };
	}>('/data/americas.topo.json');
	const countries = new Map(
		topo.objects.countries.geometries.map((g) => [g.id, g.properties.name] as const)
	);
	return { figures, documents, countries };
}

/** What the search box says it looks in, besides the topic's name. */
const SEARCHED: (keyof SiteFigure)[] = [
	'quote',
	'indicator',
	'geography',
	'speaker',
	'attributed_to',
	'value_text',
	'note',
	'section',
	'doc_short_title',
	// The same words in the other language: a search in either language finds a figure.
	'other_language_text'
];

/** Any case, with or without accents. */
const folded = (t: string) => t.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

function passes(f: SiteFigure, s: ModelSelection, except: keyof ModelSelection | null): boolean {
	// A figure belongs to each of its topics.
	if (except !== 'topics' && s.topics?.length && !topicsOf(f).some((t) => s.topics!.includes(t)))
		return false;
	if (except !== 'docs' && s.docs?.length && !s.docs.includes(f.doc_id)) return false;
	if (except !== 'geos' && s.geos?.length && !s.geos.includes(f.geo_code)) return false;
	if (except !== 'years' && s.years) {
		// Its reference time: what the text states, implies, or the document's date.
		if (f.ref_start === null) return false;
		if (f.ref_start > s.years[1] || (f.ref_end ?? f.ref_start) < s.years[0]) return false;
	}
	return !s.q || matchesSearch(f, s.q);
}

/** Whether every word of a search stands in one of the fields the search box names. */
export function matchesSearch(f: SiteFigure, q: string): boolean {
	const text = [
		...SEARCHED.map((k) => String(f[k] ?? '')),
		...topicsOf(f).map((t) => TOPIC_LABELS[t]),
		...topicsOf(f).map((t) => topicLabels('es')[t])
	].map(folded);
	const words = folded(q).split(/\s+/).filter(Boolean);
	return words.every((w) => text.some((t) => t.includes(w)));
}

const topicsOf = (f: SiteFigure) => f.topics.split(';') as Topic[];

/** Figures per key; a figure with several keys (its topics) counts under each. */
function countBy(rows: SiteFigure[], key: (f: SiteFigure) => string | string[] | null) {
	const out: Record<string, number> = {};
	for (const f of rows) {
		const k = key(f);
		for (const one of k === null ? [] : Array.isArray(k) ? k : [k]) out[one] = (out[one] ?? 0) + 1;
	}
	return out;
}

export function expectedState(m: ModelData, s: ModelSelection): ViewState {
	const names = geoNames(m.figures);
	const docTitles = new Map(m.documents.map((d) => [d.doc_id, d.short_title]));
	const under = (except: keyof ModelSelection | null) =>
		m.figures.filter((f) => passes(f, s, except));
	const all = under(null);
	const years: Record<string, number> = {};
	for (const f of under('years')) {
		if (f.ref_start === null) continue;
		for (let y = f.ref_start; y <= (f.ref_end ?? f.ref_start); y++) years[y] = (years[y] ?? 0) + 1;
	}
	const geo = under('geos');
	return {
		total: all.length,
		topic: countBy(under('topics'), (f) => topicsOf(f).map((t) => TOPIC_LABELS[t])),
		doc: countBy(under('docs'), (f) => docTitles.get(f.doc_id) ?? f.doc_id),
		map: countBy(geo, (f) => m.countries.get(f.geo_code) ?? null),
		regions: countBy(geo, (f) => (m.countries.has(f.geo_code) ? null : names[f.geo_code]!)),
		years,
		table: [...all]
			.sort((a, b) => a.source_order - b.source_order)
			.slice(0, 25)
			.map((f) => f.figure_id)
	};
}

/** Label → count from accessible labels such as "Remittances: 3 figures", dropping zeros. */
function fromLabels(labels: (string | null)[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const l of labels) {
		const m = /^(.*): (\d+) figures?(, selected)?$/.exec(l ?? '');
		if (m && Number(m[2]) > 0) out[m[1]!] = Number(m[2]);
	}
	return out;
}

export async function pageState(page: Page): Promise<ViewState> {
	const labels = (view: string, sel = 'a[aria-label]') =>
		page
			.locator(`#${view} ${sel}`)
			.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
	const regions = await page
		.locator('#view-geo .regions a')
		.evaluateAll((as) =>
			as.map((a) => [a.firstChild?.textContent?.trim() ?? '', a.querySelector('.n')?.textContent])
		);
	// The timeline's marks, each a figure (or `data-n` of them) over its first to last year.
	const marks = await page
		.locator('#view-year .marks a[data-start]')
		.evaluateAll((as) =>
			as.map((a) =>
				[
					a.getAttribute('data-start'),
					a.getAttribute('data-end'),
					a.getAttribute('data-n') ?? 1
				].map(Number)
			)
		);
	const years: Record<string, number> = {};
	for (const [start, end, n] of marks)
		for (let y = start!; y <= end!; y++) years[y] = (years[y] ?? 0) + n!;
	return {
		total: Number(await page.getByTestId('total').textContent()),
		topic: fromLabels(await labels('view-topic')),
		doc: fromLabels(await labels('view-doc')),
		map: fromLabels(await labels('view-geo', 'svg.map a[aria-label]')),
		regions: Object.fromEntries(
			regions.filter(([, n]) => Number(n) > 0).map(([name, n]) => [name, Number(n)])
		),
		years,
		table: await tableIds(page)
	};
}

/** The query string the page should show for a selection, as a map (order-free). */
export function expectedParams(s: ModelSelection): Record<string, string> {
	const out: Record<string, string> = {};
	if (s.topics?.length) out.topic = [...s.topics].sort().join(',');
	if (s.docs?.length) out.doc = [...s.docs].sort().join(',');
	if (s.geos?.length) out.geo = [...s.geos].sort().join(',');
	if (s.years) out.years = s.years[0] === s.years[1] ? `${s.years[0]}` : s.years.join('-');
	if (s.q) out.q = s.q;
	return out;
}

export function params(page: Page): Record<string, string> {
	return Object.fromEntries(new URL(page.url()).searchParams);
}
