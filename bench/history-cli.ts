// `npm run bench:history`: the targets over the last full runs, side by side (bench/history.ts),
// into bench/results/history.md and README.md, without measuring anything.
import { resolve } from 'node:path';
import { writeHistory } from './history';

const ROOT = resolve(import.meta.dirname, '..');
console.log(writeHistory(ROOT, process.env.BENCH_NO_README !== '1'));
