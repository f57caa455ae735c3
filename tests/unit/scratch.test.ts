import fc from 'fast-check';
import * as runtime from '../../src/lib/paraglide/runtime';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION } from '../../src/lib/state/selection';
import { known } from './known-fixture';
import { deckAction, moveTo, readHash, slideFromHash } from '../../src/lib/stories/keys';
import {
	addSlide,
	decodeScratch,
	MAX_SCRATCH_SLIDES,
	scratchHref,
	scratchSearch,
	slideState,
	type ScratchSlide
} from '../../src/lib/stories/scratch';

const ctx = { known, figureIds: new Set(['hc02-lac-emigrants-abroad', 'a:b']) };
const decode = (qs: string) => decodeScratch(new URLSearchParams(qs), ctx);

const deck: ScratchSlide[] = [
	{ kind: 'chart', chart: 'doc', state: 'topic=remittances&years=1990-2001' },
	{ kind: 'figure', figure: 'hc02-lac-emigrants-abroad' },
	{ kind: 'chart', chart: 'compare', state: 'indicator=Remittances%2C+received' },
	{ kind: 'chart', chart: 'map', state: '' }
];

describe('scratch deck in the URL', () => {
	it('round-trips a deck, in order', () => {
		const href = scratchHref('', deck, 2);
		expect(href).toMatch(
			/^\/present\/scratch\?s=doc%3Atopic%3Dremittances%26years%3D1990-2001&s=figure/
		);
		expect(href.endsWith('#2')).toBe(true);
		const url = new URL(href, 'http://x');
		expect(decode(url.search.slice(1))).toEqual({ slides: deck, ignored: [] });
		expect(scratchHref('/base', [])).toBe('/base/present/scratch');
		// "Present this" on a Spanish page keeps the reader in the Spanish edition.
		expect(scratchHref('/base', deck, 2, 'es')).toMatch(
			/^\/base\/es\/present\/scratch\?s=doc.*#2$/
		);
	});

	it('keeps only what a slide shows from an explorer selection', () => {
		expect(
			slideState({
				...EMPTY_SELECTION,
				topics: ['remittances'],
				sort: 'value',
				desc: true
			})
		).toBe('topic=remittances');
	});

	it('adds a slide once, and says where it is', () => {
		const a = addSlide(deck, { kind: 'chart', chart: 'year', state: '' });
		expect(a.at).toBe(5);
		expect(a.deck).toHaveLength(5);
		const b = addSlide(deck, { kind: 'figure', figure: 'hc02-lac-emigrants-abroad' });
		expect(b).toEqual({ deck, at: 2 });
	});

	it('drops what it cannot use and says why, keeping the rest', () => {
		const r = decode(
			's=figure:nope&s=pie:x&s=topic:topic%3Dweather%26geo%3DMEX&s=compare:topic%3Dremittances&s=figure:a:b&x=1'
		);
		expect(r.slides).toEqual([
			{ kind: 'chart', chart: 'topic', state: 'geo=MEX' },
			{ kind: 'figure', figure: 'a:b' }
		]);
		expect(r.ignored).toEqual([
			'unknown parameter "x"',
			'slide 1: "nope" is not a figure in the data',
			'slide 2: "pie" is not a kind of slide, and was dropped',
			'slide 3: topic "weather" is not in the data',
			'slide 4: a comparison needs exactly one indicator, and was dropped'
		]);
	});

	it('caps hostile input: too many slides, huge values, control characters', () => {
		const many = Array.from({ length: 40 }, () => 's=map:').join('&');
		const r = decode(many);
		expect(r.slides).toHaveLength(MAX_SCRATCH_SLIDES);
		expect(r.ignored).toEqual([`only the first ${MAX_SCRATCH_SLIDES} of 40 slides are shown`]);
		expect(decode(`s=figure:${'x'.repeat(3000)}`).ignored).toEqual([
			'slide 1 is too long and was dropped'
		]);
		const shown = decode('s=%00%1b%5B31m:1').ignored[0]!;
		// eslint-disable-next-line no-control-regex -- control characters are what must not be echoed
		expect(shown).not.toMatch(/[\u0000-\u001f]/);
	});

	it('never throws on any query string, and every slide it keeps is well formed', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 300 }),
				fc.array(fc.string({ maxLength: 80 }), { maxLength: 8 }),
				(raw, values) => {
					for (const qs of [raw, values.map((v) => `s=${encodeURIComponent(v)}`).join('&')]) {
						const r = decode(qs);
						for (const s of r.slides) {
							if (s.kind === 'figure') expect(ctx.figureIds.has(s.figure)).toBe(true);
							else expect(['topic', 'doc', 'year', 'map', 'compare']).toContain(s.chart);
						}
						// What it keeps reads back the same.
						expect(decode(scratchSearch(r.slides).slice(1)).slides).toEqual(r.slides);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('present mode keys', () => {
	it('maps clicker, arrow and letter keys', () => {
		const keys = [
			'ArrowRight',
			'ArrowDown',
			'PageDown',
			' ',
			'ArrowLeft',
			'ArrowUp',
			'PageUp',
			'Home',
			'End',
			'f',
			'H',
			'Escape',
			'a'
		];
		expect(keys.map((key) => deckAction({ key }))).toEqual([
			'next',
			'next',
			'next',
			'next',
			'prev',
			'prev',
			'prev',
			'first',
			'last',
			'fullscreen',
			'contrast',
			'leave',
			null
		]);
		expect(deckAction({ key: ' ', shiftKey: true })).toBe('prev');
		expect(deckAction({ key: 'f', ctrlKey: true })).toBeNull();
		expect(deckAction({ key: 'ArrowRight', altKey: true })).toBeNull();
	});

	it('moves within the deck and reads the slide from the hash', () => {
		expect(moveTo('next', 6, 7)).toBe(6);
		expect(moveTo('prev', 0, 7)).toBe(0);
		expect(moveTo('last', 2, 7)).toBe(6);
		expect(moveTo('first', 5, 7)).toBe(0);
		expect(['#3', '#0', '#99', '#x', '', '#1e3'].map((h) => slideFromHash(h, 7))).toEqual([
			2, 0, 6, 0, 0, 0
		]);
		expect(slideFromHash('#3', 0)).toBe(0);
	});

	it('says why a hash does not name a slide, and which it shows instead', () => {
		expect(readHash('#8', 8)).toEqual({ index: 7, problem: null });
		expect(readHash('', 8)).toEqual({ index: 0, problem: null });
		expect(readHash('#9', 0)).toEqual({ index: 0, problem: null });
		expect(readHash('#12', 8)).toEqual({
			index: 7,
			problem: 'This deck has 8 slides, so slide 12 does not exist; the last is shown.'
		});
		expect(readHash('#2', 1).problem).toContain('This deck has 1 slide,');
		expect(readHash('#0', 8)).toMatchObject({
			index: 0,
			problem: expect.stringContaining('from 1')
		});
		for (const hash of ['#x', '#1e3', '#-2', '#3.5', `#${'9'.repeat(40)}`]) {
			const { index, problem } = readHash(hash, 8);
			expect(index).toBe(0);
			expect(problem).toMatch(/is not a slide number, so the first slide is shown\.$/);
			expect(problem!.length).toBeLessThan(100);
		}
	});

	it('says in Spanish what it did on a Spanish page', () => {
		const original = runtime.getLocale;
		runtime.overwriteGetLocale(() => 'es');
		try {
			expect(readHash('#12', 8).problem).toBe(
				'Esta presentación tiene 8 diapositivas, así que la diapositiva 12 no existe; se muestra la última.'
			);
			expect(decode('s=figure:nope&x=1').ignored).toEqual([
				'parámetro desconocido «x»',
				'diapositiva 1: «nope» no es una cifra de los datos'
			]);
		} finally {
			runtime.overwriteGetLocale(original);
		}
	});
});
