/**
 * Versions of the curated data. A release (`data/releases/<date>.json`) records the content
 * hash of the curated CSVs and, per figure, the fields that say what the figure is; what changed
 * between two releases is worked out from them, and `data/changes.csv` says why in words.
 * A renamed or merged figure keeps its old address through `data/redirects.csv`.
 * Pure: the files are read in `node-files.ts`.
 */
import { readCsv } from './csv';
import type { Problem } from './parse-table';
import { SLUG_PATTERN } from './schema';

/** What the document states: a change to one of these is a correction. */
export const CORRECTION_FIELDS = [
	'doc_id',
	'line',
	'section',
	'speaker',
	'quote',
	'value',
	'low',
	'high',
	'qualifier',
	'unit',
	'period',
	'geography',
	'attributed_to',
	'value_text'
] as const;

/** How Cifras codes the figure: a change to one of these is a re-coding. */
export const RECODING_FIELDS = [
	'geo_code',
	'topic',
	'indicator',
	'part_of',
	'kind',
	'measure',
	'ref_period',
	'period_basis',
	'topics',
	'flag'
] as const;

/** Editorial notes (`note`, `flag_note`) change the hash, and so the version, but are not listed. */
export const SNAPSHOT_FIELDS = ['figure_id', ...CORRECTION_FIELDS, ...RECODING_FIELDS] as const;
export type SnapshotFigure = Record<(typeof SNAPSHOT_FIELDS)[number], string>;

export interface Release {
	/** The day it was released, `YYYY-MM-DD`: the first part of the version. */
	date: string;
	/** SHA-256 of the curated CSVs, in hex (see `contentHash` in `node-files.ts`). */
	hash: string;
	figures: SnapshotFigure[];
}

/** A release as stored: `fields` once, then each figure's values in that order (a third of the size). */
export interface StoredRelease {
	date: string;
	hash: string;
	fields: string[];
	figures: string[][];
}

export function readRelease(s: StoredRelease): Release {
	return {
		date: s.date,
		hash: s.hash,
		figures: s.figures.map(
			(values) =>
				Object.fromEntries(
					SNAPSHOT_FIELDS.map((f) => [f, values[s.fields.indexOf(f)] ?? ''])
				) as SnapshotFigure
		)
	};
}

/** One figure a line, so a release reads well in a diff. */
export function writeRelease(r: Release): string {
	const head = `{"date":${JSON.stringify(r.date)},"hash":${JSON.stringify(r.hash)},"fields":${JSON.stringify(SNAPSHOT_FIELDS)},"figures":[`;
	const rows = r.figures.map((f) => JSON.stringify(SNAPSHOT_FIELDS.map((k) => f[k])));
	return `${head}\n${rows.join(',\n')}\n]}\n`;
}

export const CHANGE_KINDS = ['added', 'corrected', 'recoded', 'removed', 'renamed', 'merged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_WORDS: Record<ChangeKind, string> = {
	added: 'Added',
	corrected: 'Corrected',
	recoded: 'Re-coded',
	removed: 'Removed',
	renamed: 'Renamed',
	merged: 'Merged'
};

export interface FieldChange {
	field: string;
	before: string;
	after: string;
}

export interface Change {
	kind: ChangeKind;
	figure_id: string;
	/** Renamed or merged: the id the figure lives at now. */
	new_id?: string;
	/** Corrected or re-coded: the fields that changed. */
	fields?: FieldChange[];
}

/** A row of `data/changes.csv`: why something changed. An empty `figure_id` speaks for every change of its kind in the release. */
export interface LogRow {
	row: number;
	release: string;
	change: ChangeKind;
	figure_id: string;
	note: string;
}

/** A row of `data/redirects.csv`: an address that must keep working. */
export interface Redirect {
	row: number;
	old_id: string;
	new_id: string;
	release: string;
	note: string;
}

/** The version every export, image, embed and citation carries: `2026-07-01.3fa9c1e2`. */
export function versionOf(r: Pick<Release, 'date' | 'hash'>): string {
	return `${r.date}.${r.hash.slice(0, 8)}`;
}

export function snapshotOf(figuresCsv: string): SnapshotFigure[] {
	const { header, records } = readCsv(figuresCsv);
	return records.map(
		(r) =>
			Object.fromEntries(
				SNAPSHOT_FIELDS.map((f) => [f, r.fields[header.indexOf(f)] ?? ''])
			) as SnapshotFigure
	);
}

const fieldChanges = (a: SnapshotFigure, b: SnapshotFigure, fields: readonly string[]) =>
	fields
		.filter((f) => a[f as keyof SnapshotFigure] !== b[f as keyof SnapshotFigure])
		.map((f) => ({
			field: f,
			before: a[f as keyof SnapshotFigure],
			after: b[f as keyof SnapshotFigure]
		}));

