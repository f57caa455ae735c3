/**
 * Numbers the text implies by arithmetic ("half of the 11 million" → 5.5 million), computed from
 * the printed figures they come from. `verify:data` recomputes every row of `data/derived.csv`
 * with this and refuses one whose stored numbers differ.
 */
import type { Formula } from './meaning';
import type { Qualifier, Unit } from './schema';

export interface DerivedInput {
	value: number | null;
	low: number | null;
	high: number | null;
	qualifier: Qualifier;
	unit: Unit;
}

export interface DerivedNumbers {
	value: number | null;
	low: number | null;
	high: number | null;
	qualifier: Qualifier;
	unit: Unit;
}

const ADDITIVE = new Set<Unit>(['persons', 'usd', 'count', 'countries', 'households']);

/** Rounds away binary noise (50 × 11,000,000 / 100) without touching a real fraction. */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * The qualifier of a product: an exact factor keeps the other's qualifier; two equal qualifiers
 * stay; a range times an exact number is a range. Anything else ("more than" times "about") says
 * too little to print, so it is refused.
 */
function productQualifier(a: Qualifier, b: Qualifier): Qualifier | null {
	if (a === 'exact') return b;
	if (b === 'exact' || a === b) return a;
	return null;
}

/** The numbers a formula gives, or why it cannot be computed from these inputs. */
export function computeDerived(
	formula: Formula,
	inputs: readonly DerivedInput[]
): DerivedNumbers | { error: string } {
	if (formula === 'share_of') {
		if (inputs.length !== 2) return { error: 'share_of takes two inputs: a share, then its total' };
		const [share, total] = inputs as [DerivedInput, DerivedInput];
		if (share.unit !== 'percent') return { error: `its first input is in ${share.unit}; expected a share in percent` };
		if (!ADDITIVE.has(total.unit)) return { error: `its second input is in ${total.unit}; expected a number that adds up (people, money, things)` };
		const qualifier = productQualifier(share.qualifier, total.qualifier);
		if (!qualifier) return { error: `a "${share.qualifier}" share of a "${total.qualifier}" total has no printable qualifier` };
		const times = (p: number, t: number) => clean((p * t) / 100);
		if (qualifier === 'range') {
			const lo = (f: DerivedInput) => (f.qualifier === 'range' ? f.low! : f.value!);
			const hi = (f: DerivedInput) => (f.qualifier === 'range' ? f.high! : f.value!);
			return { value: null, low: times(lo(share), lo(total)), high: times(hi(share), hi(total)), qualifier, unit: total.unit };
		}
		return { value: times(share.value!, total.value!), low: null, high: null, qualifier, unit: total.unit };
	}
	return { error: `"${String(formula)}" is not a known formula` };
}
