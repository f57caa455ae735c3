/**
 * The code lists that say what a figure is: its kind, how its reference time is known, its
 * warnings, and the controlled list of measures (`data/measures.csv`) that decides which
 * figures can be compared. Defined in `data/README.md`; checked by `verify:data`.
 */
import type { Qualifier, Unit } from './schema';

/** What sort of number a figure is. Targets (plans) never share a measure with achievements. */
export const KINDS = [
	'count',
	'estimate',
	'share',
	'amount',
	'duration',
	'age',
	'multiple',
	'requirement',
	'target'
] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
	count: 'Count',
	estimate: 'Estimate',
	share: 'Share',
	amount: 'Amount of money',
	duration: 'Duration',
	age: 'Age',
	multiple: 'Multiple',
	requirement: 'Requirement',
	target: 'Target (planned)'
};

/**
 * How a figure's reference time (`ref_period`) is known. The code `implied` is said "inferred"
 * to readers: "implied" is the word for a number the text implies (`derived.csv`).
 */
export const PERIOD_BASES = ['stated', 'implied', 'document_date'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

export const PERIOD_BASIS_LABELS: Record<PeriodBasis, string> = {
	stated: 'stated by the text',
	implied: 'inferred from the text',
	document_date: 'as of the document’s date'
};

/** Warnings a reader must see wherever the number appears; most serious first. */
export const FLAGS = ['looks_wrong', 'inconsistent', 'unclear', 'translation', 'no_source'] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Record<Flag, string> = {
	looks_wrong: 'Looks wrong as printed',
	inconsistent: 'Inconsistent with another figure',
	unclear: 'Unclear what, where or when it counts',
	translation: 'Translation doubt',
	no_source: 'No source named for an estimate'
};

/** Per what time a measure counts: a level at a moment, a yearly flow, a total over a period, one activity. */
export const PERS = ['moment', 'year', 'period', 'activity'] as const;
export type Per = (typeof PERS)[number];

/** What a measure's numbers are; decides which units and kinds its figures may have. */
export const UNIT_FAMILIES = ['people', 'things', 'money', 'share', 'time', 'age', 'multiple'] as const;
export type UnitFamily = (typeof UNIT_FAMILIES)[number];

export const FAMILY_RULES: Record<UnitFamily, { units: readonly Unit[]; kinds: readonly Kind[]; additive: boolean }> = {
	people: { units: ['persons'], kinds: ['count', 'estimate', 'target'], additive: true },
	things: { units: ['count', 'countries', 'households'], kinds: ['count', 'estimate', 'target'], additive: true },
	money: { units: ['usd'], kinds: ['amount', 'target'], additive: true },
	share: { units: ['percent'], kinds: ['share', 'target'], additive: false },
	time: { units: ['years', 'months'], kinds: ['duration', 'requirement', 'target'], additive: false },
	age: { units: ['years'], kinds: ['age'], additive: false },
	multiple: { units: ['count'], kinds: ['multiple'], additive: false }
};

/** Arithmetic a derived figure may use: `share_of` is a percentage of a total (inputs: share, total). */
export const FORMULAS = ['share_of'] as const;
export type Formula = (typeof FORMULAS)[number];

/** Separator of the list columns (`topics`, `flag`, `inputs`): `trafficking_victims;violence_abuse`. */
export const LIST_SEPARATOR = ';';

export const splitList = (s: string): string[] => (s ? s.split(LIST_SEPARATOR) : []);

export interface MeasureRow {
	measure: string;
	label: string;
	counts: string;
	of_whom: string;
	per: Per;
	unit_family: UnitFamily;
}

/** A number the text implies by arithmetic; never exported or cited as printed. */
export interface DerivedRow {
	derived_id: string;
	formula: Formula;
	/** Input figure ids in the formula's order, `;`-separated. */
	inputs: string;
	/** The arithmetic in the printed words: `half × 11 million`. */
	formula_text: string;
	value: number | null;
	low: number | null;
	high: number | null;
	qualifier: Qualifier;
	unit: Unit;
	kind: Kind;
	measure: string;
	ref_period: string;
	period_basis: PeriodBasis;
	geography: string;
	geo_code: string;
	topics: string;
	note: string;
}
