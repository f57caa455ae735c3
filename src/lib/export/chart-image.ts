/**
 * A chart on the page as a standalone image: its title above, the source line and the page's
 * address below, styles written into the SVG (the page's CSS does not travel with a file), and
 * as PNG at twice the size. Browser-only: it reads the laid-out chart.
 */
import { wrapText } from '../charts/text-width';
import { m } from '$lib/paraglide/messages';

export interface ImageMeta {
	title: string;
	source: string;
	url: string;
}

export interface StandaloneSvg {
	text: string;
	width: number;
	height: number;
}

const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-opacity',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'visibility',
	'display'
];

const HEADER = 34;
const FOOTER = 40;
const PAD = 12;
/** The source line's text size, px. */
const SOURCE_SIZE = 11;

const escapeXml = (s: string) =>
	s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

/** Copies the computed look of every element onto the clone, since classes lose their CSS. */
function inlineStyles(live: Element, clone: Element) {
	const cs = getComputedStyle(live);
	clone.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
	const a = live.children;
	const b = clone.children;
	for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}

/** HTML bars (see CategoryBars.svelte) redrawn as SVG from their laid-out boxes. */
function barsAsSvg(root: HTMLElement): { body: string; width: number; height: number } {
	const box = root.getBoundingClientRect();
	const rel = (r: DOMRect) => ({
		x: r.left - box.left,
		y: r.top - box.top,
		w: r.width,
		h: r.height
	});
	const parts: string[] = [];
	const text = (el: Element, anchor: 'start' | 'end' | 'middle') => {
		const r = rel(el.getBoundingClientRect());
		const cs = getComputedStyle(el);
		const x = anchor === 'end' ? r.x + r.w : anchor === 'middle' ? r.x + r.w / 2 : r.x;
		parts.push(
			`<text x="${x}" y="${r.y + r.h / 2}" dominant-baseline="central" text-anchor="${anchor}" style="fill:${cs.color};font-size:${cs.fontSize};font-family:${escapeXml(cs.fontFamily)};font-weight:${cs.fontWeight}">${escapeXml(el.textContent ?? '')}</text>`
		);
	};
	for (const el of root.querySelectorAll('.label')) if (el.textContent) text(el, 'end');
	for (const el of root.querySelectorAll('.bar')) {
		const r = rel(el.getBoundingClientRect());
		parts.push(
			`<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" style="fill:${getComputedStyle(el).backgroundColor}"/>`
		);
	}
	for (const el of root.querySelectorAll('.track')) {
		const r = rel(el.getBoundingClientRect());
		const c = getComputedStyle(el).borderLeftColor;
		if (getComputedStyle(el).borderLeftStyle !== 'none')
			parts.push(
				`<line x1="${r.x}" x2="${r.x}" y1="${r.y}" y2="${r.y + r.h}" style="stroke:${c}"/>`
			);
	}
	for (const el of root.querySelectorAll('.n')) text(el, 'start');
	for (const el of root.querySelectorAll('.tick')) text(el, 'middle');
	return { body: parts.join(''), width: box.width, height: box.height };
}

/** The chart inside `figure` (SVG charts, or HTML bars) as a standalone SVG document. */
export function chartSvg(figure: HTMLElement, meta: ImageMeta): StandaloneSvg {
	const bars = figure.querySelector<HTMLElement>('.bars');
	let body: string;
	let w: number;
	let h: number;
	if (bars) ({ body, width: w, height: h } = barsAsSvg(bars));
	else {
		// A chart may be several SVGs (a comparison has one panel per unit): each goes where it
		// sits on the page, relative to the first.
		const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')].filter(
			(s) => !s.parentElement?.closest('svg')
		);
		if (!svgs.length) throw new Error(m.explorer_image_not_drawn());
		const rects = svgs.map((s) => s.getBoundingClientRect());
		const left = Math.min(...rects.map((r) => r.left));
		const top = Math.min(...rects.map((r) => r.top));
		w = Math.max(...rects.map((r) => r.right)) - left;
		h = Math.max(...rects.map((r) => r.bottom)) - top;
		body = svgs
			.map((svg, i) => {
				const rect = rects[i]!;
				const clone = svg.cloneNode(true) as SVGSVGElement;
				inlineStyles(svg, clone);
				clone.querySelectorAll('.brush, style').forEach((n) => n.remove());
				clone.setAttribute('width', String(rect.width));
				clone.setAttribute('height', String(rect.height));
				clone.setAttribute('x', String(PAD + rect.left - left));
				clone.setAttribute('y', String(HEADER + rect.top - top));
				if (!clone.getAttribute('viewBox'))
					clone.setAttribute(
						'viewBox',
						`0 0 ${svg.width.baseVal.value || rect.width} ${svg.height.baseVal.value || rect.height}`
					);
				return new XMLSerializer().serializeToString(clone);
			})
			.join('');
	}
	const width = Math.ceil(w + 2 * PAD);
	const sourceLines = wrapText(meta.source, width - 2 * PAD, SOURCE_SIZE);
	const height = Math.ceil(h + HEADER + FOOTER + 14 * (sourceLines.length - 1));
	const cs = getComputedStyle(figure);
	const bg =
		cs.backgroundColor && cs.backgroundColor !== 'rgba(0, 0, 0, 0)'
			? cs.backgroundColor
			: '#ffffff';
	const ink = cs.color;
	const font = escapeXml(cs.fontFamily);
	const inner = bars ? `<g transform="translate(${PAD},${HEADER})">${body}</g>` : body;
	const text = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" style="fill:${bg}"/><text x="${PAD}" y="22" style="fill:${ink};font-family:${font};font-size:16px;font-weight:700">${escapeXml(meta.title)}</text>${inner}${sourceLines.map((line, i) => `<text x="${PAD}" y="${height - 22 - 14 * (sourceLines.length - 1 - i)}" style="fill:${ink};font-family:${font};font-size:${SOURCE_SIZE}px">${escapeXml(line)}</text>`).join('')}<text x="${PAD}" y="${height - 8}" style="fill:${ink};font-family:${font};font-size:11px;opacity:0.75">${escapeXml(meta.url)}</text></svg>`;
	return { text, width, height };
}

/** The SVG drawn at `scale` times its size into a PNG. */
export async function svgToPng(svg: StandaloneSvg, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.width = svg.width;
		img.height = svg.height;
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error(m.explorer_image_failed()));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(svg.width * scale);
		canvas.height = Math.round(svg.height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error(m.explorer_image_no_canvas());
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, svg.width, svg.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error(m.explorer_image_png_failed()))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
