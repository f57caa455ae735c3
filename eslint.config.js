import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const NODE_ONLY =
	'Arquero, and src/lib/build-data/ which imports it, are for the Node-only data build: the site cannot import them.';
const NODE_ONLY_PATTERN = { regex: '^arquero(/|$)|(^|/)build-data(/|$)', message: NODE_ONLY };

/**
 * The one-way flow of src/lib (README, "How the code is laid out"): each folder may import the
 * folders before it in this list, never one after it. A backwards import fails `npm run lint`.
 * The reader (`reader`: a source text as HTML) reads only `data` and is read by `ui/reader`;
 * `server` (each document's text, written into its page at prerender) comes last, as only
 * routes and hooks may import it (SvelteKit keeps `$lib/server` out of the browser).
 */
const LAYERS = [
	'i18n',
	'data',
	'state',
	'queries',
	'sql',
	'db',
	'charts',
	'export',
	'stories',
	'explorer',
	'workbench',
	'reader',
	'ui',
	'server'
];
const layerRules = LAYERS.map((layer, i) => ({
	files: [`src/lib/${layer}/**/*.{ts,svelte}`],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					NODE_ONLY_PATTERN,
					...LAYERS.slice(i + 1).map((later) => ({
						group: [`$lib/${later}/*`, `**/${later}/*`, `../${later}/*`],
						message: `src/lib/${layer} comes before src/lib/${later} in the data's one-way flow (eslint.config.js, LAYERS): move the shared part to the left, or the importer to the right.`
					}))
				]
			}
		]
	}
}));

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'static/data/',
			'src/lib/*/generated/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Internal links are built from `base` by src/lib/state/links.ts (and chart marks by Plot),
			// which resolve() cannot see; it would only add noise here.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Arquero compiles expressions with `new Function`, which the site's Content Security
		// Policy forbids (svelte.config.js), so it is for the Node-only data build. Only
		// src/lib/build-data/ may import it, and nothing else in src/ may import that folder, so
		// no chain of imports from a page reaches it. Flat config does not merge a rule's
		// options, so the layers' blocks below repeat this pattern (`NODE_ONLY_PATTERN`).
		files: ['src/**'],
		ignores: ['src/lib/build-data/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [NODE_ONLY_PATTERN]
				}
			],
			'no-restricted-syntax': [
				'error',
				{ selector: 'ImportExpression[source.value=/^arquero|build-data/]', message: NODE_ONLY }
			]
		}
	},
	...layerRules
);
