/**
 * Which places lie inside which, for the comparability rule: a count for a country can never
 * exceed the same count for a region around it. Only memberships no reader would dispute are
 * listed; two places not known to nest are simply not compared.
 */

const CENTRAL_AMERICA = ['BLZ', 'CRI', 'SLV', 'GTM', 'HND', 'NIC', 'PAN'];
const SOUTH_AMERICA = ['ARG', 'BOL', 'BRA', 'CHL', 'COL', 'ECU', 'GUY', 'PRY', 'PER', 'SUR', 'URY', 'VEN'];
const CARIBBEAN = ['ATG', 'BHS', 'BRB', 'CUB', 'DMA', 'DOM', 'GRD', 'HTI', 'JAM', 'KNA', 'LCA', 'VCT', 'TTO'];
const LATIN_AMERICA = [
	'ARG', 'BOL', 'BRA', 'CHL', 'COL', 'CRI', 'CUB', 'DOM', 'ECU', 'SLV',
	'GTM', 'HTI', 'HND', 'MEX', 'NIC', 'PAN', 'PRY', 'PER', 'URY', 'VEN'
];
const LAC = [...new Set([...LATIN_AMERICA, ...CARIBBEAN, ...CENTRAL_AMERICA, ...SOUTH_AMERICA])];
const NORTH_AMERICA = ['CAN', 'USA', 'MEX'];

/** Countries each region holds (ISO 3166-1 alpha-3). */
const MEMBERS: Record<string, readonly string[]> = {
	LAM: LATIN_AMERICA,
	CAR: CARIBBEAN,
	CAM: CENTRAL_AMERICA,
	SAM: SOUTH_AMERICA,
	ANR: ['BOL', 'COL', 'ECU', 'PER', 'VEN'],
	SCN: ['ARG', 'CHL', 'PRY', 'URY'],
	LAC,
	NAC: NORTH_AMERICA,
	AMR: [...LAC, 'CAN', 'USA'],
	RCM: ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA']
};

/** Regions with no country list that still sit inside another region. */
const INSIDE: Record<string, readonly string[]> = {
	MUB: ['NAC', 'AMR']
};

/** Codes that name no place a figure can be compared at. */
const NOWHERE = new Set(['NST']);

/** Whether `inner` lies inside `outer` (and is not the same place). */
export function placeContains(outer: string, inner: string): boolean {
	if (outer === inner || NOWHERE.has(outer) || NOWHERE.has(inner)) return false;
	if (outer === 'WLD') return true;
	const members = MEMBERS[outer];
	if (!members) return false;
	if (INSIDE[inner]?.includes(outer)) return true;
	const innerMembers = MEMBERS[inner];
	if (innerMembers) return innerMembers.every((c) => members.includes(c));
	return members.includes(inner);
}

/** Whether a figure about `code` can be compared with anything: "place not stated" cannot. */
export const isComparablePlace = (code: string) => !NOWHERE.has(code);
