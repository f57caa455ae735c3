import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReleasesDir, contentHash, CURATED_FILES } from '../../src/lib/data/node-files';
import {
	checkHistory,
	diffReleases,
	parseChangeLog,
	parseRedirects,
	siteHistory,
	snapshotOf,
	versionOf,
	writeRelease,
	readRelease,
	type Release,
	type SnapshotFigure,
	type StoredRelease
} from '../../src/lib/data/releases';
import { movedTo } from '../../src/lib/data/redirects';

const figures = snapshotOf(readFileSync('data/figures.csv', 'utf8'));
const release = (date: string, hash: string, fs: SnapshotFigure[]): Release => ({
	date,
	hash,
	figures: fs
});
const [a, b, c] = figures as [SnapshotFigure, SnapshotFigure, SnapshotFigure];

describe('what changed between releases', () => {
	it('tells corrections (what the document states) from re-codings (how Cifras codes it)', () => {
		const next = release('2027-01-01', 'h2', [
			{ ...a, value: '21000000', value_text: '21 million' },
			{ ...b, topic: 'population' },
			{ ...c, quote: c.quote + ' (sic)', indicator: 'Something else' }
		]);
		const changes = diffReleases([a, b, c], next, []);
		expect(changes).toEqual([
			{
				kind: 'corrected',
				figure_id: a.figure_id,
				fields: [
					{ field: 'value', before: a.value, after: '21000000' },
					{ field: 'value_text', before: a.value_text, after: '21 million' }
				]
			},
			{
				kind: 'recoded',
				figure_id: b.figure_id,
				fields: [{ field: 'topic', before: b.topic, after: 'population' }]
			},
			expect.objectContaining({ kind: 'corrected', figure_id: c.figure_id }),
			expect.objectContaining({ kind: 'recoded', figure_id: c.figure_id })
		]);
	});

	it('calls a moved id renamed (new id) or merged (into a figure that was there), else added and removed', () => {
		const redirects = parseRedirects(
			`old_id,new_id,release,note\n${a.figure_id},a-new,2027-01-01,Typo in the id\n${b.figure_id},${c.figure_id},2027-01-01,The same sentence twice\n`
		).rows;
		const next = release('2027-01-01', 'h2', [
			{ ...a, figure_id: 'a-new' },
			c,
			{ ...a, figure_id: 'brand-new' }
		]);
		expect(
			diffReleases([a, b, c], next, redirects).map((x) => [x.kind, x.figure_id, x.new_id])
		).toEqual([
			['renamed', a.figure_id, 'a-new'],
			['merged', b.figure_id, c.figure_id],
			['added', 'brand-new', undefined]
		]);
		expect(diffReleases([a, b, c], next, []).map((x) => x.kind)).toEqual([
			'removed',
			'removed',
			'added',
			'added'
		]);
	});
});

