/** The years the figures refer to, first to last: the dataset's temporal coverage. */
import type { SiteFigure } from './site-table';

export function referenceYears(figures: Pick<SiteFigure, 'ref_start' | 'ref_end'>[]): [number, number] {
	const starts = figures.map((f) => f.ref_start).filter((y): y is number => y !== null);
	const ends = figures.map((f) => f.ref_end).filter((y): y is number => y !== null);
	return [Math.min(...starts), Math.max(...ends)];
}
