import { describe, expect, it } from 'vitest';
import { roundRobin } from '../../../bench/round-robin';

describe('bench round robin', () => {
  it('warms every kind up, then runs one of each per round, rotating the order, and keeps each kind’s loads', async () => {
    const calls: string[] = [];
    const job = (name: string, runs: number) => {
      let n = 0;
      return { runs, run: async () => { calls.push(name); return `${name}${n++}`; } };
    };
    const out = await roundRobin({ a: job('a', 3), b: job('b', 2), c: job('c', 3) }, 1);
    // Warm-ups first (discarded), then rounds a b c / b c a / c a (b has had its 2).
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a']);
    expect(out).toEqual({ a: ['a1', 'a2', 'a3'], b: ['b1', 'b2'], c: ['c1', 'c2', 'c3'] });
  });

  it('keeps the type of each kind', async () => {
    const out = await roundRobin({ n: { runs: 2, run: async () => 1 }, s: { runs: 1, run: async () => 'x' } }, 0);
    const sum: number = out.n.reduce((x, y) => x + y, 0);
    const text: string = out.s.join('');
    expect([sum, text]).toEqual([2, 'x']);
  });
});
