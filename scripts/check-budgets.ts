// `npm run check:budgets` (or `tsx scripts/check-budgets.ts <dir>`): the built site's sizes, as a browser receives them
// (brotli), against budgets.json; fails naming the route, its size and its budget. The logic
// and what is measured: src/lib/size/budgets.ts.
import { readFileSync } from 'node:fs';
import { checkBudgets, type Budgets } from '../src/lib/size/budgets';

const dir = process.argv[2] ?? 'build';
const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as Budgets;
const { lines, failures } = checkBudgets(dir, budgets);
console.log(lines.join('\n'));
if (failures.length) {
	console.error(`\nSize budgets not met (${failures.length}):\n${failures.join('\n')}`);
	process.exit(1);
}
