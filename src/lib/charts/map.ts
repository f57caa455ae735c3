/**
 * A map of the Americas: countries shaded by how many figures are about them. The shapes are
 * projected once per width (`mapShapes`); an update only recolours them (`mapShades`), which is
 * what keeps the map cheap to redraw on every selection.
 */
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import { interpolateBlues } from 'd3-scale-chromatic';
import { m } from '$lib/paraglide/messages';
import type { KeyCount } from '../queries/describe';

export type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string }> & { id: string };

export const MAP_MARGIN = 4;

export function mapHeight(width: number): number {
	return Math.round(Math.min(560, Math.max(300, width * 1.1)));
}

export interface CountryShape {
	id: string;
	name: string;
	d: string;
	/** Too small to point at on a phone (El Salvador, the islands): also offered as a chip. */
	small: boolean;
}

/**
 * A country whose shape's box is under this many pixels both ways at the map's design width
 * (560 px) is under 10 px on a 375 px phone, far under a 24 px target.
 */
export const SMALL_COUNTRY_PX = 16;

/** SVG paths of every country at this width, in an azimuthal equal-area projection. */
export function mapShapes(countries: CountryFeature[], width: number): CountryShape[] {
	const height = mapHeight(width);
	const projection = geoAzimuthalEqualArea()
		.rotate([85, -12])
		.fitExtent(
			[
				[MAP_MARGIN, MAP_MARGIN],
				[width - MAP_MARGIN, height - MAP_MARGIN]
			],
			{ type: 'FeatureCollection', features: countries }
		);
	const path = geoPath(projection).digits(1);
	const scale = 560 / width;
	return countries.map((f) => {
		const [[x0, y0], [x1, y1]] = path.bounds(f);
		return {
			id: f.id,
			name: f.properties.name,
			d: path(f) ?? '',
			small: Math.max(x1 - x0, y1 - y0) * scale < SMALL_COUNTRY_PX
		};
	});
}

export interface CountryShade {
	n: number;
	/** Fill colour for a country with figures; null draws it as a plain, unlinked outline. */
	fill: string | null;
	selected: boolean;
	label: string;
}

/** Square-root colour scale: a country with 40 figures does not wash out one with 2. */
export function shadeOf(n: number, max: number): string {
	return interpolateBlues(0.12 + 0.88 * Math.sqrt(n / Math.max(1, max)));
}

export function mapShades(
	rows: KeyCount[],
	countries: CountryFeature[],
	selected: readonly string[]
): { max: number; byId: Map<string, CountryShade> } {
	const counts = new Map(rows.map((r) => [r.key, r.n]));
	const ids = new Set(countries.map((c) => c.id));
	const max = Math.max(1, ...rows.filter((r) => ids.has(r.key)).map((r) => r.n));
	const byId = new Map<string, CountryShade>();
	for (const c of countries) {
		const n = counts.get(c.id) ?? 0;
		const isSelected = selected.includes(c.id);
		byId.set(c.id, {
			n,
			fill: n > 0 ? shadeOf(n, max) : isSelected ? 'transparent' : null,
			selected: isSelected,
			label: m.charts_mark_label({
				label: c.properties.name,
				count: n,
				shown: String(n),
				selected: isSelected ? 'yes' : 'no'
			})
		});
	}
	return { max, byId };
}

/** Places with figures that the map of the Americas cannot show (regions, the world, elsewhere). */
export function offMapPlaces(
	geos: { key: string; n: number }[],
	names: Record<string, string>,
	countries: { id: string }[]
): string[] {
	const onMap = new Set(countries.map((c) => c.id));
	return geos
		.filter((g) => g.n > 0 && !onMap.has(g.key))
		.map((g) => `${names[g.key] ?? g.key}: ${g.n}`);
}
