import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// "/es/figure/x" is the Spanish edition of the route at "/figure/x": one set of routes, two sets
// of addresses. The locale itself is read from the address by Paraglide (runtime.getLocale).
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
