// Ambient types for SvelteKit.
declare global {
	namespace App {
		/** A view chosen in the explorer: its query string (a shallow history entry). */
		interface PageState {
			search?: string;
		}
	}
}

export {};
