// Ambient types for SvelteKit; the app defines no custom App.* interfaces.
export {};
