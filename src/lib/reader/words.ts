/**
 * The words the reader writes into its generated HTML (the marks' accessible names, a number's
 * reason on hover) and the names of the reasons a number is not a figure, in the page's language.
 * The English reasons are their codes' definitions (`data/uncurated.ts`); the Spanish ones sit
 * beside them here, typed by the same list, so a new reason fails type-checking until it has both.
 * The sentences are messages (messages/figure).
 */
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formatFigure, type FormattableFigure } from '../data/format';
import { REASON_LABELS, type UncuratedReason } from '../data/uncurated';

type ReasonWords = { one: string; many: string; means: string };

const REASONS_ES: Record<UncuratedReason, ReasonWords> = {
	date: { one: 'fecha', many: 'fechas', means: 'un año, una fecha o un período' },
	list_number: {
		one: 'número de lista',
		many: 'números de lista',
		means:
			'numera un elemento de una lista, un párrafo, un encabezado, un gráfico o una nota al pie'
	},
	page_furniture: {
		one: 'número de página',
		many: 'números de página y encabezados de página',
		means: 'un número de página o un encabezado de página de la edición impresa'
	},
	symbol: {
		one: 'signatura',
		many: 'signaturas y números de artículo',
		means:
			'la signatura de un documento, un número de serie o el número de una resolución, un artículo, una convención o una ley'
	},
	meeting_logistics: {
		one: 'logística de la reunión',
		many: 'logística de reuniones',
		means:
			'asistencia, días, sesiones, horarios o formato de la reunión que produjo el documento (o de una reunión que describe), no los resultados de un programa'
	},
	citation: {
		one: 'dato bibliográfico',
		many: 'datos bibliográficos',
		means:
			'parte de una referencia bibliográfica: la signatura de una publicación, su número de venta, precio, volumen, número o páginas'
	},
	contact: {
		one: 'dato de contacto',
		many: 'datos de contacto',
		means: 'un apartado postal, un número de teléfono o de fax'
	},
	ordinal: {
		one: 'ordinal',
		many: 'ordinales',
		means: 'una edición o un rango (“the 6th Conference”), no un recuento'
	},
	duration: { one: 'duración', many: 'duraciones', means: 'un lapso sin peso para las políticas' },
	age_or_threshold: {
		one: 'edad o umbral',
		many: 'edades y umbrales',
		means:
			'una edad o un límite en una definición o una norma (“under 18 years of age”), no una medición'
	},
	biographical: {
		one: 'dato biográfico',
		many: 'datos biográficos',
		means:
			'sobre la trayectoria de un participante (años de experiencia, libros escritos), no sobre la migración'
	},
	vague_quantity: {
		one: 'cantidad imprecisa',
		many: 'cantidades imprecisas',
		means: 'una cantidad sin valor (“thousands of”)'
	},
	count_of_items: {
		one: 'recuento de elementos',
		many: 'recuentos de elementos',
		means: 'cuenta cosas que el propio texto nombra o enumera allí (“the following three themes”)'
	},
	not_a_quantity: {
		one: 'no es una cantidad',
		many: 'palabras que no son cantidades',
		means: 'un número usado como palabra (“one another”, “third countries”)'
	},
	name: {
		one: 'nombre',
		many: 'nombres',
		means: 'parte de un nombre propio o de un título (“Group of 77”)'
	},
	part_of_figure: {
		one: 'parte de una cifra',
		many: 'partes de cifras',
		means:
			'cómo se expresa una cifra curada (su período o su base), no una cifra propia; la nota nombra la cifra'
	},
	to_curate: {
		one: 'por curar',
		many: 'por curar',
		means: 'debería ser una cifra curada; verify:data lo advierte hasta que lo sea'
	}
};

/** A reason's names and meaning in the page's language. */
export function reasonWords(reason: UncuratedReason, locale: Locale = getLocale()): ReasonWords {
	return locale === 'es' ? REASONS_ES[reason] : REASON_LABELS[reason];
}

/** "about 20 million persons — figure: Emigrants from Latin America and the Caribbean living abroad". */
export function markLabel(f: FormattableFigure & { indicator: string }, printed: string): string {
	const value = formatFigure(f);
	// The words on screen stay in the name (WCAG 2.5.3) when the formatted value does not hold them.
	const name = value.toLowerCase().includes(printed.toLowerCase())
		? value
		: `“${printed}”: ${value}`;
	return m.figure_reader_mark_label({ name, indicator: f.indicator });
}

/** A second figure stated by the same words: "60% — figure: Workforce growth (Spain), stated by the same words". */
export function extraLabel(
	f: FormattableFigure & { indicator: string; geography: string }
): string {
	return m.figure_reader_extra_label({
		value: formatFigure(f),
		indicator: f.indicator,
		place: f.geography
	});
}

/** "Not a figure: date", "Not a figure: meeting logistics — Participants in the meeting …". */
export function numberTitle(reason: UncuratedReason, note: string): string {
	const label =
		reason === 'to_curate'
			? m.figure_reader_not_curated_yet()
			: m.figure_reader_not_a_figure({ reason: reasonWords(reason).one });
	return `${label}${note ? ` — ${note}` : ''}`;
}
