/**
 * The reader's model of a document, as its page receives it (built at prerender by
 * `$lib/server/reader`). The text itself is not in it: it is written into the page's HTML once
 * (`src/hooks.server.ts`), not also into the data the page hydrates from.
 */
import type { DocumentRow } from '../data/schema';
import type { UncuratedReason } from '../data/uncurated';

/** What a figure's mark shows on hover, focus or tap. */
export interface FigureCard {
	id: string;
	/** As the site shows it: "about 20 million persons". */
	value: string;
	indicator: string;
	/** Place and period: "Latin America and the Caribbean, 2000". */
	where: string;
	/** The editorial note, shown as a warning. */
	note: string;
	line: number;
}

export interface ReaderDocument {
	doc: DocumentRow;
	lineCount: number;
	/** The text file's size in bytes, for the download link. */
	bytes: number;
	toc: { line: number; level: number; title: string }[];
	coverage: {
		total: number;
		inFigures: number;
		figures: number;
		byReason: [UncuratedReason, number][];
	};
	figures: Record<string, FigureCard>;
}
