/**
 * The published descriptions, checked against what their specifications require. No validator
 * for the Frictionless v2 profiles installs from the npm registry, so the checks below are the
 * profile's requirements written out (datapackage.org/profiles/2.0: datapackage.json,
 * dataresource.json, tableschema.json), and the data is checked against its own schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, FIGURES } from '../../src/lib/data/bundled';
import { columnDocs, DICTIONARY_TABLES, parseDictionary } from '../../src/lib/data/dictionary';
import { readSources } from '../../src/lib/data/node-files';
import { datasetJsonLd, jsonLdScript, RIGHTS_STATEMENT } from '../../src/lib/data/publish';
import { DATA_VERSION } from '../../src/lib/data/version';

type Json = Record<string, unknown>;
const pkg = JSON.parse(readFileSync('static/data/datapackage.json', 'utf8')) as Json;

/** The profile's path pattern: a URL, or a POSIX path that does not climb out (`../`) or start at the root. */
const PATH = /^((?=[^./~])(?!file:)((?!\/\.\.\/)(?!\\)(?!:\/\/).)*|(http|ftp)s?:\/\/.*)$/;
const FIELD_TYPES = [
	'string',
	'number',
	'integer',
	'boolean',
	'object',
	'array',
	'list',
	'date',
	'time',
	'datetime',
	'year',
	'yearmonth',
	'duration',
	'geopoint',
	'geojson',
	'any'
];

/** Problems with a descriptor under the Data Package v2 profile; empty when it is valid. */
function packageProblems(p: Json): string[] {
	const out: string[] = [];
	const str = (v: unknown, what: string) =>
		v === undefined || typeof v === 'string' || out.push(`${what} must be a string`);
	for (const k of [
		'$schema',
		'name',
		'id',
		'title',
		'description',
		'homepage',
		'version',
		'created',
		'image'
	])
		str(p[k], k);
	if (p.created !== undefined && Number.isNaN(Date.parse(p.created as string)))
		out.push('created must be a date-time');
	for (const k of ['contributors', 'keywords', 'licenses', 'sources'])
		if (
			p[k] !== undefined &&
			(!Array.isArray(p[k]) || (k !== 'sources' && !(p[k] as unknown[]).length))
		)
			out.push(`${k} must be a non-empty array`);
	for (const c of (p.contributors as Json[] | undefined) ?? [])
		if (!Object.keys(c).length) out.push('a contributor needs at least one property');
	for (const s of (p.sources as Json[] | undefined) ?? []) {
		if (!Object.keys(s).length) out.push('a source needs at least one property');
		if (s.path !== undefined && !PATH.test(s.path as string)) out.push(`source path ${s.path}`);
	}
	for (const l of (p.licenses as Json[] | undefined) ?? [])
		if (l.name === undefined && l.path === undefined) out.push('a licence needs a name or a path');
	const resources = p.resources as Json[] | undefined;
	if (!Array.isArray(resources) || !resources.length)
		return [...out, 'resources is required and must be a non-empty array'];
	const names = resources.map((r) => r.name);
	for (const r of resources) {
		const at = `resource ${String(r.name)}`;
		if (typeof r.name !== 'string') out.push(`${at}: name is required`);
		if ((r.path === undefined) === (r.data === undefined))
			out.push(`${at}: exactly one of path and data`);
		if (r.path !== undefined && !(typeof r.path === 'string' && PATH.test(r.path)))
			out.push(`${at}: path ${String(r.path)}`);
		if (r.type !== undefined && r.type !== 'table') out.push(`${at}: type must be "table"`);
		if (r.bytes !== undefined && !Number.isInteger(r.bytes))
			out.push(`${at}: bytes must be an integer`);
		if (r.hash !== undefined && !/^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)$/.test(r.hash as string))
			out.push(`${at}: hash`);
		for (const k of ['format', 'mediatype', 'encoding', 'title', 'description'])
			str(r[k], `${at}: ${k}`);
		const schema = r.schema as Json | undefined;
		if (r.type === 'table' && !schema) out.push(`${at}: a table needs a schema`);
		if (!schema) continue;
		const fields = schema.fields as Json[] | undefined;
		if (!Array.isArray(fields) || !fields.length) {
			out.push(`${at}: schema.fields is required`);
			continue;
		}
		const fieldNames = fields.map((f) => f.name);
		for (const f of fields) {
			if (typeof f.name !== 'string') out.push(`${at}: a field without a name`);
			if (f.type === undefined ? false : !FIELD_TYPES.includes(f.type as string))
				out.push(`${at}: field ${String(f.name)} type ${String(f.type)}`);
			if (f.description !== undefined && typeof f.description !== 'string')
				out.push(`${at}: field description`);
		}
		if (new Set(fieldNames).size !== fieldNames.length) out.push(`${at}: field names repeat`);
		const missing = schema.missingValues as unknown;
		if (
			missing !== undefined &&
			!(Array.isArray(missing) && missing.every((m) => typeof m === 'string'))
		)
			out.push(`${at}: missingValues`);
		const pk = schema.primaryKey as string[] | string | undefined;
		for (const k of pk === undefined ? [] : [pk].flat())
			if (!fieldNames.includes(k)) out.push(`${at}: primaryKey ${k} is not a field`);
		for (const fk of (schema.foreignKeys as Json[] | undefined) ?? []) {
			const ref = fk.reference as Json;
			for (const k of fk.fields as string[])
				if (!fieldNames.includes(k)) out.push(`${at}: foreign key ${k}`);
			if (ref.resource !== undefined && ref.resource !== '' && !names.includes(ref.resource))
				out.push(`${at}: foreign key to ${String(ref.resource)}`);
		}
	}
	return out;
}

