/** Hands a file written in the page to the browser's downloads. Browser-only. */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.click();
	// Revoked later, not at once: some browsers start reading the URL after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
