/** Present mode's keys, as a pure mapping from a key press to what the deck does. */
import { formatCount } from '../data/format';
import { m } from '$lib/paraglide/messages';

export type DeckAction = 'next' | 'prev' | 'first' | 'last' | 'fullscreen' | 'contrast' | 'leave';

export interface KeyPress {
	key: string;
	shiftKey?: boolean;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
}

/**
 * Presentation clickers send PageDown/PageUp (some send arrows or Space); Shift+Space goes back
 * as it scrolls back in a page. Keys with Ctrl, Alt or Meta stay the browser's.
 */
export function deckAction(e: KeyPress): DeckAction | null {
	if (e.ctrlKey || e.altKey || e.metaKey) return null;
	switch (e.key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
			return 'next';
		case ' ':
		case 'Spacebar':
			return e.shiftKey ? 'prev' : 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'prev';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'f':
		case 'F':
			return 'fullscreen';
		case 'h':
		case 'H':
			return 'contrast';
		case 'Escape':
			return 'leave';
		default:
			return null;
	}
}

/** The slide index (0-based) an action moves to, within `count` slides. */
export function moveTo(action: DeckAction, current: number, count: number): number {
	const last = Math.max(0, count - 1);
	if (action === 'next') return Math.min(last, current + 1);
	if (action === 'prev') return Math.max(0, current - 1);
	if (action === 'first') return 0;
	if (action === 'last') return last;
	return current;
}

/** The slide a URL's hash names, as a 0-based index, and what kept it from naming one. */
export interface HashSlide {
	index: number;
	/** Why the hash was not followed as written, in words for a notice; null when it was. */
	problem: string | null;
}

/**
 * The slide a URL's hash names (`#3` is the third). A number past either end gives the
 * nearest slide, anything else the first; either way the reader is told, never left with a
 * blank slide. No hash, or an empty deck, is no problem.
 */
export function readHash(hash: string, count: number): HashSlide {
	if (hash === '' || hash === '#' || count === 0) return { index: 0, problem: null };
	const match = /^#(\d{1,4})$/.exec(hash);
	if (!match) {
		const shown = hash.length > 24 ? `${hash.slice(0, 24)}…` : hash;
		return { index: 0, problem: m.present_hash_not_number({ shown }) };
	}
	const n = Number(match[1]);
	if (n < 1) return { index: 0, problem: m.present_hash_from_one() };
	if (n > count)
		return {
			index: count - 1,
			problem: m.present_hash_beyond({ count, shown: formatCount(count), n })
		};
	return { index: n - 1, problem: null };
}

/** The slide a URL's hash names (`#3` is the third), as a 0-based index, or 0. */
export function slideFromHash(hash: string, count: number): number {
	return readHash(hash, count).index;
}
