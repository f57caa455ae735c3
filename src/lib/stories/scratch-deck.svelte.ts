/**
 * The scratch deck this tab is building, shared by every part of a page that shows it or adds
 * to it ("Present this" links, the header's deck indicator, the deck itself), so a slide added
 * or a deck cleared shows everywhere at once. Kept in sessionStorage by `rememberDeck`; empty
 * until `read` is called in the browser (prerendered pages show no deck).
 */
import { rememberDeck, rememberedDeck, type ScratchSlide } from './scratch';

class ScratchDeck {
	slides: ScratchSlide[] = $state.raw([]);

	/** Reads the deck this tab last remembered (a page may have changed it since this one drew). */
	read(): void {
		this.slides = rememberedDeck();
	}

	/** Makes `deck` the tab's deck, remembered for the next page. */
	set(deck: readonly ScratchSlide[]): void {
		rememberDeck(deck);
		this.slides = [...deck];
	}

	clear(): void {
		this.set([]);
	}
}

export const scratchDeck = new ScratchDeck();
