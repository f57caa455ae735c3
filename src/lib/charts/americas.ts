/** The map's country shapes, built by `npm run build:data` and bundled so prerender can draw them. */
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import { AMERICAS_TOPOLOGY as topology } from '../data/generated/americas';
import type { CountryFeature } from './map';

type Rings = GeoJSON.Position[][];

/**
 * d3-geo reads a ring's winding as which side is inside; quantizing can flip a small island,
 * which then fills the whole globe. A polygon covering more than a hemisphere is reversed.
 */
function rewind(rings: Rings): Rings {
	const area = geoArea({ type: 'Polygon', coordinates: rings });
	return area > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

function rewound(g: GeoJSON.Geometry): GeoJSON.Geometry {
	if (g.type === 'Polygon') return { ...g, coordinates: rewind(g.coordinates) };
	if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(rewind) };
	return g;
}

export const AMERICAS: CountryFeature[] = feature(
	topology,
	topology.objects.countries
).features.map((f) => ({ ...f, id: String(f.id), geometry: rewound(f.geometry) }));
