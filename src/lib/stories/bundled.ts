/** The validated stories, written by `npm run build:data`, bundled for prerendering and the deck. */
import storiesJson from '../../../static/data/stories.json';
import type { Story } from './story';

export const STORIES = storiesJson as unknown as Story[];
