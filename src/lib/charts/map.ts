/** A map of the Americas: countries shaded by how many figures are about them; each links to its selection. */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { KeyCount } from '../queries/describe';
import { COLORS, MAP_SCHEME } from './palette';

export type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string }> & { id: string };

export interface MapOptions {
	width: number;
	countries: CountryFeature[];
	selected: readonly string[];
	href: (key: string) => string;
}

export function mapHeight(width: number): number {
	return Math.round(Math.min(560, Math.max(300, width * 1.1)));
}

export function mapSpec(rows: KeyCount[], o: MapOptions): PlotOptions {
	const n = new Map(rows.map((r) => [r.key, r.n]));
	const count = (f: CountryFeature) => n.get(f.id) ?? 0;
	const withFigures = o.countries.filter((f) => count(f) > 0 || o.selected.includes(f.id));
	const collection = { type: 'FeatureCollection' as const, features: o.countries };
	const label = (f: CountryFeature) =>
		`${f.properties.name}: ${count(f)} figure${count(f) === 1 ? '' : 's'}${o.selected.includes(f.id) ? ', selected' : ''}`;
	return {
		width: o.width,
		height: mapHeight(o.width),
		margin: 4,
		projection: { type: 'azimuthal-equal-area', rotate: [85, -12], domain: collection },
		color: {
			type: 'sqrt',
			scheme: MAP_SCHEME,
			domain: [0, Math.max(1, ...withFigures.map(count))],
			label: 'Figures'
		},
		marks: [
			Plot.geo(o.countries, {
				fill: COLORS.muted,
				fillOpacity: 0.35,
				stroke: 'currentColor',
				strokeOpacity: 0.25,
				strokeWidth: 0.5
			}),
			Plot.geo(withFigures, {
				fill: (f: CountryFeature) => count(f),
				stroke: (f: CountryFeature) =>
					o.selected.includes(f.id) ? COLORS.selected : 'currentColor',
				strokeWidth: (f: CountryFeature) => (o.selected.includes(f.id) ? 2.5 : 0.5),
				href: (f: CountryFeature) => o.href(f.id),
				ariaLabel: label,
				title: label
			})
		]
	};
}
