// The same remark reported by several outlets: the same speaker and the same words, give or
// take a trimmed end, a changed word or a comma. Each such quote lists the others in `sameAs`;
// the card shows the remark once with all its sources.

import type { Quote } from '../dataset-types';

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function bigrams(ws: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]}`);
  return out;
}

/** True when two quotes are one remark: one contains the other, or their word pairs overlap ≥ 80 % of the shorter. */
export function sameRemark(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length < 5) return false;
  if (` ${long.join(' ')} `.includes(` ${short.join(' ')} `)) return true;
  const sa = bigrams(short);
  const sb = bigrams(long);
  let common = 0;
  for (const g of sa) if (sb.has(g)) common++;
  return common / Math.max(1, sa.size) >= 0.8;
}

/** Fills `sameAs` on quotes with a speaker, across different sources. */
export function linkSameRemarks(quotes: Quote[], _published?: ReadonlyMap<string, string>): void {
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of quotes) {
    if (q.speaker === null) continue;
    const list = bySpeaker.get(q.speaker) ?? [];
    list.push(q);
    bySpeaker.set(q.speaker, list);
  }
  for (const list of bySpeaker.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.source === b.source || !sameRemark(a.text, b.text)) continue;
        a.sameAs.push(b.id);
        b.sameAs.push(a.id);
      }
    }
  }
  for (const q of quotes) q.sameAs.sort();
}
