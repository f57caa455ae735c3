/**
 * The page every e2e test gets: only loopback requests allowed (as on a machine behind a
 * firewall), and any console error, Svelte hydration warning or uncaught exception fails the test.
 */
import { test as base, expect } from '@playwright/test';

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export const test = base.extend<{ blockedRequests: string[]; pageErrors: string[] }>({
	blockedRequests: async ({ context }, use) => {
		const blocked: string[] = [];
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:'))
				return route.continue();
			blocked.push(url);
			return route.abort('blockedbyclient');
		});
		await use(blocked);
	},
	pageErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(`console: ${m.text()}`);
				// A failed hydration makes Svelte throw the prerendered page away and draw it again.
				else if (/hydration_/.test(m.text())) errors.push(`svelte: ${m.text()}`);
			});
			page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
			await use(errors);
			expect(errors, 'console errors or uncaught exceptions').toEqual([]);
		},
		{ auto: true }
	],
	page: async ({ page, blockedRequests }, use) => {
		void blockedRequests;
		await use(page);
	}
});

export { expect };
