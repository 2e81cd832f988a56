// Bad inputs fail the build with a message naming the file and the field, and no dataset.

import { describe, expect, it } from 'vitest';
import { buildDataset, type BuildInputs } from '../../../../core/dataset/build';
import { checkDataset } from '../../../../core/dataset/dataset-checks';
import type { RegistryDoc, RegistryEntity } from '../../../../core/dataset/inputs';
import type { Dataset } from '../../../../core/dataset-types';
import { buildReal, realInputs } from './helpers';

const REG = 'data/registry/entities.yaml';
const META = 'data/sources/000_6585d2d66e5d43a2.meta.yaml';

function withRegistry(edit: (entities: RegistryEntity[]) => void): BuildInputs {
  const inputs = realInputs();
  const doc = structuredClone(inputs.registry.doc) as RegistryDoc;
  edit(doc.entities);
  return { ...inputs, registry: { ...inputs.registry, doc } };
}

function withMeta(edit: (meta: Record<string, unknown>) => void): BuildInputs {
  const inputs = realInputs();
  const sources = inputs.sources.map((s) => ({ ...s, meta: structuredClone(s.meta) }));
  edit(sources[0]!.meta as Record<string, unknown>);
  return { ...inputs, sources };
}

function errorsOf(inputs: BuildInputs): string[] {
  const r = buildDataset(inputs);
  expect(r.dataset).toBeNull();
  return r.errors;
}

const idx = (entities: RegistryEntity[], id: string): number => entities.findIndex((e) => e.id === id);
const LINES = realInputs().registry.lines!;
/** How an error names a registry entry: its line in the file and its id. */
const at = (i: number, id: string): string => `line ${LINES[i]}, entity "${id}"`;

