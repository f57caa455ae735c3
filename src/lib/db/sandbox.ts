/**
 * The bounds of the SQL workbench's database, shared by the module that opens it and the code
 * that names its files: the only directory its SQL may read or write, the read-only database
 * that holds the curated tables, and the names the workbench keeps for itself.
 */
import { sqlLiteral } from '../queries/sql';

/** Where the reader's files are registered while they load. */
export const UPLOAD_DIR = '/cifras/uploads/';
/** The curated tables' database, attached read-only. */
export const CURATED_DB = 'curated';
/**
 * Names the workbench itself uses, which a reader's file never takes: the curated tables, the
 * kept result, the databases, and the explorer's table of the reader's rows.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
	'figures',
	'documents',
	'cifras_result',
	'explorer_figures',
	CURATED_DB,
	'memory',
	'temp',
	'system',
	'main'
]);

/**
 * The statements that close a database to the outside for good: no file but those under
 * `allowed` (the app's own buffers), no URL, no extension loaded or installed, and no later `SET`
 * can undo it. DuckDB keeps allowing a database file attached before them, which is why the
 * curated file is attached read-only first. The worker is not bound by the page's Content
 * Security Policy, so this is what keeps SQL from reaching another site.
 */
export function lockDownSql(allowed: string[], memoryLimit: string | null = null): string[] {
	return [
		...(memoryLimit ? [`SET memory_limit = ${sqlLiteral(memoryLimit)}`] : []),
		`SET allowed_directories = [${allowed.map(sqlLiteral).join(', ')}]`,
		`SET enable_external_access = false`,
		`SET autoinstall_known_extensions = false`,
		`SET autoload_known_extensions = false`,
		`SET allow_community_extensions = false`,
		`SET lock_configuration = true`
	];
}

/** The workbench's search path: the reader's tables first, then the curated ones, by name. */
export const SEARCH_PATH_SQL = `SET search_path = 'memory.main,${CURATED_DB}.main'`;

/**
 * How much memory DuckDB may use, from the device's (`navigator.deviceMemory`, in GB: 0.25 to
 * 8): half a GiB per GB, at most 3 GiB (about DuckDB-wasm's own default). A query that needs more
 * then fails with DuckDB's "out of memory", which the page reports, instead of the tab running
 * out and crashing. Unknown (browsers that do not say): DuckDB's default.
 */
export function memoryLimitFor(deviceMemory: number | undefined): string | null {
	if (!deviceMemory || !Number.isFinite(deviceMemory) || deviceMemory <= 0) return null;
	return `${Math.round(Math.min(3072, Math.max(128, deviceMemory * 512)))}MiB`;
}
