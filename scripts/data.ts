// Entry for `npm run data` (see scripts/data/run.ts and data/README.md).
import { run } from './data/run';

process.exitCode = run(process.argv.slice(2), {
  root: process.cwd(),
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
});
