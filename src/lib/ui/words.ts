/**
 * Words that change with a number, in one place: "1 figure", "24 figures". English only for
 * now; the Spanish issue replaces these with Paraglide messages.
 */
const RULES = new Intl.PluralRules('en');
const COUNT = new Intl.NumberFormat('en');

/** The count and its noun, singular or plural as the count asks. */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${COUNT.format(n)} ${RULES.select(n) === 'one' ? one : many}`;
}
