/**
 * Node-only: the map's shapes, the countries of the Americas with ISO alpha-3 ids as a small
 * TopoJSON, cut from Natural Earth's world atlas (the `world-atlas` package).
 */
import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The world atlas: one collection of countries with their names. */
type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const OCEANIA = new Set([
	'ASM',
	'COK',
	'FJI',
	'KIR',
	'NIU',
	'PCN',
	'PYF',
	'TON',
	'TUV',
	'UMI',
	'WLF',
	'WSM'
]);

function americasFeatures(world: World) {
	return world.objects.countries.geometries.flatMap((g) => {
		const iso3 = countries.numericToAlpha3(String(g.id).padStart(3, '0'));
		if (!iso3) return [];
		const f = feature(world, g) as GeoJSON.Feature<GeoJSON.Geometry, { name?: string }>;
		const [lon, lat] = centroidOf(f);
		// The Americas: west of -25° longitude, north of Antarctica, without the Pacific islands
		// of Oceania that fall in the same longitudes.
		if (lon > -25 || lat < -60 || OCEANIA.has(iso3)) return [];
		return [{ ...f, id: iso3, properties: { name: f.properties?.name ?? iso3 } }];
	});
}

/**
 * Countries of the Americas with ISO alpha-3 ids, as a small TopoJSON: the coarse 1:110m shapes,
 * plus the 1:50m shapes of the small Caribbean states the coarse set leaves out. Typed as
 * loosely as topojson-server types it: the map's module that `npm run build:data` writes
 * declares the exact shape, so `npm run check` verifies the value against it.
 */
export function americasTopology(coarseFile: string, detailedFile: string): Topology {
	const coarse = americasFeatures(JSON.parse(readFileSync(coarseFile, 'utf8')) as World);
	const have = new Set(coarse.map((f) => f.id));
	const small = americasFeatures(JSON.parse(readFileSync(detailedFile, 'utf8')) as World).filter(
		(f) => !have.has(f.id)
	);
	const collection: GeoJSON.FeatureCollection = {
		type: 'FeatureCollection',
		features: [...coarse, ...small]
	};
	return topology({ countries: collection }, 1e4);
}

function centroidOf(f: GeoJSON.Feature): [number, number] {
	let sx = 0;
	let sy = 0;
	let n = 0;
	const visit = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			sx += c[0] as number;
			sy += c[1] as number;
			n++;
		} else if (Array.isArray(c)) c.forEach(visit);
	};
	if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
	return n ? [sx / n, sy / n] : [0, 0];
}
