import { describe, expect, it } from 'vitest';
import { historyMarkdown, type RunVerdicts } from '../../../bench/history';
import { verdictOf, type Verdict } from '../../../bench/report';

const run = (date: string, sizes: string, hash: string | null, rows: [string, Verdict][], inTurn = false): RunVerdicts => ({
  date,
  sizes,
  hash,
  commit: `c${date.slice(-2)}`,
  verdicts: new Map(rows.map(([k, v]) => [`${k} · chromium`, v])),
  inTurn,
});

describe('bench history', () => {
  it('tells a miss with a measured reason from a plain miss', () => {
    expect(verdictOf({ target: 't', browser: 'chromium', measured: '12 ms', met: true })).toBe('met');
    expect(verdictOf({ target: 't', browser: 'chromium', measured: '30 ms; out of reach for a content script: …', met: false })).toBe('bounded');
    expect(verdictOf({ target: 't', browser: 'chromium', measured: '30 ms', met: false })).toBe('missed');
    expect(verdictOf({ target: 't', browser: 'firefox', measured: 'no Long Tasks API', met: null })).toBe('n/a');
  });

  it('lays runs side by side, oldest first, counts each row and names each content script once', () => {
    const md = historyMarkdown([
      run('2026-11-28 10:01', '1/1 · 2/2 B', null, [['a', 'met']]),
      run('2026-11-28 11:02', '1/1 · 2/2 B', null, [['a', 'missed'], ['b', 'met']]),
      run('2026-11-28 12:03', '3/3 · 4/4 B', 'abc', [['a', 'bounded'], ['b', 'met']]),
    ], 1);
    const lines = md.split('\n');
    expect(lines).toContain('| target | browser | 11-28 10:01 A | 11-28 11:02 A | 11-28 12:03 B | met | out of reach | missed |');
    // Rows are the newest run's; a row a run did not have shows as '·'.
    expect(lines).toContain('| a | chromium | ✅ | ❌ | ◐ | 1 | 1 | 1 |');
    expect(lines).toContain('| b | chromium | · | ✅ | ✅ | 2 | 0 | 0 |');
    expect(lines).toContain('- A: content script 1/1 · 2/2 B (Chrome · Firefox, raw/gzip), 2 runs, c01, c02');
    expect(lines).toContain('- B: content script 3/3 · 4/4 B (Chrome · Firefox, raw/gzip), SHA-256 `abc` (Chrome), 1 run, c03');
    expect(md).toContain('and 1 in the same span whose results this report cannot read');
    // No run took its loads in turn: no mark, and no word about it.
    expect(md).not.toContain('⇄');
  });

  it('marks the runs whose baselines and Factcard took turns load by load', () => {
    const md = historyMarkdown([
      run('2026-11-29 07:01', '1/1 · 2/2 B', 'abc', [['a', 'missed']]),
      run('2026-11-29 07:40', '1/1 · 2/2 B', 'abc', [['a', 'met']], true),
    ]);
    const lines = md.split('\n');
    expect(lines).toContain('| target | browser | 11-29 07:01 A | 11-29 07:40 A ⇄ | met | out of reach | missed |');
    expect(md).toContain('⇄ after the letter: the run\'s baselines and Factcard took turns load by load');
  });
});
