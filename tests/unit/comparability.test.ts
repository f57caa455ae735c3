/**
 * The comparability rule on the real curated rows (data/*.csv, read as verify:data reads them),
 * on every case issue 20 names: what it calls a disagreement, a change over time, a repetition,
 * and what it does not compare at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	comparableDerived,
	comparableFigure,
	compareMeasures,
	compareSet,
	interval,
	intervalsMeet,
	measureIndex,
	partFits,
	relate,
	whoSays,
	type Comparable,
	type MeasureIndex
} from '../../src/lib/data/comparability';
import { splitList } from '../../src/lib/data/meaning';
import { validateDataDir } from '../../src/lib/data/node-files';
import { placeContains } from '../../src/lib/data/places';
import { toSiteDerived, toSiteFigures } from '../../src/lib/build-data/site-rows';

let all: Comparable[];
let measures: MeasureIndex;
let topicsOf: Map<string, string[]>;

beforeAll(() => {
	const r = validateDataDir();
	expect(r.problems).toEqual([]);
	const figures = toSiteFigures(r.figures, r.documents);
	all = [
		...figures.map(comparableFigure),
		...toSiteDerived(r.derived, figures).map(comparableDerived)
	];
	measures = measureIndex(r.measures);
	topicsOf = new Map(figures.map((f) => [f.figure_id, splitList(f.topics)]));
});

const get = (id: string) => {
	const f = all.find((x) => x.id === id);
	if (!f) throw new Error(`no figure ${id}`);
	return f;
};
const ofMeasure = (measure: string) => all.filter((f) => f.measure === measure);
const ids = (side: readonly Comparable[]) => side.map((f) => f.id).sort();

describe('the comparability rule on the cases of issue 20', () => {
	it('does not call the old “Persons trained” card a conflict: separate seminars, a plan apart', () => {
		const once = [
			'cim06-blz-seminar-participants-2005',
			'cim06-bol-la-paz-seminar-participants-2005',
			'cim06-per-lima-seminar-participants-2005',
			'cim06-ecu-quito-seminar-participants-2005',
			'cim06-blz-police-trainers-trained-2006',
			'cim06-blz-police-cascade-trained-2006',
			'iom06-lima-ct-teachers-to-train-per-country'
		].map(get);
		const set = compareSet(once, measures);
		expect(set.verdict).toBe('not_comparable');
		expect(set.conflicts).toEqual([]);
		// The La Paz seminar counts participants (some of them ILO, OAS and anti-corruption
		// experts), not people trained; the Lima teachers are a plan.
		expect(get('cim06-bol-la-paz-seminar-participants-2005').measure).toBe('seminar-participants');
		expect(get('iom06-lima-ct-teachers-to-train-per-country').kind).toBe('target');
		expect(new Set(once.map((f) => f.measure)).size).toBe(3);
		// Even within one measure, two seminars are two activities.
		const seminars = compareSet(ofMeasure('seminar-participants'), measures);
		expect(seminars.pairs.every((p) => p.reason === 'separate_activities')).toBe(true);
	});

	it('reads the Puebla Process at 7 years (2002) and more than 15 (2013) as a change over time', () => {
		const set = compareSet(ofMeasure('rcm-years-of-operation'), measures);
		expect(ids(set.figures)).toEqual([
			'hc02-rcm-process-years',
			'hc02-rcm-seven-year-history',
			'hld13-rcm-years-of-existence'
		]);
		expect(set.verdict).toBe('over_time');
		expect(set.conflicts).toEqual([]);
		expect(set.series).toHaveLength(1);
		expect(set.series[0]!.figures.map((f) => f.ref_period)).toEqual(['2002', '2002', '2013']);
		// The two 2002 statements of seven years are one number said twice.
		expect(
			relate(get('hc02-rcm-process-years'), get('hc02-rcm-seven-year-history'), measures).relation
		).toBe('repeated');
		// "Its first 15 years" is the span the Conference's document summarises, not its age:
		// read as its age, it would contradict "more than 15 years" in the sentence before.
		const first15 = get('hld13-rcm-crm-first-15-years');
		expect(first15.measure).toBe('rcm-years-summarised');
		expect(relate(first15, get('hld13-rcm-years-of-existence'), measures).relation).toBe(
			'not_comparable'
		);
	});

	it('does not set Honduras’ 18,941 assisted returns in 2005 against 20,318 being returned so far in 2006', () => {
		const [y2005, y2006] = [
			get('iom06-hnd-returnees-assisted-2005'),
			get('iom06-hnd-returnees-so-far-this-year')
		];
		expect([y2005.ref_period, y2005.period_basis]).toEqual(['2005', 'stated']);
		expect([y2006.ref_period, y2006.period_basis]).toEqual(['2006', 'implied']);
		const pair = relate(y2005, y2006, measures);
		expect(pair).toMatchObject({ relation: 'not_comparable', reason: 'different_measure' });
		expect(compareSet([y2005, y2006], measures).conflicts).toEqual([]);
	});

	it('finds world migrants, 150 million against close to 175 million, in conflict, naming both sides', () => {
		const set = compareSet(ofMeasure('international-migrants'), measures);
		expect(set.verdict).toBe('disagree');
		expect(set.conflicts).toHaveLength(1);
		const [c] = set.conflicts;
		const sides = c!.sides.map(ids).sort((a, b) => b.length - a.length);
		expect(sides).toEqual([
			['hc02-wld-international-migrants', 'hc02-wld-migrants-150m-franco'],
			['hc02-wld-migrants-175m-un']
		]);
		const [who150, who175] = c!.sides
			.slice()
			.sort((a, b) => b.length - a.length)
			.map(whoSays);
		expect(who150).toEqual({
			documents: ['Hemispheric Conference 2002'],
			speakers: [
				'Miguel Villa and Jorge Martínez Pizarro (CELADE)',
				'Rolando Franco (ECLAC Social Development Division), speaking in a personal capacity'
			],
			credited: [],
			values: ['150 million']
		});
		expect(who175).toEqual({
			documents: ['Hemispheric Conference 2002'],
			speakers: ['Kelly Ryan (United States Department of State)'],
			credited: ['United Nations'],
			values: ['close to 175 million']
		});
		expect(c!.reason).toBe('same_place_and_time');
		// The United States and North America sit inside the world, and fit in it.
		expect(
			relate(get('hc02-wld-international-migrants'), get('hc02-usa-foreign-born-2000'), measures)
		).toMatchObject({
			relation: 'consistent',
			reason: 'part_within_whole'
		});
	});

	it('sets “half of the 11 million” (5.5 million, implied) against “about 7 million” European immigrants to Argentina', () => {
		const implied = get('hc02-implied-arg-european-immigrants');
		expect(implied).toMatchObject({
			derived: true,
			value: 5_500_000,
			qualifier: 'exact',
			geo_code: 'ARG',
			ref_period: '1850-1949',
			value_text: 'half × 11 million',
			speaker: 'Miguel Villa and Jorge Martínez Pizarro (CELADE)'
		});
		const set = compareSet(ofMeasure('european-immigrants-received'), measures);
		expect(set.verdict).toBe('disagree');
		expect(set.conflicts).toHaveLength(1);
		const [c] = set.conflicts;
		expect(c!.sides.map(ids).sort()).toEqual([
			['hc02-arg-european-immigrants'],
			['hc02-implied-arg-european-immigrants']
		]);
		// About 7 million over 1870–1913 (the era the paragraph names) cannot exceed the
		// 5.5 million over 1850–1949, a period that holds it.
		expect(c!.reason).toBe('part_exceeds_whole');
		expect(get('hc02-arg-european-immigrants')).toMatchObject({
			ref_period: '1870-1913',
			period_basis: 'implied'
		});
		expect(whoSays(c!.sides.flat()).speakers.sort()).toEqual([
			'Miguel Villa and Jorge Martínez Pizarro (CELADE)',
			'Ricardo Infante (ILO)'
		]);
		// Both fit inside the 11 million the whole region received.
		const region = get('hc02-lac-european-immigrants-1850-1949');
		for (const arg of [get('hc02-arg-european-immigrants'), implied])
			expect(relate(region, arg, measures).relation).toBe('consistent');
	});

	it('finds “at least 7 million” in the Americas in 2001 above the 700,000–2 million a year worldwide', () => {
		const set = compareSet(ofMeasure('trafficking-victims-per-year'), measures);
		expect(set.verdict).toBe('disagree');
		expect(set.conflicts).toHaveLength(1);
		const [c] = set.conflicts;
		const [low, high] = c!.sides.slice().sort((a, b) => b.length - a.length);
		expect(ids(low!)).toEqual([
			'hc02-amr-trafficking-victims-annual-mattar',
			'hc02-wld-trafficking-victims-annual'
		]);
		expect(ids(high!)).toEqual(['hc02-amr-trafficking-victims-2001-tip']);
		expect(c!.reason).toBe('part_exceeds_whole');
		expect(whoSays(high!)).toMatchObject({
			speakers: ['Bruce Harris (Casa Alianza)'],
			credited: ['United States Report on Trafficking in Persons (2002)']
		});
		expect(whoSays(low!).speakers.sort()).toEqual([
			'Carmen Artigas (ECLAC)',
			'Mohammed Mattar (The Protection Project, Johns Hopkins University)'
		]);
		// The Mattar range names no area: it is read as worldwide, like Artigas', never as the Americas.
		expect(get('hc02-amr-trafficking-victims-annual-mattar').geo_code).toBe('WLD');
	});

	it('keeps the other trafficking estimates apart: women, girls, one region, exploited children', () => {
		const range = get('hc02-wld-trafficking-victims-annual');
		const others = [
			'hc02-wld-women-sold-annually-unfpa',
			'hc02-wld-girls-sold-sex-trade-unfpa',
			'hc02-weur-women-trafficked-sexual-exploitation-iom',
			'hc02-lac-sexually-exploited-children'
		].map(get);
		for (const f of others)
			expect(relate(range, f, measures)).toMatchObject({
				relation: 'not_comparable',
				reason: 'different_measure'
			});
		// Each is filed under Trafficking victims, the exploited children second to Violence and abuse.
		for (const id of [
			range.id,
			'hc02-amr-trafficking-victims-2001-tip',
			...others.map((f) => f.id)
		])
			expect(topicsOf.get(id)).toContain('trafficking_victims');
		expect(topicsOf.get('hc02-lac-sexually-exploited-children')).toEqual([
			'violence_abuse',
			'trafficking_victims'
		]);
	});

	it('on the whole data, disagrees on exactly those three measures', () => {
		const verdicts = compareMeasures(all, measures);
		expect(verdicts.filter((v) => v.verdict === 'disagree').map((v) => v.measure)).toEqual([
			'european-immigrants-received',
			'international-migrants',
			'trafficking-victims-per-year'
		]);
		expect(verdicts.filter((v) => v.verdict === 'over_time').map((v) => v.measure)).toEqual([
			'intraregional-migrants',
			'rcm-years-of-operation'
		]);
		// Disagreements come first.
		expect(verdicts.slice(0, 3).every((v) => v.verdict === 'disagree')).toBe(true);
	});
});

describe('what a qualifier allows', () => {
	it('“more than 100” and “about 140” can both hold; “at least 7 million” and 700,000–2 million cannot', () => {
		const moreThan100 = interval(get('cim06-per-lima-seminar-participants-2005'));
		const about140 = interval(get('cim06-blz-police-cascade-trained-2006'));
		expect(intervalsMeet(moreThan100, about140)).toBe(true);
		const atLeast7m = interval(get('hc02-amr-trafficking-victims-2001-tip'));
		const range = interval(get('hc02-wld-trafficking-victims-annual'));
		expect(intervalsMeet(atLeast7m, range)).toBe(false);
		expect(partFits(atLeast7m, range)).toBe(false);
		expect(partFits(range, atLeast7m)).toBe(true);
	});

	it('reads “about” as 10% either side, ends included, and open bounds as excluding their number', () => {
		const about = (value: number) => interval({ qualifier: 'about', value, low: null, high: null });
		const exact = (value: number) => interval({ qualifier: 'exact', value, low: null, high: null });
		expect(intervalsMeet(about(140), exact(126))).toBe(true);
		expect(intervalsMeet(about(140), exact(154))).toBe(true);
		expect(intervalsMeet(about(140), exact(125))).toBe(false);
		const moreThan15 = interval({ qualifier: 'more_than', value: 15, low: null, high: null });
		const atLeast15 = interval({ qualifier: 'at_least', value: 15, low: null, high: null });
		const upTo15 = interval({ qualifier: 'up_to', value: 15, low: null, high: null });
		const lessThan15 = interval({ qualifier: 'less_than', value: 15, low: null, high: null });
		expect(intervalsMeet(moreThan15, exact(15))).toBe(false);
		expect(intervalsMeet(atLeast15, exact(15))).toBe(true);
		expect(intervalsMeet(upTo15, atLeast15)).toBe(true);
		expect(intervalsMeet(lessThan15, atLeast15)).toBe(false);
		expect(partFits(moreThan15, exact(15))).toBe(false);
		expect(partFits(atLeast15, exact(15))).toBe(true);
	});
});

describe('which places lie inside which', () => {
	it('knows the world, the Americas and their regions, and nothing it cannot vouch for', () => {
		expect(placeContains('WLD', 'AMR')).toBe(true);
		expect(placeContains('AMR', 'ARG')).toBe(true);
		expect(placeContains('LAC', 'PER')).toBe(true);
		expect(placeContains('LAC', 'CAM')).toBe(true);
		expect(placeContains('NAC', 'MUB')).toBe(true);
		expect(placeContains('ARG', 'LAC')).toBe(false);
		expect(placeContains('BRA', 'ARG')).toBe(false);
		// Belize is in Central America, not in Latin America as the 20-country list has it.
		expect(placeContains('LAM', 'CAM')).toBe(false);
		expect(placeContains('EUR', 'ESP')).toBe(false);
		expect(placeContains('WLD', 'NST')).toBe(false);
		expect(placeContains('WLD', 'WLD')).toBe(false);
	});
});
