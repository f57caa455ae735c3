/** The one-way flow is enforced: ESLint refuses an import from a folder to the right. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const restricted = async (filePath: string, code: string) =>
	(await eslint.lintText(code, { filePath }))
		.flatMap((r) => r.messages)
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);

// Loading ESLint's plugins and parsers takes a while on a busy machine: a limit, not a measure.
describe('folder layers', { timeout: 60_000 }, () => {
	it('refuse a backwards import, by relative path or by $lib', async () => {
		expect(
			await restricted(
				'src/lib/data/x.ts',
				"export { ExplorerState } from '../explorer/explorer-state.svelte';\n"
			)
		).toEqual([expect.stringContaining('src/lib/data comes before src/lib/explorer')]);
		expect(
			await restricted('src/lib/queries/x.ts', "export type { Engine } from '$lib/db/engine';\n")
		).toEqual([expect.stringContaining('src/lib/queries comes before src/lib/db')]);
		expect(
			await restricted(
				'src/lib/reader/x.ts',
				"export { readerDocument } from '$lib/server/reader';\n"
			)
		).toEqual([expect.stringContaining('src/lib/reader comes before src/lib/server')]);
		expect(
			await restricted('src/lib/ui/x.ts', "export { readerBodyHtml } from '../server/reader';\n")
		).toEqual([expect.stringContaining('src/lib/ui comes before src/lib/server')]);
	});

	it('let a folder import the ones before it', async () => {
		expect(
			await restricted('src/lib/explorer/x.ts', "export { InstantEngine } from '../db/instant';\n")
		).toEqual([]);
		expect(
			await restricted(
				'src/lib/ui/x.ts',
				"export { ExplorerState } from '$lib/explorer/explorer-state.svelte';\n"
			)
		).toEqual([]);
		expect(
			await restricted(
				'src/lib/ui/reader/x.ts',
				"export type { FigureCard } from '../../reader/model';\n"
			)
		).toEqual([]);
		expect(
			await restricted(
				'src/lib/server/x.ts',
				"export { renderDocument } from '$lib/reader/render';\n"
			)
		).toEqual([]);
	});
});
