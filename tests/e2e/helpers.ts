import { readFileSync } from 'node:fs';
/** Reading the explorer's state the way a user sees it: chart marks by their labels, table rows, URL. */
import type { Page } from '@playwright/test';
import type { SiteFigure } from '../../src/lib/data/site-table';

export async function allFigures(page: Page): Promise<SiteFigure[]> {
	const res = await page.request.get('/data/figures.json');
	return (await res.json()) as SiteFigure[];
}

/** The count a bar or country shows, from its accessible label ("Remittances: 3 figures"). */
export async function markCount(page: Page, view: string, label: string): Promise<number> {
	const mark = page.locator(`#${view} a[aria-label^="${label}:"]`).last();
	const text = (await mark.getAttribute('aria-label')) ?? '';
	return Number(/: (\d+) figure/.exec(text)?.[1] ?? NaN);
}

export function mark(page: Page, view: string, label: string) {
	return page.locator(`#${view} a[aria-label^="${label}:"]`).last();
}

export async function tableIds(page: Page): Promise<string[]> {
	return page
		.locator('[data-testid="figure-table"] tbody tr[data-figure-id]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-figure-id')!));
}

export async function total(page: Page): Promise<number> {
	return Number(await page.getByTestId('total').textContent());
}

/**
 * Waits until the page has hydrated and the explorer has answered at least once, and the
 * sections below the linked views (drawn when the browser is idle) show that answer too.
 */
export async function ready(page: Page) {
	await page
		.locator('.explorer[data-updates]:not([data-updates="0"])[data-settled="true"]')
		.waitFor();
}

export function searchParams(page: Page): URLSearchParams {
	return new URL(page.url()).searchParams;
}

/** The data version of the build under test (`build:data` writes it). */
export const DATA_VERSION = JSON.parse(readFileSync('build/data/version.json', 'utf8')) as {
	version: string;
	date: string;
};
