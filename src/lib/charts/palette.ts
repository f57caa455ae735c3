/** Sequential scheme for counts on the map (light to dark blue). */
export const MAP_SCHEME = 'blues';
