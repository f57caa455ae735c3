/** A figure's warning is drawn by one component: its sign for the eye, its words for everyone. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Warning from '../../src/lib/ui/Warning.svelte';

/** Every .svelte file under a folder, by path. */
const svelteFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? svelteFiles(join(dir, e.name))
			: e.name.endsWith('.svelte')
				? [join(dir, e.name)]
				: []
	);

describe('Warning', () => {
	it('puts the sign, hidden from screen readers, before its words on their line', () => {
		const words = createRawSnippet(() => ({ render: () => '<strong>Estimate</strong>' }));
		const { body } = render(Warning, { props: { children: words } });
		expect(body.replace(/<!--[^>]*-->/g, '')).toBe(
			'<span aria-hidden="true">⚠\u00a0</span><strong>Estimate</strong>'
		);
	});

	it('is the one place the sign is written before a warning’s words', () => {
		// The comparisons' key shows the sign itself, as its charts' labels carry it: not a warning.
		const elsewhere = svelteFiles('src')
			.filter((f) => !/[/\\](Warning|CompareLegend)\.svelte$/.test(f))
			.filter((f) => /aria-hidden="true">⚠/.test(readFileSync(f, 'utf8')));
		expect(elsewhere).toEqual([]);
	});
});
