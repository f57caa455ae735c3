/**
 * The words for the data's code lists in the page's language: topics, kinds, how a time is
 * known, warnings, regions. The English lists are the codes' definitions (schema.ts, meaning.ts;
 * searched and exported as they are); Spanish follows messages/GLOSSARY.md. Grammar-free labels
 * kept beside their codes, so a new code fails type-checking until it has both.
 */
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import {
	FLAG_LABELS,
	KIND_LABELS,
	PERIOD_BASIS_LABELS,
	type Flag,
	type Kind,
	type PeriodBasis
} from './meaning';
import { REGIONS, TOPIC_LABELS, type Topic } from './schema';

const TOPICS_ES: Record<Topic, string> = {
	migrant_stock: 'Población migrante (stock)',
	remittances: 'Remesas',
	deportation_return: 'Deportaciones y retornos',
	return_assistance: 'Asistencia para el retorno',
	trafficking_victims: 'Víctimas de trata',
	trafficking_networks: 'Redes de trata',
	smuggling: 'Tráfico ilícito de migrantes',
	displacement_refugees: 'Desplazamiento y refugio',
	violence_abuse: 'Violencia y abusos',
	labour: 'Trabajo',
	program_output: 'Resultados de programas',
	population: 'Población',
	other: 'Otros'
};

const KINDS_ES: Record<Kind, string> = {
	count: 'Recuento',
	estimate: 'Estimación',
	share: 'Proporción',
	amount: 'Monto de dinero',
	duration: 'Duración',
	age: 'Edad',
	multiple: 'Múltiplo',
	requirement: 'Requisito',
	target: 'Meta (prevista)'
};

const BASES_ES: Record<PeriodBasis, string> = {
	stated: 'declarado en el texto',
	implied: 'deducido del texto',
	document_date: 'a la fecha del documento'
};

const FLAGS_ES: Record<Flag, string> = {
	looks_wrong: 'Parece errónea tal como está impresa',
	inconsistent: 'Incoherente con otra cifra',
	unclear: 'No queda claro qué, dónde o cuándo cuenta',
	translation: 'Duda de traducción',
	no_source: 'Estimación sin fuente nombrada'
};

const REGIONS_ES: Record<keyof typeof REGIONS, string> = {
	WLD: 'Mundo',
	AMR: 'Las Américas',
	LAC: 'América Latina y el Caribe',
	LAM: 'América Latina',
	CAR: 'El Caribe',
	CAM: 'Centroamérica',
	SAM: 'América del Sur',
	NAC: 'América del Norte',
	ANR: 'Región andina',
	SCN: 'Cono Sur',
	EUR: 'Europa',
	ASI: 'Asia',
	AFR: 'África',
	DEV: 'Países desarrollados',
	DEG: 'Países en desarrollo',
	RCM: 'Países miembros de la Conferencia Regional sobre Migración (Proceso Puebla)',
	MUB: 'Región fronteriza México–Estados Unidos',
	NST: 'Lugar no indicado'
};

const pick = <K extends string>(en: Record<K, string>, es: Record<K, string>, locale: Locale) =>
	locale === 'es' ? es : en;

/** Every topic's label ("Remittances", "Remesas"). */
export const topicLabels = (locale: Locale = getLocale()): Record<Topic, string> =>
	pick(TOPIC_LABELS, TOPICS_ES, locale);
export const topicLabel = (t: string, locale: Locale = getLocale()): string =>
	topicLabels(locale)[t as Topic] ?? t;
export const kindLabel = (k: string, locale: Locale = getLocale()): string =>
	pick(KIND_LABELS, KINDS_ES, locale)[k as Kind] ?? k;
export const periodBasisLabel = (b: string, locale: Locale = getLocale()): string | undefined =>
	pick(PERIOD_BASIS_LABELS, BASES_ES, locale)[b as PeriodBasis];
export const flagLabel = (f: Flag, locale: Locale = getLocale()): string =>
	pick(FLAG_LABELS, FLAGS_ES, locale)[f];
/** A region's name, or undefined for a code that is not a region (a country). */
export const regionName = (code: string, locale: Locale = getLocale()): string | undefined =>
	pick(REGIONS, REGIONS_ES, locale)[code];
