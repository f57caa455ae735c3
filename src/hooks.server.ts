// Writes each document's text into its reader page once. The page's component renders the
// text's empty container (`data-body="<doc_id>"`); the text goes in here, so that it is in the
// HTML but not also in the data the page hydrates from (which would double a 5,000-line page).
// Svelte leaves alone what it did not render in an element whose content it does not manage.
import type { Handle } from '@sveltejs/kit';
import { readerBodyHtml } from '$lib/server/reader';

const BODY = /(<div\b[^>]*\sdata-body="([a-z0-9-]+)"[^>]*>)(<\/div>)/;

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(
				BODY,
				(_, open: string, id: string, close: string) => open + (readerBodyHtml(id) ?? '') + close
			)
	});
