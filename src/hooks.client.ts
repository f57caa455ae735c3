import type { HandleClientError } from '@sveltejs/kit';

// An unknown address is the reader's typo, not a fault in the page: show it, don't log it.
// Everything else is logged (the e2e suite fails on any console error) and shown as is.
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message: error instanceof Error && status !== 404 ? error.message : message };
};
