/**
 * What the dataset is called, in citations and in its published descriptions. Apart from
 * `publish.ts` so that a citation does not bring the descriptions' code into the page.
 */
export const DATASET_NAME = 'cifras';
export const DATASET_TITLE =
	'Cifras: figures on migration and human trafficking in the Americas from five ECLAC, IOM, OAS and NHRI reports, 2002–2013';
