/** The map's country shapes, built by `npm run build:data` and bundled so prerender can draw them. */
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topo from '../../../static/data/americas.topo.json';
import type { CountryFeature } from './map';

const topology = topo as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

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

export const AMERICAS: CountryFeature[] = (
	feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
		GeoJSON.Geometry,
		{ name: string }
	>
).features.map((f) => ({ ...f, id: String(f.id), geometry: rewound(f.geometry) }));
