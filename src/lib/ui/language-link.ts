/**
 * A link into the other edition that keeps the reader's view: read from the address bar at the
 * click (the explorer's query string, a slide's #n), with a view of measures renamed in the
 * other edition's words. Used by the language switch and by the note offering Spanish.
 */
import { base } from '$app/paths';
import { editionData } from '$lib/data/site-data';
import { getLocale, otherLanguageHref, type Locale } from '$lib/i18n/locale';
import { translateIndicators, type MeasureLabel } from '$lib/state/view-language';

async function measures(locale: Locale): Promise<MeasureLabel[]> {
	const res = await fetch(`${editionData(base, locale)}/measures.json`);
	if (!res.ok) throw new Error(`HTTP ${res.status}`);
	return (await res.json()) as MeasureLabel[];
}

/** The click handler of a link to this page in `locale`. */
export function keepViewIn(locale: Locale) {
	return (event: MouseEvent) => {
		const link = event.currentTarget as HTMLAnchorElement;
		const path = otherLanguageHref(location.pathname, locale);
		link.href = path + location.search + location.hash;
		if (!new URLSearchParams(location.search).has('indicator')) return;
		// Ask both editions' measures for the other's words before leaving. If they cannot be
		// read, the other page still opens, and says which measure it did not know.
		event.preventDefault();
		const hash = location.hash;
		void Promise.all([measures(getLocale()), measures(locale)])
			.then(([from, to]) => translateIndicators(location.search, from, to))
			.catch(() => location.search)
			.then((search) => location.assign(path + search + hash));
	};
}
