/**
 * The page's language and its addresses. English lives at "/…", Spanish at "/es/…" (Paraglide's
 * `url` strategy, configured in scripts/messages-options.js); the messages themselves are
 * Paraglide's compiled functions (`import { m } from '$lib/paraglide/messages'`).
 */
import { base } from '$app/paths';
import {
	baseLocale,
	deLocalizeUrl,
	getLocale,
	locales,
	localizeUrl,
	type Locale
} from '$lib/paraglide/runtime';

export { getLocale, locales, type Locale };

/** Each language's own name, written in that language (the switch offers "Español" to an English reader). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

/** The tag `Intl` formats with: US English (the documents' "1,000,000"), and Spanish. */
export function intlTag(locale: Locale = getLocale()): string {
	return locale === 'es' ? 'es' : 'en-US';
}

// Paths only: `base` is relative at prerender ("../.."), and the origin is the prerenderer's.
const ANY = 'http://cifras.invalid';

// "/es" for Spanish, "" for English: asked of Paraglide once per language rather than on each of
// the hundreds of links a page draws (its localizeHref parses a URL pattern per call).
const prefixes = new Map<Locale, string>();
function prefix(locale: Locale): string {
	let p = prefixes.get(locale);
	if (p === undefined) {
		p = localizeUrl(new URL('/x', ANY), { locale }).pathname.slice(0, -2);
		prefixes.set(locale, p);
	}
	return p;
}

/** The address of a page of the site ("/figure/x", "/?q=trata") in the page's language. */
export function href(path: string, locale: Locale = getLocale()): string {
	// The Spanish home is "/es/" (its route has trailingSlash "always": the file is
	// es/index.html, whose relative asset paths hold at "/es/" and at "/es").
	return `${base}${prefix(locale)}${path}`;
}

/** The same page in another language: the path without its locale, then `href` in `locale`. */
export function otherLanguageHref(pathname: string, locale: Locale): string {
	return href(bare(pathname), locale);
}

/** The page's absolute path without its language prefix ("/es/figure/x" → "/figure/x"). */
export function bare(pathname: string): string {
	return deLocalizeUrl(new URL(pathname, ANY)).pathname;
}

export const isBaseLocale = (locale: Locale = getLocale()) => locale === baseLocale;
