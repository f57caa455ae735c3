import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every message of the interface exists in English and Spanish (messages/**/{en,es}.json, the
// files project.inlang/settings.json lists), and no Spanish message is still its English text
// unless it is listed as the same on purpose (messages/same-in-both.json: "SQL", "CSV").

const ROOT = 'messages';
type Messages = Record<string, unknown>;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

const read = (path: string): Messages => {
	const { $schema: _, ...messages } = JSON.parse(readFileSync(path, 'utf8')) as Messages;
	return messages;
};

const folders = [
	...new Set(
		files(ROOT)
			.filter((f) => /\/(en|es)\.json$/.test(f))
			.map((f) => f.replace(/\/(en|es)\.json$/, ''))
	)
];
const same = new Set(
	(JSON.parse(readFileSync(join(ROOT, 'same-in-both.json'), 'utf8')) as { keys: string[] }).keys
);
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};

describe('messages', () => {
	it('every messages folder is one the compiler reads', () => {
		const patterns = settings['plugin.inlang.messageFormat'].pathPattern.map((p) =>
			p.replace(/^\.\//, '').replace(/\/\{locale\}\.json$/, '')
		);
		expect(folders.sort()).toEqual(patterns.sort());
	});

	for (const folder of folders) {
		const en = read(join(folder, 'en.json'));
		const es = read(join(folder, 'es.json'));
		it(`${folder}: every message is in both languages`, () => {
			expect(Object.keys(es).sort(), `${folder}/es.json lacks or adds keys`).toEqual(
				Object.keys(en).sort()
			);
		});
		it(`${folder}: no Spanish message is its English text unless listed as the same`, () => {
			const untranslated = Object.keys(en).filter(
				(key) => !same.has(key) && JSON.stringify(en[key]) === JSON.stringify(es[key])
			);
			expect(untranslated).toEqual([]);
		});
	}

	it('no message key is in two folders', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const folder of folders)
			for (const key of Object.keys(read(join(folder, 'en.json')))) {
				if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${folder})`);
				seen.set(key, folder);
			}
		expect(twice).toEqual([]);
	});

	it('every message is used by the code (a word no page shows is a word no one checks)', () => {
		const code = files('src')
			.filter((f) => !f.includes('/paraglide/') && /\.(ts|js|svelte)$/.test(f))
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		const keys = folders.flatMap((f) => Object.keys(read(join(f, 'en.json'))));
		expect(keys.filter((k) => !new RegExp(`\\b${k}\\b`).test(code))).toEqual([]);
	});

	it('what is the same on purpose is a message that exists', () => {
		const all = new Set(folders.flatMap((f) => Object.keys(read(join(f, 'en.json')))));
		expect([...same].filter((k) => !all.has(k))).toEqual([]);
	});
});
