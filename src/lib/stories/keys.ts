/** Present mode's keys, as a pure mapping from a key press to what the deck does. */

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

/** The slide a URL's hash names (`#3` is the third), as a 0-based index, or 0. */
export function slideFromHash(hash: string, count: number): number {
	const m = /^#(\d{1,4})$/.exec(hash);
	const n = m ? Number(m[1]) : 1;
	return Math.min(Math.max(1, n), Math.max(1, count)) - 1;
}
