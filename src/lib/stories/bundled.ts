/** The validated stories, written by `npm run build:data` as a typed module, bundled for prerendering and the deck. */
export { STORIES } from './generated/stories';
