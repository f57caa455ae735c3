/** The values a URL may name, taken from the data itself. */
import { REGIONS, TOPICS } from '../data/schema';
import { regionName } from '../data/labels';
import type { SiteFigure } from '../data/site-table';
import type { KnownValues } from './url';

export function knownValues(figures: SiteFigure[]): KnownValues {
	const years = figures.flatMap((f) =>
		f.ref_start === null ? [] : [f.ref_start, f.ref_end ?? f.ref_start]
	);
	return {
		topics: new Set(TOPICS),
		docs: new Set(figures.map((f) => f.doc_id)),
		geos: new Set(figures.map((f) => f.geo_code)),
		indicators: new Set(figures.map((f) => f.indicator)),
		years: years.length ? [Math.min(...years), Math.max(...years)] : [2000, 2000]
	};
}

/**
 * Display names of places: region names from the code list; otherwise the shortest name the
 * data gives the code, without its qualifier in brackets ("Colombia (coffee-growing region)"
 * names one figure's scope, not the country).
 */
export function geoNames(figures: SiteFigure[]): Record<string, string> {
	const names: Record<string, string> = {};
	for (const f of figures) {
		if (f.geo_code in REGIONS) continue;
		const name = f.geography.replace(/\s*\(.*\)\s*$/, '') || f.geography;
		const had = names[f.geo_code];
		if (had === undefined || name.length < had.length) names[f.geo_code] = name;
	}
	// Regions by the code list, in the page's language ("World", "Mundo").
	const regions = Object.keys(REGIONS).map((code) => [code, regionName(code) ?? code]);
	return { ...names, ...Object.fromEntries(regions) };
}

/** The ids of a table's figures, to tell curated figures (which have pages) from a reader's rows. */
export function figureIds(figures: SiteFigure[]): ReadonlySet<string> {
	return new Set(figures.map((f) => f.figure_id));
}
