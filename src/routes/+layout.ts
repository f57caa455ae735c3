// Every page is prerendered to static HTML; the site has no server.
export const prerender = true;
