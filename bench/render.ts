// `npm run bench:render`: renders bench/results/latest.json again into latest.md and the table
// between README.md's bench markers, without measuring anything. For when the report's wording
// changes (bench/report.ts) after a run: the figures stay the run's own. It renders the grid of
// the runs before it too (bench/history.ts), judged by the same rules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeHistory } from './history';
import { writeResults, type BenchResult } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const path = resolve(ROOT, 'bench/results/latest.json');
let result: BenchResult;
try {
  result = JSON.parse(readFileSync(path, 'utf8')) as BenchResult;
} catch (e) {
  console.error(`bench:render: cannot read ${path}: ${(e as Error).message} (run \`npm run bench\` first)`);
  process.exit(1);
}
if (result.quick) {
  console.error(`bench:render: ${path} is a quick run's; the README shows full runs only`);
  process.exit(1);
}
writeResults(ROOT, result, 'latest', { json: false, readme: true });
writeHistory(ROOT, true);
console.log(`bench:render: README.md, bench/results/latest.md and history.md rendered from ${path} (run of ${result.date}) and the full runs before it`);
