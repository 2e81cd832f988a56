// Loads of several kinds measured in turn, one of each per round, instead of all loads of one
// kind and then all of the next. A full run takes ~20 minutes on a shared machine whose speed
// drifts from one minute to the next; measured one kind after the other, a target that
// compares two kinds (Factcard's settled time against `markRegExp()`, or against the page
// alone's first frame) compared two different stretches of the machine's time, and a row
// changed sides between two runs of the same build with the baseline's speed alone
// (bench/README.md, twenty-first pass). In turn, a slow stretch slows every kind alike.
//
// Two things keep one kind from paying for another: each round runs the kinds in a new order
// (a seeded shuffle: a kind does not always follow the same other, as it would in a rotation),
// and before each load the caller's `settle` waits for the machine to go quiet (the last tab's
// teardown, the other browser's collections: bench/quiet.ts).

import { rng } from './matcher-data';

/** A kind of load: how many to keep, and one load. */
export interface Job<T> {
  runs: number;
  run: () => Promise<T>;
}

type Results<J extends Record<string, Job<unknown>>> = { [K in keyof J]: J[K] extends Job<infer T> ? T[] : never };

export interface RoundRobinOptions {
  /** Loads of each kind run first and discarded. */
  warmup: number;
  /** Awaited before every load. */
  settle?: () => Promise<void>;
  /** Seeds the rounds' order (the same seed, the same order). */
  seed?: number;
}

/** The order of the kinds in each round: a Fisher–Yates shuffle per round. */
export function roundOrders(keys: readonly string[], rounds: number, seed = 1): string[][] {
  const next = rng(seed);
  return Array.from({ length: rounds }, () => {
    const order = [...keys];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  });
}

/**
 * Runs every job `warmup` times (discarded), then in rounds: round r runs, once each and in
 * that round's order, the jobs that want more than r loads. Returns each job's kept loads in
 * the order run.
 */
export async function roundRobin<J extends Record<string, Job<unknown>>>(jobs: J, { warmup, settle, seed }: RoundRobinOptions): Promise<Results<J>> {
  const keys = Object.keys(jobs) as (keyof J & string)[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as unknown[]])) as Record<keyof J, unknown[]>;
  const once = async (k: keyof J & string): Promise<unknown> => {
    await settle?.();
    return jobs[k]!.run();
  };
  for (const k of keys) for (let i = 0; i < warmup; i++) await once(k);
  const rounds = Math.max(0, ...keys.map((k) => jobs[k]!.runs));
  const orders = roundOrders(keys, rounds, seed);
  for (let r = 0; r < rounds; r++) {
    for (const k of orders[r]! as (keyof J & string)[]) {
      if (jobs[k]!.runs > r) out[k].push(await once(k));
    }
  }
  return out as Results<J>;
}

/** Two kinds compared round by round: in how many rounds the first came in sooner, and by how much. */
export interface Paired {
  rounds: number;
  /** Rounds in which `a` took less time than `b`. */
  ahead: number;
  /** a − b in each round, in round order. */
  differences: number[];
}

/**
 * Pairs two kinds' kept loads from the same roundRobin call: load i of each ran in round i, so
 * a − b per round compares the same minutes of the machine, which two medians taken over the
 * whole run do not. A kind given more runs (the floors) pairs only in the rounds both ran; null
 * when either has none.
 */
export function paired(a: readonly number[], b: readonly number[]): Paired | null {
  const rounds = Math.min(a.length, b.length);
  if (rounds === 0) return null;
  const differences = Array.from({ length: rounds }, (_, i) => a[i]! - b[i]!);
  return { rounds, ahead: differences.filter((d) => d < 0).length, differences };
}
