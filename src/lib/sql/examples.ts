/**
 * Ready-made queries over the curated tables, to start from: their titles and comments in the
 * page's language, their SQL (tables, columns, aliases) the same in both.
 */
import { m } from '$lib/paraglide/messages';

export interface Example {
	title: string;
	sql: string;
}

/** The examples, drawn in the page's language. */
export const examples = (): Example[] => [
	{
		title: m.sql_example_per_document(),
		sql: `SELECT doc_short_title, topic, count(*) AS figures
FROM figures
GROUP BY ALL
ORDER BY doc_short_title, figures DESC;`
	},
	{
		title: m.sql_example_conflicts(),
		sql: `-- ${m.sql_example_conflicts_comment()}
SELECT indicator, unit, period,
       count(*) AS figures,
       count(DISTINCT doc_id) AS documents,
       min(coalesce(value, low)) AS lowest,
       max(coalesce(value, high)) AS highest,
       string_agg(DISTINCT value_text, ' | ') AS as_printed
FROM figures
GROUP BY indicator, unit, period
HAVING count(DISTINCT coalesce(value, low)) > 1
ORDER BY documents DESC, figures DESC;`
	},
	{
		title: m.sql_example_joined(),
		sql: `SELECT d.publisher, d.date, f.indicator, f.value_text, f.geography
FROM figures f
JOIN documents d USING (doc_id)
WHERE f.unit = 'persons'
ORDER BY d.date, f.line;`
	},
	{
		title: m.sql_example_usd(),
		sql: `SELECT figure_id, indicator, geography, period, value, value_text
FROM figures
WHERE unit = 'usd' AND value IS NOT NULL
ORDER BY value DESC
LIMIT 20;`
	},
	{
		title: m.sql_example_credited(),
		sql: `SELECT attributed_to, count(*) AS figures, count(DISTINCT doc_id) AS documents
FROM figures
WHERE attributed_to <> ''
GROUP BY attributed_to
ORDER BY figures DESC;`
	}
];
