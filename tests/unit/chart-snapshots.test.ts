/**
 * The charts as drawn, kept as files beside this test (in the manner of Observable Plot's
 * test gallery): the comparison chart, drawn by Plot with jsdom as the prerender draws it, and
 * the three linked views, rendered by Svelte on the server as the prerendered page holds them,
 * each at a phone's width and a desktop's, over the real figures. A change to a chart's
 * markup shows as a diff of its file to review; `vitest -u` accepts it.
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LinkedChart from '../../src/lib/charts/LinkedChart.svelte';
import { compareChart } from '../../src/lib/charts/compare';
import { groupComparable } from '../../src/lib/charts/compare-groups';
import { timelineFigures } from '../../src/lib/charts/timeline';
import { TOPIC_LABELS } from '../../src/lib/data/schema';
import { validateDataDir } from '../../src/lib/data/node-files';
import { toSiteFigures } from '../../src/lib/build-data/site-rows';
import { InstantEngine } from '../../src/lib/db/instant';
import { runExplorerSync } from '../../src/lib/explorer/run';
import { knownValues } from '../../src/lib/state/known';
import { viewHref } from '../../src/lib/state/links';
import { EMPTY_SELECTION, type Selection } from '../../src/lib/state/selection';
import { EMBED_CHARTS } from '../../src/lib/state/views';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const data = validateDataDir();
const figures = toSiteFigures(data.figures, data.documents);
const engine = new InstantEngine(figures);
const known = knownValues(figures);
const WIDTHS = [375, 1024];

/** Markup with one element per line, so a diff points at the element that changed. */
const readable = (html: string) => html.replace(/></g, '>\n<') + '\n';

describe('chart snapshots', () => {
	it.each(WIDTHS)('the comparison chart of world migrants at %i px', async (width) => {
		const result = runExplorerSync(engine, EMPTY_SELECTION);
		const group = groupComparable(result.comparable).find((g) =>
			g.panels.some((p) => p.figures.some((f) => f.figure_id === 'hc02-wld-international-migrants'))
		)!;
		const chart = compareChart(group.panels[0]!.figures, {
			width,
			figureHref: (id) => `/figure/${id}`,
			lineHref: (doc, line) => `/documents/${doc}#L${line}`
		});
		const svg = Plot.plot({ ...chart.options(), document }).outerHTML;
		await expect(readable(svg)).toMatchFileSnapshot(`__snapshots__/compare-${width}.svg`);
	});

	const selected: Selection = { ...EMPTY_SELECTION, topics: ['remittances'] };
	for (const chart of EMBED_CHARTS)
		it.each(WIDTHS)(`the linked ${chart} view, remittances chosen, at %i px`, async (width) => {
			const { body } = render(LinkedChart, {
				props: {
					chart,
					result: runExplorerSync(engine, selected),
					selection: selected,
					href: (patch: Partial<Selection>) => viewHref('', { ...selected, ...patch }),
					topicLabels: TOPIC_LABELS,
					docOrder: data.documents.map((d) => d.doc_id),
					docLabels: Object.fromEntries(data.documents.map((d) => [d.doc_id, d.short_title])),
					years: known.years,
					yearsWidth: width,
					figureAt: timelineFigures(figures)
				}
			});
			// Svelte's hydration comments say nothing about the chart.
			const html = body.replace(/<!--[^>]*-->/g, '');
			await expect(readable(html)).toMatchFileSnapshot(`__snapshots__/${chart}-${width}.html`);
		});
});
