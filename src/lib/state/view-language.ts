/**
 * The explorer's address in the other language. Its `indicator` values are what a figure counts,
 * in the page's language (the Spanish edition's table holds the Spanish words): the same view in
 * the other edition names the same measures in that edition's words. Every other parameter is
 * a code or the reader's own search, and is kept as it is.
 */
export interface MeasureLabel {
	measure: string;
	label: string;
}

export function translateIndicators(
	search: string,
	from: readonly MeasureLabel[],
	to: readonly MeasureLabel[]
): string {
	const params = new URLSearchParams(search);
	if (!params.has('indicator')) return search;
	const measureOf = new Map(from.map((m) => [m.label, m.measure]));
	const labelOf = new Map(to.map((m) => [m.measure, m.label]));
	const out = new URLSearchParams();
	for (const [key, value] of params)
		out.append(
			key,
			key === 'indicator' ? (labelOf.get(measureOf.get(value) ?? '') ?? value) : value
		);
	return `?${out}`;
}
