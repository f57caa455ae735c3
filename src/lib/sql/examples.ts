/** Ready-made queries over the curated tables, to start from. */
export interface Example {
	title: string;
	sql: string;
}

export const EXAMPLES: Example[] = [
	{
		title: 'Figures per document and topic',
		sql: `SELECT doc_short_title, topic, count(*) AS figures
FROM figures
GROUP BY ALL
ORDER BY doc_short_title, figures DESC;`
	},
	{
		title: 'Conflicting estimates of the same indicator',
		sql: `-- Indicators stated more than once with different values, for the same unit and period
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
		title: 'Figures joined to their documents',
		sql: `SELECT d.publisher, d.date, f.indicator, f.value_text, f.geography
FROM figures f
JOIN documents d USING (doc_id)
WHERE f.unit = 'persons'
ORDER BY d.date, f.line;`
	},
	{
		title: 'Largest figures in US dollars',
		sql: `SELECT figure_id, indicator, geography, period, value, value_text
FROM figures
WHERE unit = 'usd' AND value IS NOT NULL
ORDER BY value DESC
LIMIT 20;`
	},
	{
		title: 'Who the documents credit',
		sql: `SELECT attributed_to, count(*) AS figures, count(DISTINCT doc_id) AS documents
FROM figures
WHERE attributed_to <> ''
GROUP BY attributed_to
ORDER BY figures DESC;`
	}
];
