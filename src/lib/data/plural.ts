/**
 * Counts in words: "1 figure", "2 figures", "1,000 rows". Every "N things" the site writes goes
 * through here, so no sentence says "1 figures" and the Spanish edition has one place to
 * replace with its messages.
 */
import { formatCount } from './format';

const rules = new Intl.PluralRules('en-US');

/** The noun for `n` things: `one` for 1, `other` (by default `one` + "s") otherwise. */
export function pluralNoun(n: number, one: string, other = `${one}s`): string {
	return rules.select(n) === 'one' ? one : other;
}

/** `n` with thousands separators and its noun: "1 figure", "1,024 rows", "0 matches". */
export function plural(n: number, one: string, other = `${one}s`): string {
	return `${formatCount(n)} ${pluralNoun(n, one, other)}`;
}
