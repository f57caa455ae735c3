/**
 * The built tables, bundled for server-side prerendering of pages that need only part of them:
 * typed modules that `npm run build:data` writes from the same rows as `static/data/*.json`.
 */
export { FIGURES } from './generated/figures';
export { DOCUMENTS } from './generated/documents';
export { MEASURES } from './generated/measures';
/** Numbers the text implies: shown beside the printed figures, never exported. */
export { DERIVED } from './generated/derived';
