// Median / min / max of samples, and the Markdown formatting of them.

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function stat(samples: readonly number[]): Stat | null {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

export const num = (n: number, digits = 1): string => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** "12.3 (10.1–15.0)" or the reason a figure is missing. */
export function fmtStat(s: Stat | null | string, digits = 1, unit = ''): string {
  if (s === null) return '–';
  if (typeof s === 'string') return s;
  if (s.runs === 1) return `${num(s.median, digits)}${unit}`;
  return `${num(s.median, digits)}${unit} (${num(s.min, digits)}–${num(s.max, digits)})`;
}

export const kB = (bytes: number): string => `${num(bytes / 1000, 1)} kB`;