/**
 * What changed from one release to the next: a figure in `next` only is added, in `prev` only
 * removed — unless a redirect of `next`'s release moves it (renamed, or merged when the figure
 * it moved to was there before); one in both is corrected and/or re-coded.
 */
export function diffReleases(
	prev: SnapshotFigure[],
	next: Release,
	redirects: Redirect[]
): Change[] {
	const before = new Map(prev.map((f) => [f.figure_id, f]));
	const after = new Map(next.figures.map((f) => [f.figure_id, f]));
	const moved = new Map(
		redirects.filter((r) => r.release === next.date).map((r) => [r.old_id, r.new_id])
	);
	const movedTo = new Set(moved.values());
	const out: Change[] = [];
	for (const [id, f] of before) {
		const now = after.get(id);
		if (!now) {
			const to = moved.get(id);
			if (to && !before.has(to)) out.push({ kind: 'renamed', figure_id: id, new_id: to });
			else if (to) out.push({ kind: 'merged', figure_id: id, new_id: to });
			else out.push({ kind: 'removed', figure_id: id });
			continue;
		}
		const corrected = fieldChanges(f, now, CORRECTION_FIELDS);
		const recoded = fieldChanges(f, now, RECODING_FIELDS);
		if (corrected.length) out.push({ kind: 'corrected', figure_id: id, fields: corrected });
		if (recoded.length) out.push({ kind: 'recoded', figure_id: id, fields: recoded });
	}
	for (const id of after.keys())
		if (!before.has(id) && !movedTo.has(id)) out.push({ kind: 'added', figure_id: id });
	return out;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function parseChangeLog(text: string, file = 'changes.csv'): { rows: LogRow[]; problems: Problem[] } {
	const { header, records } = readCsv(text);
	const problems: Problem[] = [];
	const expected = ['release', 'change', 'figure_id', 'note'];
	if (header.join(',') !== expected.join(','))
		return { rows: [], problems: [{ file, row: 1, column: null, message: `header must be ${expected.join(',')}` }] };
	const rows: LogRow[] = [];
	for (const { row, fields } of records) {
		const [release = '', change = '', figure_id = '', note = ''] = fields;
		const bad = (column: string, message: string) => problems.push({ file, row, column, message });
		if (!DAY.test(release)) bad('release', `“${release}” is not a day (YYYY-MM-DD)`);
		if (!(CHANGE_KINDS as readonly string[]).includes(change))
			bad('change', `“${change}” is not one of ${CHANGE_KINDS.join(', ')}`);
		if (figure_id && !SLUG_PATTERN.test(figure_id)) bad('figure_id', `“${figure_id}” is not a figure id`);
		if (!note.trim()) bad('note', 'is empty; say what changed and why');
		rows.push({ row, release, change: change as ChangeKind, figure_id, note: note.trim() });
	}
	return { rows, problems };
}

export function parseRedirects(text: string, file = 'redirects.csv'): { rows: Redirect[]; problems: Problem[] } {
	const { header, records } = readCsv(text);
	const problems: Problem[] = [];
	const expected = ['old_id', 'new_id', 'release', 'note'];
	if (header.join(',') !== expected.join(','))
		return { rows: [], problems: [{ file, row: 1, column: null, message: `header must be ${expected.join(',')}` }] };
	const rows: Redirect[] = [];
	for (const { row, fields } of records) {
		const [old_id = '', new_id = '', release = '', note = ''] = fields;
		const bad = (column: string, message: string) => problems.push({ file, row, column, message });
		if (!SLUG_PATTERN.test(old_id)) bad('old_id', `“${old_id}” is not a figure id`);
		if (!SLUG_PATTERN.test(new_id)) bad('new_id', `“${new_id}” is not a figure id`);
		if (!DAY.test(release)) bad('release', `“${release}” is not a day (YYYY-MM-DD)`);
		if (!note.trim()) bad('note', 'is empty; say why the figure moved');
		rows.push({ row, old_id, new_id, release, note: note.trim() });
	}
	return { rows, problems };
}

export interface History {
	releases: Release[];
	log: LogRow[];
	redirects: Redirect[];
}

/** Each release with what changed since the one before (everything is added in the first). */
export function releaseChanges(h: History): { release: Release; changes: Change[] }[] {
	const sorted = [...h.releases].sort((a, b) => a.date.localeCompare(b.date));
	return sorted.map((release, i) => ({
		release,
		changes: diffReleases(sorted[i - 1]?.figures ?? [], release, h.redirects)
	}));
}

const PROBLEM = (file: string, message: string, row: number | null = null): Problem => ({
	file,
	row,
	column: null,
	message
});

/**
 * `verify:data`'s checks of the history: the data is the last release's (else the changes
 * since are listed, for the log and `npm run release:data`); every change between releases has
 * a line in the log and every line a change; every redirect leads from an id that was a figure
 * to one that is.
 */
export function checkHistory(
	h: History,
	current: { hash: string; figures: SnapshotFigure[] }
): Problem[] {
	const problems: Problem[] = [];
	const dates = new Set(h.releases.map((r) => r.date));
	const last = [...h.releases].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
	if (!last)
		problems.push(PROBLEM('releases/', 'no release recorded: run npm run release:data to record this data as the first version'));
	else if (last.hash !== current.hash) {
		const pending = diffReleases(last.figures, { date: 'next', hash: current.hash, figures: current.figures }, []);
		const list = pending.map((c) => `${c.kind} ${c.figure_id}`).join('; ');
		problems.push(
			PROBLEM(
				'releases/',
				`the curated CSVs changed since release ${versionOf(last)}${list ? ` (${list})` : ' (notes or documents only)'}: describe the changes in data/changes.csv (and data/redirects.csv for a renamed or merged id), then run npm run release:data`
			)
		);
	}
	for (const { release, changes } of releaseChanges(h)) {
		const rows = h.log.filter((r) => r.release === release.date);
		for (const c of changes) {
			if (c.kind === 'renamed' || c.kind === 'merged') continue; // explained in redirects.csv
			if (!rows.some((r) => r.change === c.kind && (r.figure_id === c.figure_id || r.figure_id === '')))
				problems.push(
					PROBLEM('changes.csv', `release ${release.date}: ${c.figure_id} was ${c.kind}${c.fields ? ` (${c.fields.map((f) => f.field).join(', ')})` : ''}; add a line saying why`)
				);
		}
		for (const r of rows)
			if (!changes.some((c) => c.kind === r.change && (r.figure_id === '' || c.figure_id === r.figure_id)))
				problems.push(
					PROBLEM('changes.csv', `says ${r.figure_id || 'figures'} ${r.change} in ${r.release}, but the release shows no such change`, r.row)
				);
	}
	for (const r of h.log)
		if (!dates.has(r.release))
			problems.push(PROBLEM('changes.csv', `release ${r.release} is not recorded in data/releases/`, r.row));
	const sorted = [...h.releases].sort((a, b) => a.date.localeCompare(b.date));
	const currentIds = new Set(current.figures.map((f) => f.figure_id));
	for (const r of h.redirects) {
		const at = sorted.findIndex((x) => x.date === r.release);
		const before = sorted[at - 1]?.figures.some((f) => f.figure_id === r.old_id);
		const after = sorted[at]?.figures.some((f) => f.figure_id === r.old_id);
		if (at < 0) problems.push(PROBLEM('redirects.csv', `release ${r.release} is not recorded in data/releases/`, r.row));
		else if (!before || after)
			problems.push(PROBLEM('redirects.csv', `${r.old_id} must be a figure in the release before ${r.release} and not in ${r.release}`, r.row));
		if (currentIds.has(r.old_id))
			problems.push(PROBLEM('redirects.csv', `${r.old_id} is a figure again: its address cannot also redirect`, r.row));
		if (!currentIds.has(r.new_id))
			problems.push(PROBLEM('redirects.csv', `${r.new_id} is not a figure now: point ${r.old_id} to the id it lives at`, r.row));
	}
	const olds = h.redirects.map((r) => r.old_id);
	for (const id of new Set(olds.filter((id, i) => olds.indexOf(id) !== i)))
		problems.push(PROBLEM('redirects.csv', `${id} redirects twice`));
	return problems;
}

/** `/changes` as the build serves it (`static/data/changes.json`), newest release first. */
export interface SiteRelease {
	version: string;
	date: string;
	figures: number;
	changes: (Change & { notes: string[] })[];
	/** Lines of the log that speak for every change of a kind in the release. */
	notes: { change: ChangeKind; note: string }[];
}

export function siteHistory(h: History): SiteRelease[] {
	return releaseChanges(h)
		.map(({ release, changes }) => {
			const rows = h.log.filter((r) => r.release === release.date);
			const moves = new Map(h.redirects.filter((r) => r.release === release.date).map((r) => [r.old_id, r.note]));
			return {
				version: versionOf(release),
				date: release.date,
				figures: release.figures.length,
				changes: changes.map((c) => ({
					...c,
					notes: [
						...rows.filter((r) => r.change === c.kind && r.figure_id === c.figure_id).map((r) => r.note),
						...(moves.has(c.figure_id) ? [moves.get(c.figure_id)!] : [])
					]
				})),
				notes: rows.filter((r) => r.figure_id === '').map((r) => ({ change: r.change, note: r.note }))
			};
		})
		.reverse();
}
