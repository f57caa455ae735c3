/** A small set of known values for the URL and scratch-deck parsers' tests. */
import type { KnownValues } from '../../src/lib/state/url';

export const known: KnownValues = {
	topics: new Set(['migrant_stock', 'remittances', 'trafficking_victims']),
	docs: new Set(['hemispheric-2002', 'iom-oas-2006']),
	geos: new Set(['MEX', 'USA', 'LAC']),
	indicators: new Set(['Persons deported', 'Remittances, received']),
	years: [1850, 2013]
};
