import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const NODE_ONLY =
	'Arquero, and src/lib/build-data/ which imports it, are for the Node-only data build: the site cannot import them.';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'static/data/',
			'src/lib/*/generated/',
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
		// no chain of imports from a page reaches it. (Flat config does not merge a rule's
		// options: another no-restricted-imports block for src/ must repeat these.)
		files: ['src/**'],
		ignores: ['src/lib/build-data/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [{ regex: '^arquero(/|$)|(^|/)build-data(/|$)', message: NODE_ONLY }]
				}
			],
			'no-restricted-syntax': [
				'error',
				{ selector: 'ImportExpression[source.value=/^arquero|build-data/]', message: NODE_ONLY }
			]
		}
	}
);
