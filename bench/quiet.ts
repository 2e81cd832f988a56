// Waits for the machine to go quiet before a timed load: the last load's tab teardown, a
// browser's garbage collection or a process exit still running on a 2-core machine would land
// in the next load's figures, whichever kind it is (bench/round-robin.ts). Reads the CPU
// counters of /proc/stat (Linux); elsewhere it waits a fixed pause.

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total jiffies over all CPUs, or null where /proc/stat cannot be read. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - f[3]! - (f[4] ?? 0), total };
  } catch {
    return null;
  }
}

/** The share of the CPUs busy over a window (0–1). */
export function busyShare(a: { busy: number; total: number }, b: { busy: number; total: number }): number {
  const total = b.total - a.total;
  return total > 0 ? (b.busy - a.busy) / total : 0;
}

/**
 * Resolves once a `windowMs` window had the CPUs less than `below` busy, or after `maxMs`.
 * Returns how long it waited.
 */
export async function quiet({ below = 0.2, windowMs = 100, maxMs = 2000 } = {}): Promise<number> {
  const t0 = Date.now();
  let last = cpuTimes();
  if (!last) {
    await sleep(windowMs);
    return Date.now() - t0;
  }
  while (Date.now() - t0 < maxMs) {
    await sleep(windowMs);
    const now = cpuTimes()!;
    const share = busyShare(last, now);
    last = now;
    if (share < below) break;
  }
  return Date.now() - t0;
}
