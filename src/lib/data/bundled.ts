/** The JSON build, bundled for server-side prerendering of pages that need only part of it. */
import figuresJson from '../../../static/data/figures.json';
import documentsJson from '../../../static/data/documents.json';
import measuresJson from '../../../static/data/measures.json';
import derivedJson from '../../../static/data/derived.json';
import type { DocumentRow, MeasureRow } from './schema';
import type { SiteDerived, SiteFigure } from './site-table';

export const FIGURES = figuresJson as unknown as SiteFigure[];
export const DOCUMENTS = documentsJson as unknown as DocumentRow[];
export const MEASURES = measuresJson as unknown as MeasureRow[];
/** Numbers the text implies: shown beside the printed figures, never exported. */
export const DERIVED = derivedJson as unknown as SiteDerived[];
