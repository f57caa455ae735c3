/** Colours from the Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
export const COLORS = {
	base: '#0072B2',
	selected: '#D55E00',
	muted: '#8a94a0',
	range: '#009E73',
	open: '#CC79A7'
} as const;

/** Sequential scheme for counts on the map (light to dark blue). */
export const MAP_SCHEME = 'blues';
