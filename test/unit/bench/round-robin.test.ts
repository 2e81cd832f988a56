import { describe, expect, it } from 'vitest';
import { busyShare } from '../../../bench/quiet';
import { paired, roundOrders, roundRobin } from '../../../bench/round-robin';

describe('bench round robin', () => {
  it('warms every kind up, then runs one of each per round in that round’s order, settling before each load', async () => {
    const calls: string[] = [];
    let settles = 0;
    const job = (name: string, runs: number) => {
      let n = 0;
      return { runs, run: async () => { calls.push(name); return `${name}${n++}`; } };
    };
    const out = await roundRobin({ a: job('a', 3), b: job('b', 2), c: job('c', 3) }, { warmup: 1, seed: 7, settle: async () => void settles++ });
    const orders = roundOrders(['a', 'b', 'c'], 3, 7);
    // Warm-ups first (discarded), then the rounds in their orders; b stops after its 2.
    expect(calls).toEqual(['a', 'b', 'c', ...orders[0]!, ...orders[1]!, ...orders[2]!.filter((k) => k !== 'b')]);
    expect(settles).toBe(calls.length);
    expect(out).toEqual({ a: ['a1', 'a2', 'a3'], b: ['b1', 'b2'], c: ['c1', 'c2', 'c3'] });
  });

  it('shuffles each round: every kind in every round, and not always after the same kind', () => {
    const keys = ['alone', 'floor', 'mark', 'sheet', 'factcard', 'withLoad'];
    const orders = roundOrders(keys, 9, 1);
    for (const o of orders) expect([...o].sort()).toEqual([...keys].sort());
    const before = new Set(orders.map((o) => o[o.indexOf('factcard') - 1] ?? '(first)'));
    expect(before.size).toBeGreaterThan(2);
    // Seeded: the same seed gives the same rounds, another seed others.
    expect(roundOrders(keys, 9, 1)).toEqual(orders);
    expect(roundOrders(keys, 9, 2)).not.toEqual(orders);
  });

  it('keeps the type of each kind', async () => {
    const out = await roundRobin({ n: { runs: 2, run: async () => 1 }, s: { runs: 1, run: async () => 'x' } }, { warmup: 0 });
    const sum: number = out.n.reduce((x, y) => x + y, 0);
    const text: string = out.s.join('');
    expect([sum, text]).toEqual([2, 'x']);
  });

  it('reads the busy share of the CPUs between two samples of /proc/stat', () => {
    expect(busyShare({ busy: 100, total: 1000 }, { busy: 150, total: 1200 })).toBe(0.25);
    expect(busyShare({ busy: 5, total: 10 }, { busy: 5, total: 10 })).toBe(0);
  });
});

describe('paired', () => {
  it('compares two kinds round by round, not median against median', () => {
    // Medians 20 against 15 (a behind), yet a came in sooner in 2 of 3 rounds: a slow round
    // slowed both.
    const p = paired([10, 20, 40], [12, 25, 15]);
    expect(p).toEqual({ rounds: 3, ahead: 2, differences: [-2, -5, 25] });
  });

  it('pairs only the rounds both kinds ran, and a tie is not ahead', () => {
    expect(paired([5, 6], [5, 7, 9, 9])).toEqual({ rounds: 2, ahead: 1, differences: [0, -1] });
    expect(paired([], [1])).toBeNull();
  });
});
