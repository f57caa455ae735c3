/** The values a URL may name, taken from the data itself. */
import { REGIONS, TOPICS } from '../data/schema';
import type { SiteFigure } from '../data/site-table';
import type { KnownValues } from './url';

export function knownValues(figures: SiteFigure[]): KnownValues {
	const years = figures.flatMap((f) =>
		f.period_start === null ? [] : [f.period_start, f.period_end ?? f.period_start]
	);
	return {
		topics: new Set(TOPICS),
		docs: new Set(figures.map((f) => f.doc_id)),
		geos: new Set(figures.map((f) => f.geo_code)),
		indicators: new Set(figures.map((f) => f.indicator)),
		years: years.length ? [Math.min(...years), Math.max(...years)] : [2000, 2000]
	};
}

/** Display names of places: region names from the code list, else the name the data uses. */
export function geoNames(figures: SiteFigure[]): Record<string, string> {
	const names: Record<string, string> = { ...REGIONS };
	for (const f of figures)
		if (!(f.geo_code in REGIONS) && !names[f.geo_code]) names[f.geo_code] = f.geography;
	return names;
}
