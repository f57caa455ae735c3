/**
 * Files into one ZIP, with fflate (a maintained, dependency-free ZIP and DEFLATE library of
 * about 8 kB for what is used here; see docs/takeaway.md for why not by hand or another one).
 * Streamed a megabyte at a time with a pause between pieces, so a large view neither blocks
 * the page nor sits in memory twice, and it can be cancelled between pieces. fflate's
 * worker-based `zip()` is not used: it starts its workers from `blob:` URLs, which the site's
 * Content Security Policy (`worker-src 'self'`) refuses.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { m } from '$lib/paraglide/messages';

export interface ZipEntry {
	/** The path inside the archive (`cifras-…/README.md`). */
	name: string;
	data: Blob | string;
	/** Already compressed (Parquet): stored as it is. */
	stored?: boolean;
}

export interface ZipOptions {
	signal?: AbortSignal;
	/** The fraction of the bytes added so far, 0 to 1. */
	onProgress?: (fraction: number) => void;
	/** The files' modification time. */
	mtime?: Date;
}

const PIECE = 1 << 20;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const abortError = () => new DOMException(m.explorer_export_cancelled_error(), 'AbortError');

export async function zipFiles(entries: ZipEntry[], options: ZipOptions = {}): Promise<Blob> {
	const { signal, onProgress, mtime = new Date() } = options;
	const parts: Uint8Array[] = [];
	let failed: Error | null = null;
	const zip = new Zip((err, chunk) => {
		if (err) failed = err;
		else parts.push(chunk);
	});
	const blobs = entries.map((e) => (typeof e.data === 'string' ? new Blob([e.data]) : e.data));
	const total = blobs.reduce((s, b) => s + b.size, 0) || 1;
	let done = 0;
	for (const [i, e] of entries.entries()) {
		const file = e.stored ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: 6 });
		file.mtime = mtime;
		zip.add(file);
		const blob = blobs[i]!;
		if (blob.size === 0) file.push(new Uint8Array(0), true);
		for (let at = 0; at < blob.size; at += PIECE) {
			if (signal?.aborted) throw abortError();
			const piece = new Uint8Array(await blob.slice(at, at + PIECE).arrayBuffer());
			file.push(piece, at + PIECE >= blob.size);
			done += piece.length;
			onProgress?.(done / total);
			await breathe();
		}
		if (failed) throw failed;
	}
	zip.end();
	if (failed) throw failed;
	return new Blob(parts as BlobPart[], { type: 'application/zip' });
}
