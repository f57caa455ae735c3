// Compiles messages/ for the tools that do not run Vite (svelte-check, eslint's type info).
import { compile } from '@inlang/paraglide-js';
import { MESSAGES_OPTIONS } from './messages-options.js';

await compile(MESSAGES_OPTIONS);