describe('verify:data on the history', () => {
	const first = release('2026-12-06', 'h1', [a, b, c]);
	const second = release('2027-01-01', 'h2', [
		{ ...a, figure_id: 'a-new' },
		{ ...b, value: '1' }
	]);
	const log = (text: string) => parseChangeLog(`release,change,figure_id,note\n${text}`).rows;
	const redirects = parseRedirects(
		`old_id,new_id,release,note\n${a.figure_id},a-new,2027-01-01,Typo in the id\n`
	).rows;

	it('passes when every change has its line and the data is the last release', () => {
		const h = {
			releases: [first, second],
			log: log(
				`2026-12-06,added,,First version\n2027-01-01,corrected,${b.figure_id},Line 12 prints 1\n2027-01-01,removed,${c.figure_id},Not a figure on migration`
			),
			redirects
		};
		expect(checkHistory(h, { hash: 'h2', figures: second.figures })).toEqual([]);
		const site = siteHistory(h);
		expect(site.map((r) => r.version)).toEqual(['2027-01-01.h2', '2026-12-06.h1']);
		expect(site[0]!.changes.find((x) => x.kind === 'renamed')!.notes).toEqual(['Typo in the id']);
	});

	it('names a change without a line, a line without a change, and data changed since the last release', () => {
		const h = {
			releases: [first, second],
			log: log(`2026-12-06,added,,First version\n2027-01-01,recoded,${b.figure_id},Wrong topic`),
			redirects
		};
		const messages = checkHistory(h, { hash: 'h3', figures: second.figures }).map((p) => p.message);
		expect(messages).toEqual([
			expect.stringContaining('changed since release 2027-01-01.h2'),
			expect.stringContaining(`${b.figure_id} was corrected (value)`),
			expect.stringContaining(`${c.figure_id} was removed`),
			expect.stringContaining(`says ${b.figure_id} recoded in 2027-01-01`)
		]);
	});

	it('refuses a redirect from an id that is a figure, or to one that is not', () => {
		const bad = parseRedirects(
			`old_id,new_id,release,note\n${b.figure_id},gone,2027-01-01,x\n`
		).rows;
		const messages = checkHistory(
			{ releases: [first, second], log: log('2026-12-06,added,,First'), redirects: bad },
			{ hash: 'h2', figures: second.figures }
		).map((p) => p.message);
		expect(messages).toContainEqual(expect.stringContaining(`${b.figure_id} is a figure again`));
		expect(messages).toContainEqual(expect.stringContaining('gone is not a figure now'));
	});

	it('reads the log and redirects strictly', () => {
		expect(
			parseChangeLog('release,change,figure_id,note\n2027-13-01,fixed,Bad Id,\n').problems.map(
				(p) => p.column
			)
		).toEqual(['release', 'change', 'figure_id', 'note']);
		expect(parseRedirects('old,new\n').problems[0]!.message).toMatch(/header/);
	});

	it('stores a release compactly and reads it back the same', () => {
		const text = writeRelease(first);
		expect(readRelease(JSON.parse(text) as StoredRelease)).toEqual(first);
		expect(versionOf({ date: '2026-12-06', hash: 'abcdef0123456789' })).toBe('2026-12-06.abcdef01');
	});
});

describe('the data directory', () => {
	it('is the last release, with no problem', () => {
		const r = checkReleasesDir();
		expect(r.problems).toEqual([]);
		expect(r.version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
	});

	it('gets a new hash, and a verify:data problem, when a curated CSV changes', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cifras-data-'));
		for (const f of [...CURATED_FILES, 'changes.csv', 'redirects.csv'])
			cpSync(join('data', f), join(dir, f));
		cpSync('data/releases', join(dir, 'releases'), { recursive: true });
		expect(contentHash(dir)).toBe(contentHash());
		const csv = readFileSync(join(dir, 'figures.csv'), 'utf8');
		writeFileSync(join(dir, 'figures.csv'), csv.replace(',20000000,', ',20000001,'));
		const r = checkReleasesDir(dir);
		expect(r.version).toBeNull();
		expect(r.problems[0]!.message).toContain('corrected hc02-lac-emigrants-abroad');
	});
});

describe('old figure addresses', () => {
	it('lead to the id the figure lives at now, and nowhere for an id that never moved', () => {
		const map = new Map([['old-id', 'new-id']]);
		expect(movedTo('old-id', map)).toBe('new-id');
		expect(movedTo('new-id', map)).toBeNull();
	});
});

describe('the page at an old figure address', () => {
	it('refreshes to the new address and links to it, in the prerendered HTML', async () => {
		const { render } = await import('svelte/server');
		const { default: FigureMoved } = await import('../../src/lib/ui/FigureMoved.svelte');
		const moved = {
			old_id: a.figure_id,
			new_id: b.figure_id,
			release: '2027-01-01',
			note: 'The same sentence twice'
		};
		const { head, body } = render(FigureMoved, {
			props: { base: '/cifras', moved, indicator: 'International migrants' }
		});
		expect(head).toContain(
			`<meta http-equiv="refresh" content="0; url=/cifras/figure/${b.figure_id}"`
		);
		expect(head).toContain(`<link rel="canonical" href="/cifras/figure/${b.figure_id}"`);
		expect(body).toMatch(
			new RegExp(`<a href="/cifras/figure/${b.figure_id}"[^>]*>${b.figure_id}</a>`)
		);
		expect(body).toContain('The same sentence twice');
	});
});