describe('datapackage.json', () => {
	it('is a valid Data Package v2 descriptor', () => {
		expect(packageProblems(pkg)).toEqual([]);
		expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
		expect(pkg.version).toBe(DATA_VERSION.version);
		expect((pkg.sources as Json[]).length).toBe(DOCUMENTS.length);
	});

	it('fails on what the profile forbids (the checks can fail)', () => {
		expect(packageProblems({})).toContain('resources is required and must be a non-empty array');
		const bad = structuredClone(pkg);
		const [figures] = bad.resources as Json[];
		(figures!.schema as Json).primaryKey = ['nope'];
		figures!.path = '../figures.csv';
		((figures!.schema as Json).fields as Json[])[0]!.type = 'text';
		expect(packageProblems(bad)).toEqual([
			'resource figures: path ../figures.csv',
			'resource figures: field figure_id type text',
			'resource figures: primaryKey nope is not a field'
		]);
	});

	it('describes every column of the files, in their order, with the dictionary’s meaning, and the files match it', () => {
		for (const r of (pkg.resources as Json[]).filter((x) => x.type === 'table')) {
			const text = readFileSync(`static/data/${r.path as string}`);
			expect(r.bytes).toBe(text.length);
			const [header, ...rows] = csvParseRows(text.toString('utf8'));
			const fields = (r.schema as Json).fields as Json[];
			expect(header).toEqual(fields.map((f) => f.name));
			for (const f of fields)
				expect(f.description, `${String(r.name)}.${String(f.name)}`).not.toBe('');
			fields.forEach((f, i) => {
				const values = rows.map((row) => row[i]!).filter((v) => v !== '');
				if (f.type === 'integer')
					for (const v of values) expect(v, String(f.name)).toMatch(/^-?\d+$/);
				if (f.type === 'number')
					for (const v of values) expect(Number.isFinite(Number(v)), String(f.name)).toBe(true);
			});
			const keys = rows.map((row) => row[0]);
			expect(new Set(keys).size).toBe(keys.length);
		}
	});
});

describe('the data dictionary', () => {
	const docs = columnDocs(parseDictionary(readFileSync('data/README.md', 'utf8')));

	it('gives every column of every curated CSV a meaning, and describes no column they lack', () => {
		for (const table of DICTIONARY_TABLES) {
			const [header] = csvParseRows(readFileSync(`data/${table}.csv`, 'utf8'));
			for (const column of header!)
				expect(docs[table][column]?.meaning, `data/${table}.csv: ${column}`).toBeTruthy();
			// The figures' section also describes the served table's added columns.
			if (table !== 'figures') expect(Object.keys(docs[table]).sort()).toEqual(header!.toSorted());
		}
	});

	it('is where datapackage.json takes each served table’s column meanings from', () => {
		const served = (pkg.resources as Json[]).filter((r) => r.type === 'table');
		expect(served.map((r) => r.name)).toEqual(['figures', 'documents', 'measures']);
		for (const r of served)
			for (const f of (r.schema as Json).fields as Json[])
				expect(f.description).toBe(docs[r.name as 'figures'][f.name as string]?.meaning);
	});
});

describe('schema.org Dataset', () => {
	const ld = datasetJsonLd({
		version: DATA_VERSION,
		documents: DOCUMENTS,
		base: '',
		years: [1850, 2013]
	});

	it('has the required name and a description of 50 to 5,000 characters, and the recommended properties', () => {
		expect(ld['@context']).toBe('https://schema.org');
		expect(ld['@type']).toBe('Dataset');
		expect(ld.name.length).toBeGreaterThan(0);
		expect(ld.description.length).toBeGreaterThanOrEqual(50);
		expect(ld.description.length).toBeLessThanOrEqual(5000);
		expect(ld.temporalCoverage).toMatch(/^\d{4}\/\d{4}$/);
		expect(ld.version).toBe(DATA_VERSION.version);
		for (const d of ld.distribution) {
			expect(d['@type']).toBe('DataDownload');
			expect(d.contentUrl).toMatch(/^\/data\//);
			expect(d.encodingFormat).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
			expect(existsSync(`static${d.contentUrl}`), d.contentUrl).toBe(true);
		}
	});

	it('goes into the page as JSON that cannot close its script element', () => {
		const html = jsonLdScript({ name: '</script><script>alert(1)</script>' });
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(JSON.parse(html.slice(html.indexOf('>') + 1, -'</script>'.length))).toEqual({
			name: '</script><script>alert(1)</script>'
		});
	});
});

describe('the rights statement', () => {
	it('says only what the documents state: none has a licence, copyright or reuse notice', (ctx) => {
		const sources = readSources();
		if (!sources) return ctx.skip();
		expect(RIGHTS_STATEMENT).toContain('None of the five source documents states a licence');
		for (const d of DOCUMENTS) {
			const text = sources.get(d.source_file) ?? '';
			expect(text.length, d.source_file).toBeGreaterThan(0);
			expect(text, d.source_file).not.toMatch(
				/copyright|©|\blicen[cs]e|all rights reserved|terms of use|may be reproduced|without (prior )?(written )?permission/i
			);
		}
		expect(FIGURES.length).toBeGreaterThan(0);
	});
});
