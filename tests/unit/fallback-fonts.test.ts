/**
 * The fallback faces in src/app.css are the system fonts a reader sees until the web fonts
 * arrive (font-display: swap). Scaled to the web fonts' metrics, the page does not move when
 * they swap in (the bench's layout shift was 0.083 on `/` without them). The numbers come from
 * @capsizecss/core; this fails when app.css and the library's metrics disagree, or when a font
 * stack no longer lists its fallback right after its web font.
 */
import { readFileSync } from 'node:fs';
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import sourceSans3 from '@capsizecss/metrics/sourceSans3';
import sourceSerif4 from '@capsizecss/metrics/sourceSerif4';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/app.css', import.meta.url), 'utf8');

/** The descriptors of the @font-face rule for `family` in app.css. */
function face(family: string): Record<string, string> {
	const rule = [...css.matchAll(/@font-face\s*{([^}]*)}/g)]
		.map((m) => m[1]!)
		.find((body) => body.includes(`font-family: '${family}'`));
	if (!rule) throw new Error(`app.css has no @font-face for ${family}`);
	return Object.fromEntries(
		[...rule.matchAll(/([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ')])
	);
}

/** The descriptors capsize computes for a web font over a system font. */
function computed(stack: Parameters<typeof createFontStack>[0]): Record<string, string> {
	const { fontFaces } = createFontStack(stack);
	return Object.fromEntries(
		[...fontFaces.matchAll(/([\w-]+):\s*([^;]+);/g)]
			.filter((m) => m[1] !== 'font-family' && m[1] !== 'src')
			.map((m) => [m[1]!, m[2]!])
	);
}

describe.each([
	['Source Sans 3', sourceSans3, arial, 'Arial', 'Liberation Sans', '--font-sans'],
	[
		'Source Serif 4',
		sourceSerif4,
		timesNewRoman,
		'Times New Roman',
		'Liberation Serif',
		'--font-display'
	]
] as const)('%s fallback', (name, web, system, local, linuxTwin, token) => {
	const fallback = face(`${name} Fallback`);

	it(`is ${local} (or its Linux twin) scaled to ${name}'s metrics`, () => {
		const expected = computed([web, system]);
		expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
		for (const [descriptor, value] of Object.entries(expected))
			expect(fallback[descriptor], descriptor).toBe(value);
		expect(fallback.src).toContain(`local('${local}')`);
		expect(fallback.src).toContain(`local('${linuxTwin}')`);
	});

	it(`comes right after the web font in ${token}`, () => {
		const stack = css.match(new RegExp(`${token}:\\s*([^;]+);`))![1]!.replace(/\s+/g, ' ');
		expect(stack.startsWith(`'${name} Variable', '${name} Fallback',`)).toBe(true);
	});
});
