import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasEntriesFromDataset, applyFirstReference, compileIndex, loadMatcher } from '../../../../core/matcher';
import type { Dataset } from '../../../../core/dataset-types';

const path = new URL('../../../../data/dataset.json', import.meta.url);

describe.runIf(existsSync(path))('the real dataset', () => {
  const dataset = JSON.parse(readFileSync(path, 'utf8')) as Dataset;

  it('compiles (no alias owned by two entities) and finds its own aliases', () => {
    const entries = aliasEntriesFromDataset(dataset);
    const m = loadMatcher(compileIndex(entries));
    for (const e of entries.filter((x) => x.strength === 'strong')) {
      const text = `(${e.text}) said`;
      const [hit] = m.find(text);
      expect(hit && { entity: hit.entity, text: text.slice(hit.start, hit.end) }).toEqual({ entity: e.entity, text: e.text });
    }
  });

  it('finds the recorded mentions in the sources', () => {
    const m = loadMatcher(compileIndex(aliasEntriesFromDataset(dataset)));
    let recorded = 0;
    let found = 0;
    for (const source of dataset.sources) {
      const blocks = source.text.split('\n');
      let offset = 0;
      const starts = blocks.map((b) => {
        const s = offset;
        offset += b.length + 1;
        return s;
      });
      const kept = applyFirstReference(blocks.map((b) => m.find(b)));
      const hits = new Set(kept.flatMap((ms, i) => ms.map((x) => `${x.entity}@${x.start + starts[i]!}`)));
      for (const mention of dataset.mentions.filter((x) => x.source === source.id)) {
        recorded++;
        if (hits.has(`${mention.entity}@${mention.start}`)) found++;
      }
    }
    // The dataset's mentions are hand-checked; the matcher should find nearly all of them.
    expect(found / Math.max(recorded, 1)).toBeGreaterThanOrEqual(0.95);
  });
});
