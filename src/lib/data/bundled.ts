/** The JSON build, bundled for server-side prerendering of pages that need only part of it. */
import figuresJson from '../../../static/data/figures.json';
import documentsJson from '../../../static/data/documents.json';
import type { DocumentRow } from './schema';
import type { SiteFigure } from './site-table';

export const FIGURES = figuresJson as unknown as SiteFigure[];
export const DOCUMENTS = documentsJson as unknown as DocumentRow[];
