import { test, expect } from './fixtures';

// The frame of both editions: the language of each page, its alternates, the switch between
// them, the note offered to a browser that prefers Spanish, and the Spanish 404.

test('every page says its language and links its twin in the other', async ({ page }) => {
	await page.goto('/es/about');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
		'href',
		/\/about$/
	);
	await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute(
		'href',
		/\/es\/about$/
	);
	const nav = page.getByRole('navigation', { name: 'Sitio' });
	await expect(nav.getByRole('link', { name: 'Explorador' })).toHaveAttribute('href', /\/es\/$/);
	await expect(nav.getByRole('link', { name: 'Documentos' })).toHaveAttribute(
		'href',
		/\/es\/documents$/
	);
	await page.goto('/about');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
});

test('the switch opens the same page in the other language, and back', async ({ page }) => {
	await page.goto('/dictionary');
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/es\/dictionary$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByTestId('language-switch')).toHaveText('English');
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/dictionary$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a link into the other edition loads that edition, not this one redrawn', async ({ page }) => {
	await page.goto('/es/about');
	await page.waitForSelector('html[data-hydrated]');
	// A client-side navigation to an English page would keep the Spanish words: it loads anew.
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '/documents';
		a.textContent = 'x';
		a.id = 'to-english';
		document.body.append(a);
	});
	await page.locator('#to-english').click();
	await expect(page).toHaveURL(/\/documents$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
});

test('an unknown Spanish address is a Spanish 404 with a way home', async ({
	page,
	pageErrors
}) => {
	const response = await page.goto('/es/no-hay-tal-pagina');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'No hay ninguna página en esta dirección'
	);
	await expect(page.getByRole('link', { name: 'Ir al explorador' })).toHaveAttribute(
		'href',
		/\/es\/$/
	);
	// The browser logs the host's 404 answer itself; nothing else may be logged.
	const unexpected = pageErrors.filter((e) => !/status of 404/.test(e));
	pageErrors.splice(0, pageErrors.length, ...unexpected);
});

test.describe('a browser that prefers Spanish', () => {
	test.use({ locale: 'es-MX' });

	test('is offered the Spanish page, never moved to it; the offer can be declined for good', async ({
		page
	}) => {
		await page.goto('/about');
		const note = page.getByTestId('language-suggestion');
		await expect(note).toBeVisible();
		await expect(page).toHaveURL(/\/about$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(note.getByRole('link')).toHaveAttribute('href', /\/es\/about$/);
		await note.getByRole('button', { name: 'No, gracias' }).click();
		await expect(note).toHaveCount(0);
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-language-suggestion', 'none');
		await expect(page.getByTestId('language-suggestion')).toHaveCount(0);
	});

	test('follows the offer to the same page in Spanish', async ({ page }) => {
		await page.goto('/documents');
		await page.getByTestId('language-suggestion').getByRole('link').click();
		await expect(page).toHaveURL(/\/es\/documents$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		// A Spanish page offers nothing: its reader chose it.
		await expect(page.locator('html')).toHaveAttribute('data-language-suggestion', 'none');
		await expect(page.getByTestId('language-suggestion')).toHaveCount(0);
	});
});

test('the switch keeps a view of measures, naming them in the other language', async ({ page }) => {
	// The comparison of "Persons deported": its address names the measure in the page's words.
	await page.goto('/es/?indicator=Personas+deportadas');
	await page.waitForSelector('html[data-hydrated]');
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/\?indicator=Persons\+deported$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('chips')).toContainText('Persons deported');
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/es\/\?indicator=Personas\+deportadas$/);
	await expect(page.getByTestId('chips')).toContainText('Personas deportadas');
});
