// Loads of several kinds measured in turn, one of each per round, instead of all loads of one
// kind and then all of the next. A full run takes ~20 minutes on a shared machine whose speed
// drifts from one minute to the next; measured one kind after the other, a target that
// compares two kinds (Factcard's settled time against `markRegExp()`, or against the page
// alone's first frame) compared two different stretches of the machine's time, and a row
// changed sides between two runs of the same build with the baseline's speed alone
// (bench/README.md, twenty-first pass). In turn, a slow stretch slows every kind alike.

/** A kind of load: how many to keep, and one load. */
export interface Job<T> {
  runs: number;
  run: () => Promise<T>;
}

type Results<J extends Record<string, Job<unknown>>> = { [K in keyof J]: J[K] extends Job<infer T> ? T[] : never };

/**
 * Runs every job `warmup` times (discarded), then in rounds: round r runs, once each, the jobs
 * that want more than r loads, starting one job further on in each round so that no kind
 * always comes right after the same other. Returns each job's kept loads in the order run.
 */
export async function roundRobin<J extends Record<string, Job<unknown>>>(jobs: J, warmup: number): Promise<Results<J>> {
  const keys = Object.keys(jobs) as (keyof J & string)[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as unknown[]])) as Record<keyof J, unknown[]>;
  for (const k of keys) for (let i = 0; i < warmup; i++) await jobs[k]!.run();
  const rounds = Math.max(0, ...keys.map((k) => jobs[k]!.runs));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + r) % keys.length]!;
      if (jobs[k]!.runs > r) out[k].push(await jobs[k]!.run());
    }
  }
  return out as Results<J>;
}
