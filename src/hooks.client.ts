import type { HandleClientError } from '@sveltejs/kit';
import { getLocaleForUrl, overwriteGetLocale } from '$lib/paraglide/runtime';

// The language is the address's ("/es/…") and changing it loads the other edition's page, so
// it is read once here, before anything renders: Paraglide's own getLocale would match the
// address's URL pattern again for each of the hundreds of messages a click redraws.
const locale = getLocaleForUrl(location.href);
overwriteGetLocale(() => locale);

// An unknown address is the reader's typo, not a fault in the page: show it, don't log it.
// Everything else is logged (the e2e suite fails on any console error) and shown as is.
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message: error instanceof Error && status !== 404 ? error.message : message };
};
