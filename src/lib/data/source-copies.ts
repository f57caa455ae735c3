/**
 * The source texts live in the repository (`data/sources`); when the project's shared copy sits
 * beside it (`../shared/sources`), both must be the same bytes, or a citation's line number could
 * point at different text in each. Names the file that differs and its first differing line.
 */
import type { Problem } from './parse-table';

/** The 1-based line on which two byte arrays first differ. */
function firstDifferingLine(a: Uint8Array, b: Uint8Array): number {
	let line = 1;
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		if (a[i] !== b[i]) return line;
		if (a[i] === 10) line++;
	}
	return line;
}

/** Problems for every text file that is not byte-identical in both copies, or missing from one. */
export function compareSourceCopies(
	local: Map<string, Uint8Array>,
	shared: Map<string, Uint8Array>,
	names: { local: string; shared: string }
): Problem[] {
	const problems: Problem[] = [];
	const problem = (file: string, message: string) => problems.push({ file, row: null, column: null, message });
	for (const [file, bytes] of shared) {
		const mine = local.get(file);
		if (!mine) problem(`${names.local}/${file}`, `is missing; ${names.shared}/${file} has it`);
		else if (mine.length !== bytes.length || mine.some((b, i) => b !== bytes[i]))
			problem(
				`${names.local}/${file}`,
				`differs from ${names.shared}/${file} (${mine.length} and ${bytes.length} bytes; first difference on line ${firstDifferingLine(mine, bytes)}); the two copies must be byte-identical`
			);
	}
	for (const file of local.keys())
		if (!shared.has(file)) problem(`${names.local}/${file}`, `is not in ${names.shared}`);
	return problems;
}