describe('registry checks', () => {
  it('a bad alias strength names the file and the field path', () => {
    let i = -1;
    const errors = errorsOf(
      withRegistry((es) => {
        i = idx(es, 'samantha-power');
        es[i]!.aliases[1] = { text: 'Power', strength: 'medium' as 'weak' };
      }),
    );
    expect(errors).toEqual([`${REG}: ${at(i, 'samantha-power')}, aliases[1].strength: must be one of "strong", "weak"`]);
  });

  it('a missing field and an unknown field', () => {
    const errors = errorsOf(
      withRegistry((es) => {
        delete (es[0] as Partial<RegistryEntity>).name;
        (es[1] as unknown as Record<string, unknown>).nickname = 'x';
      }),
    );
    const ids = (realInputs().registry.doc as RegistryDoc).entities.map((e) => e.id);
    expect(errors).toContain(`${REG}: ${at(0, ids[0]!)}, name: is required`);
    expect(errors.some((e) => e.startsWith(`${REG}: ${at(1, ids[1]!)}, nickname: unknown field`))).toBe(true);
  });

  it('an alias claimed by two entities without a rule', () => {
    let a = -1;
    let b = -1;
    const errors = errorsOf(
      withRegistry((es) => {
        a = idx(es, 'ban-ki-moon');
        b = idx(es, 'islamic-state');
        es[b]!.aliases.push('Ki-Moon'); // same letters after case folding: still a collision
      }),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(`${REG}: ${at(a, 'ban-ki-moon')}, aliases[1].text: "Ki-moon" is also claimed by ${at(b, 'islamic-state')}`);
  });

  it('allows a shared alias when every claim is weak and marked shared', () => {
    const inputs = withRegistry((es) => {
      es[idx(es, 'bashar-al-assad')]!.aliases[3] = { text: 'Assad', strength: 'weak', shared: true };
      es.push({ id: 'hafez-al-assad', type: 'person', name: 'Hafez al-Assad', aliases: ['Hafez al-Assad', { text: 'Assad', strength: 'weak', shared: true }] });
    });
    expect(buildDataset(inputs).errors).toEqual([]);
  });

  it('a description that is not verbatim in its source', () => {
    let i = -1;
    const errors = errorsOf(
      withRegistry((es) => {
        i = idx(es, 'vitaly-churkin');
        es[i]!.description = { source: 'afp-2016-09-27-aleppo', text: 'Russian ambassador to the United Nations' };
      }),
    );
    expect(errors).toEqual([
      `${REG}: ${at(i, 'vitaly-churkin')}.description.text: "Russian ambassador to the United Nations" is not verbatim in data/sources/000_6585d2d66e5d43a2.txt`,
    ]);
  });

  it('a citation that differs only in its apostrophe says which character differs', () => {
    let i = -1;
    const errors = errorsOf(
      withRegistry((es) => {
        i = idx(es, 'unicef');
        es[i]!.description = { source: 'voa-2016-09-24-russia-truce', text: 'The U.N.\u2019s children\u2019s agency' };
      }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${REG}: ${at(i, 'unicef')}.description.text: "The U.N.\u2019s children\u2019s agency" is not verbatim`);
    expect(errors[0]).toContain('character 9 is "\u2019" (U+2019, curly apostrophe) here but "\'" (U+0027, straight apostrophe) in the source');
  });

  it('a citation naming an unknown source, or an occurrence that does not exist', () => {
    const errors = errorsOf(
      withRegistry((es) => {
        es[0]!.citations = [{ source: 'nyt-2020-01-01-x', text: 'anything' }, { source: 'afp-2016-09-27-aleppo', text: 'Churkin', occurrence: 3 }];
      }),
    );
    expect(errors[0]).toMatch(new RegExp(`^${REG}: line ${LINES[0]}, entity "vitaly-churkin"\\.citations\\[0\\]\\.source: unknown source "nyt-2020-01-01-x"`));
    expect(errors[1]).toBe(`${REG}: ${at(0, 'vitaly-churkin')}.citations[1].text: occurrence 3 of "Churkin" is not verbatim in data/sources/000_6585d2d66e5d43a2.txt`);
  });

  it('duplicate entity ids', () => {
    const errors = errorsOf(withRegistry((es) => es.push({ ...structuredClone(es[0]!), aliases: ['Somebody Else'] })));
    // The copy is appended to the parsed registry, so it has no line of its own in the file.
    expect(errors[0]).toMatch(new RegExp(`entity "vitaly-churkin", id: "vitaly-churkin" is already used by the entry on line ${LINES[0]}$`));
  });
});

describe('metadata checks', () => {
  it('a malformed date', () => {
    expect(errorsOf(withMeta((m) => (m.published = '27/09/2016')))).toEqual([`${META}: published: must match ^\\d{4}-\\d{2}-\\d{2}$`]);
  });

  it('a missing field, a wrong type', () => {
    const errors = errorsOf(
      withMeta((m) => {
        delete m.outlet;
        m.titleDerived = 'yes';
      }),
    );
    expect(errors).toContain(`${META}: outlet: is required`);
    expect(errors).toContain(`${META}: titleDerived: must be boolean`);
  });

  it('an id that is not a slug', () => {
    expect(errorsOf(withMeta((m) => (m.id = 'AFP 2016')))[0]).toMatch(new RegExp(`^${META}: id: must match`));
  });

  it('two sources with one id', () => {
    const inputs = realInputs();
    const sources = inputs.sources.map((s) => ({ ...s, meta: { ...(s.meta as object), id: 'same-id' } }));
    const errors = errorsOf({ ...inputs, sources });
    expect(errors).toEqual(['data/sources/003_36a231e467a3c658.meta.yaml: id: "same-id" is already used by data/sources/000_6585d2d66e5d43a2.meta.yaml']);
  });
});

describe('dataset checks', () => {
  const good = (): Dataset => structuredClone(buildReal().dataset!);

  it('passes on the real dataset', () => {
    expect(checkDataset(good(), 'data/dataset.json')).toEqual([]);
  });

  it('a quote whose speaker is not in the registry', () => {
    const d = good();
    d.quotes[0]!.speaker = 'vladimir-putin';
    expect(checkDataset(d, 'data/dataset.json')).toEqual(['data/dataset.json: quotes[0].speaker: "vladimir-putin" is not an entity in the registry']);
  });

  it('a citation that is not verbatim at its offsets', () => {
    const d = good();
    const i = d.entities.findIndex((e) => e.description);
    d.entities[i]!.description!.start += 1;
    d.entities[i]!.description!.end += 1;
    expect(checkDataset(d, 'data/dataset.json')[0]).toMatch(new RegExp(`^data/dataset\\.json: entities\\[${i}\\]\\.description\\.text: not verbatim at`));
  });

  it('a statement outside its source, a duplicate quote id', () => {
    const d = good();
    d.statements[0]!.end = 1e6;
    d.quotes[1]!.id = d.quotes[0]!.id;
    const errors = checkDataset(d, 'data/dataset.json');
    expect(errors).toContain(`data/dataset.json: quotes[1].id: duplicate id "${d.quotes[0]!.id}"`);
    expect(errors.some((e) => e.startsWith('data/dataset.json: statements[0]: offsets'))).toBe(true);
  });
});

describe('quote overrides', () => {
  const OV = 'data/registry/quote-overrides.yaml';
  const withOverrides = (overrides: unknown[]): BuildInputs => ({ ...realInputs(), overrides: { file: OV, doc: { overrides } } });
  const VOA = 'voa-2016-09-24-russia-truce';

  it('set a speaker or exclude a quote', () => {
    const r = buildDataset(
      withOverrides([
        { source: VOA, quote: 'worst fighting', speaker: 'syria', note: 'test' },
        { source: VOA, quote: 'earthquake-like', exclude: 'scare', note: 'test' },
      ]),
    );
    expect(r.errors).toEqual([]);
    const q = r.dataset!.quotes.filter((x) => x.source === VOA);
    expect(q.find((x) => x.text === 'worst fighting')?.speaker).toBe('syria');
    expect(q.some((x) => x.text.startsWith('earthquake'))).toBe(false);
  });

  it('a speaker that is not in the registry', () => {
    const errors = errorsOf(withOverrides([{ source: VOA, quote: 'worst fighting', speaker: 'syrian-opposition-media', note: 'x' }]));
    expect(errors).toEqual([`${OV}: overrides[0].speaker: "syrian-opposition-media" is not an entity of the registry or of the sources`]);
  });

  it('a quote that matches nothing, or several', () => {
    expect(errorsOf(withOverrides([{ source: VOA, quote: 'no such words', speaker: null, note: 'x' }]))).toEqual([
      `${OV}: overrides[0].quote: "no such words" matches 0 quotes in ${VOA}; it must match exactly one (or give occurrence: n)`,
    ]);
    expect(errorsOf(withOverrides([{ source: VOA, quote: 't', speaker: null, note: 'x' }]))[0]).toMatch(/matches \d+ quotes/);
  });

  it('occurrence picks the n-th of several quotes that start with the same words', () => {
    const AFP = 'afp-2016-09-27-aleppo';
    // A one-letter beginning that two AFP quotes share.
    const r0 = buildDataset(withOverrides([]));
    const afpQuotes = r0.dataset!.quotes.filter((q) => q.source === AFP);
    const shared = ['b', 'w', 'a', 's'].find((p) => afpQuotes.filter((q) => q.text.startsWith(p)).length >= 2)!;
    const second = afpQuotes.filter((q) => q.text.startsWith(shared))[1]!;
    const r = buildDataset(withOverrides([{ source: AFP, quote: shared, occurrence: 2, speaker: 'syria', note: 'test' }]));
    expect(r.errors).toEqual([]);
    const q = r.dataset!.quotes.find((x) => x.id === second.id)!;
    expect(q).toMatchObject({ speaker: 'syria', rule: 'override' });
    expect(errorsOf(withOverrides([{ source: AFP, quote: shared, occurrence: 9, speaker: null, note: 'x' }]))[0]).toMatch(/it must match at least 9 \(occurrence: 9\)/);
  });

  it('a malformed override', () => {
    expect(errorsOf(withOverrides([{ source: VOA, quote: 'worst fighting', note: 'neither speaker nor exclude' }]))).toEqual([
      `${OV}: overrides[0].speaker: is required`,
      `${OV}: overrides[0].exclude: is required`,
    ]);
  });
});
