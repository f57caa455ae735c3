// A document's text as the reader's HTML, alone: what a reader page loads when it is reached by
// a link inside the site (its first load has the text in its HTML already).
import { error } from '@sveltejs/kit';
import { DOCUMENTS } from '$lib/data/bundled';
import { readerBodyHtml } from '$lib/server/reader';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => DOCUMENTS.map((d) => ({ doc_id: d.doc_id }));

export const GET: RequestHandler = ({ params }) => {
	const html = readerBodyHtml(params.doc_id);
	if (html === null) error(404, `No document has the id “${params.doc_id}”.`);
	return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
