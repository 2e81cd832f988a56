// Anchored weak aliases: "Moscow" (the Russian government) counts after a strong mention of
// Russia, or of the government itself, and not otherwise.
import { describe, expect, it } from 'vitest';
import { applyFirstReference, compileIndex, loadMatcher } from '../../../../core/matcher';
import type { AliasEntry } from '../../../../core/matcher-types';

const ENTRIES: AliasEntry[] = [
  { entity: 'russia', type: 'place', text: 'Russia', strength: 'strong', caseSensitive: true },
  { entity: 'russian-government', type: 'organization', text: 'Moscow', strength: 'weak', caseSensitive: true, anchor: 'russia' },
  { entity: 'russian-government', type: 'organization', text: 'Russian government', strength: 'strong', caseSensitive: false },
  { entity: 'syria', type: 'place', text: 'Syria', strength: 'strong', caseSensitive: true },
];
const m = loadMatcher(compileIndex(ENTRIES));
const kept = (...blocks: string[]): string[] =>
  applyFirstReference(blocks.map((b) => m.find(b))).flatMap((ms, i) => ms.map((x) => `${x.entity}:${blocks[i]!.slice(x.start, x.end)}`));

describe('anchored weak aliases', () => {
  it('find() reports the anchor on the weak match only', () => {
    expect(m.find('Russia and Moscow')).toEqual([
      { start: 0, end: 6, entity: 'russia', weak: false },
      { start: 11, end: 17, entity: 'russian-government', weak: true, anchor: 'russia' },
    ]);
  });

  it('count after the anchor entity, in the same block or an earlier one', () => {
    expect(kept('Russia said Moscow would act.')).toEqual(['russia:Russia', 'russian-government:Moscow']);
    expect(kept('Russia vetoed it.', 'Moscow said no.')).toEqual(['russia:Russia', 'russian-government:Moscow']);
  });

  it('count after the entity’s own strong alias too', () => {
    expect(kept('The Russian government said Moscow would act.')).toEqual(['russian-government:Russian government', 'russian-government:Moscow']);
  });

  it('do not count before it, nor after another entity', () => {
    expect(kept('Moscow in October is cold. Russia is large.')).toEqual(['russia:Russia']);
    expect(kept('Syria said Moscow would act.')).toEqual(['syria:Syria']);
  });

  it('keep the weak context rules (glued to a capitalised word, lower case)', () => {
    expect(kept('Russia: Moscow State University and a moscow mule.')).toEqual(['russia:Russia']);
  });

  it('cost nothing in an index without anchors', () => {
    const plain = compileIndex(ENTRIES.map(({ anchor: _anchor, ...e }) => e));
    expect(plain.anchors).toBeUndefined();
    expect(compileIndex(ENTRIES).anchors).toEqual(['russia']);
  });

  it('an anchor on a strong alias, or on the entity itself, is ignored', () => {
    const idx = compileIndex([
      { entity: 'a', type: 'place', text: 'Alpha', strength: 'strong', caseSensitive: true, anchor: 'b' },
      { entity: 'a', type: 'place', text: 'Al', strength: 'weak', caseSensitive: true, anchor: 'a' },
    ]);
    expect(idx.anchors).toBeUndefined();
  });
});
