/** Display names of places, as the map, the selection labels and citations show them. */
import { describe, expect, it } from 'vitest';
import { geoNames } from '../../src/lib/state/known';
import type { SiteFigure } from '../../src/lib/data/site-table';

const at = (geo_code: string, geography: string) => ({ geo_code, geography }) as SiteFigure;

describe('geoNames', () => {
	it("names a country by the data's name without one figure's qualifier, whichever comes first", () => {
		const names = geoNames([
			at('COL', 'Colombia (workers employed in Spain)'),
			at('COL', 'Colombia (coffee-growing region, eje cafetero)'),
			at('MEX', 'Mexico (southern border)'),
			at('MEX', 'Mexico'),
			at('USA', 'United States')
		]);
		expect(names.COL).toBe('Colombia');
		expect(names.MEX).toBe('Mexico');
		expect(names.USA).toBe('United States');
	});

	it("takes regions' names from the code list, not from a figure", () => {
		const names = geoNames([at('WLD', 'World (most countries)')]);
		expect(names.WLD).toBe('World');
	});
});
