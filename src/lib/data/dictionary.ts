/**
 * `data/README.md` as structured blocks, so the data dictionary page is generated from the one
 * document curators maintain. Only the Markdown that file uses: headings, paragraphs, lists,
 * tables, `code` and **bold**. Everything becomes text; nothing is rendered as HTML.
 */
export type Inline = { text: string; code?: boolean; bold?: boolean };
export type Block =
	| { kind: 'h2' | 'h3'; id: string; inline: Inline[] }
	| { kind: 'p'; inline: Inline[] }
	| { kind: 'ul'; items: Inline[][] }
	| { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

export function inline(text: string): Inline[] {
	const out: Inline[] = [];
	const re = /`([^`]+)`|\*\*([^*]+)\*\*/g;
	let last = 0;
	for (const m of text.matchAll(re)) {
		if (m.index > last) out.push({ text: text.slice(last, m.index) });
		out.push(m[1] !== undefined ? { text: m[1], code: true } : { text: m[2]!, bold: true });
		last = m.index + m[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last) });
	return out;
}

const cells = (line: string) =>
	line
		.trim()
		.replace(/^\||\|$/g, '')
		.split('|')
		.map((c) => inline(c.trim()));

const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

export function parseDictionary(markdown: string): Block[] {
	const blocks: Block[] = [];
	const lines = markdown.split(/\r?\n/);
	let i = 0;
	while (i < lines.length) {
		const line = lines[i]!;
		if (!line.trim() || line.startsWith('# ')) {
			i++;
			continue;
		}
		const heading = /^(##+)\s+(.*)$/.exec(line);
		if (heading) {
			const text = heading[2]!;
			blocks.push({ kind: heading[1]!.length === 2 ? 'h2' : 'h3', id: slug(text), inline: inline(text) });
			i++;
			continue;
		}
		if (line.startsWith('|')) {
			const head = cells(line);
			i += 2; // the header row and the |---| rule
			const rows: Inline[][][] = [];
			while (i < lines.length && lines[i]!.startsWith('|')) rows.push(cells(lines[i++]!));
			blocks.push({ kind: 'table', head, rows });
			continue;
		}
		if (/^\s*- /.test(line)) {
			const items: string[] = [];
			while (i < lines.length && (/^\s*- /.test(lines[i]!) || /^\s{2,}\S/.test(lines[i]!))) {
				const l = lines[i++]!;
				if (/^\s*- /.test(l)) items.push(l.replace(/^\s*- /, ''));
				else items[items.length - 1] += ` ${l.trim()}`;
			}
			blocks.push({ kind: 'ul', items: items.map(inline) });
			continue;
		}
		const para: string[] = [];
		while (i < lines.length && lines[i]!.trim() && !/^(#|\||\s*- )/.test(lines[i]!)) para.push(lines[i++]!.trim());
		blocks.push({ kind: 'p', inline: inline(para.join(' ')) });
	}
	return blocks;
}

/**
 * The sections of a dictionary (an `h2` and the blocks up to the next) whose ids are not in
 * `covered`: what a translation leaves in the original (`data/README.es.md` translates the
 * tables readers download; the curators' sections stay in English).
 */
export function sectionsOutside(blocks: Block[], covered: readonly string[]): Block[] {
	const out: Block[] = [];
	let keep = false;
	for (const b of blocks) {
		if (b.kind === 'h2') keep = !covered.includes(b.id);
		if (keep) out.push(b);
	}
	return out;
}

export interface ColumnDoc {
	/** The type as the dictionary states it (`slug`, `integer ≥ 1`, `ISO date`…). */
	type: string;
	meaning: string;
}

const plain = (parts: Inline[]) => parts.map((p) => p.text).join('');

/** The tables the dictionary describes column by column: the four curated CSVs. */
export const DICTIONARY_TABLES = ['documents', 'figures', 'measures', 'derived'] as const;
export type DictionaryTable = (typeof DICTIONARY_TABLES)[number];

/**
 * The dictionary's column tables by the table they describe, from the sections headed with the
 * file's name (`documents.csv`…); `figures` also takes the served table's added columns. A row
 * naming several columns (`value`, `low`, `high`) describes each.
 */
export function columnDocs(blocks: Block[]): Record<DictionaryTable, Record<string, ColumnDoc>> {
	const out = Object.fromEntries(DICTIONARY_TABLES.map((t) => [t, {}])) as Record<
		DictionaryTable,
		Record<string, ColumnDoc>
	>;
	let table: DictionaryTable | null = null;
	for (const b of blocks) {
		if (b.kind === 'h2') {
			const title = plain(b.inline);
			table = title.includes('served table')
				? 'figures'
				: (DICTIONARY_TABLES.find((t) => title === `${t}.csv`) ?? null);
		} else if (b.kind === 'table' && table && plain(b.head[0] ?? []) === 'column') {
			for (const row of b.rows) {
				const [names, type, meaning] = row.map(plain);
				for (const name of (names ?? '').split(/,\s*/).filter(Boolean))
					out[table][name] = { type: type ?? '', meaning: meaning ?? '' };
			}
		}
	}
	return out;
}
