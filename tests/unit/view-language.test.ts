import { describe, expect, it } from 'vitest';
import { translateIndicators } from '../../src/lib/state/view-language';

const EN = [
	{ measure: 'remittances-received', label: 'Remittances received' },
	{ measure: 'persons-deported', label: 'Persons deported' }
];
const ES = [
	{ measure: 'remittances-received', label: 'Remesas recibidas' },
	{ measure: 'persons-deported', label: 'Personas deportadas' }
];

describe('the explorer’s address in the other language', () => {
	it('names the same measures in the other edition’s words, keeping every other parameter and the order', () => {
		const search =
			'?topic=remittances&indicator=Remesas+recibidas&q=trata&indicator=Personas+deportadas';
		const out = new URLSearchParams(translateIndicators(search, ES, EN));
		expect([...out]).toEqual([
			['topic', 'remittances'],
			['indicator', 'Remittances received'],
			['q', 'trata'],
			['indicator', 'Persons deported']
		]);
	});

	it('leaves an address without measures, and a label it does not know, as they are', () => {
		expect(translateIndicators('?topic=labour&q=x%2Cy', EN, ES)).toBe('?topic=labour&q=x%2Cy');
		expect(
			new URLSearchParams(translateIndicators('?indicator=Nonsense', EN, ES)).get('indicator')
		).toBe('Nonsense');
	});
});
