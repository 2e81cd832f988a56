// core/names inside the real build: the registry's variants add/block, strength pins, and anchors.
import { describe, expect, it } from 'vitest';
import { buildDataset, type BuildInputs } from '../../../../core/dataset/build';
import type { RegistryDoc, RegistryEntity } from '../../../../core/dataset/inputs';
import type { Entity } from '../../../../core/dataset-types';
import { realInputs } from './helpers';

const REG = 'data/registry/entities.yaml';

function withRegistry(edit: (entities: RegistryEntity[]) => void): BuildInputs {
  const inputs = realInputs();
  const doc = structuredClone(inputs.registry.doc) as RegistryDoc;
  edit(doc.entities);
  return { ...inputs, registry: { ...inputs.registry, doc } };
}
const find = (es: RegistryEntity[], id: string): RegistryEntity => es.find((e) => e.id === id)!;
const entity = (inputs: BuildInputs, id: string): Entity => {
  const r = buildDataset(inputs);
  expect(r.errors).toEqual([]);
  return r.dataset!.entities.find((e) => e.id === id)!;
};

describe('names in the build', () => {
  it('generates variants and decides strengths (the committed registry)', () => {
    const assad = entity(realInputs(), 'bashar-al-assad');
    const texts = assad.aliases.map((a) => a.text);
    expect(texts).toEqual(expect.arrayContaining(['Bashar al Assad', 'Bashar Alassad', 'Bashar al-Asad', 'Bashar Asad']));
    // Blocked in the registry: "Asad" alone is a common given name, "Al Asad" an air base.
    expect(texts).not.toContain('Asad');
    expect(texts).not.toContain('al-Asad');
    expect(assad.aliases.find((a) => a.text === 'Assad')?.strength).toBe('strong');
    expect(entity(realInputs(), 'samantha-power').aliases.find((a) => a.text === 'Power')?.strength).toBe('weak');
  });

  it('honours variants.add and variants.block, and a strength pin', () => {
    const inputs = withRegistry((es) => {
      const c = find(es, 'vitaly-churkin');
      c.variants = { add: ['Tschurkine'], block: ['Tchurkin'] };
      c.aliases = c.aliases.map((a) => (a === 'Churkin' ? { text: 'Churkin', strength: 'weak' } : a));
    });
    const c = entity(inputs, 'vitaly-churkin');
    const texts = c.aliases.map((a) => a.text);
    expect(texts).toContain('Tschurkine');
    expect(texts).not.toContain('Tchurkin');
    expect(c.aliases.find((a) => a.text === 'Churkin')?.strength).toBe('weak');
    // Variants of a pinned-weak alias are weak too.
    expect(c.aliases.find((a) => a.text === 'Chourkin')?.strength).toBe('weak');
  });

  it('a capital is anchored to its country in the dataset', () => {
    const g = entity(realInputs(), 'russian-government');
    expect(g.aliases.find((a) => a.text === 'Moscow')).toEqual({ text: 'Moscow', strength: 'weak', caseSensitive: true, anchor: 'russia' });
  });

  it('records a capital’s mentions only after its country (the AFP lead names Moscow before Russia)', () => {
    const d = buildDataset(realInputs()).dataset!;
    const afp = d.sources.find((s) => s.id === 'afp-2016-09-27-aleppo')!;
    const moscows = [...afp.text.matchAll(/Moscow/g)].map((x) => x.index);
    const firstRussia = afp.text.indexOf('Russia');
    const recorded = d.mentions.filter((m) => m.source === afp.id && m.entity === 'russian-government').map((m) => m.start);
    expect(moscows.length).toBeGreaterThan(1);
    expect(recorded).toEqual(moscows.filter((at) => at > firstRussia));
  });

  it('an anchor must be another registry entity, on a weak alias', () => {
    let i = -1;
    const r = buildDataset(
      withRegistry((es) => {
        i = es.findIndex((e) => e.id === 'russian-government');
        es[i]!.aliases = [{ text: 'Moscow', strength: 'weak', anchor: 'atlantis' }, { text: 'Kremlin', anchor: 'russia' }];
      }),
    );
    expect(r.dataset).toBeNull();
    expect(r.errors).toEqual([
      `${REG}: entities[${i}].aliases[0].anchor: "atlantis" is not another entity of the registry`,
      `${REG}: entities[${i}].aliases[1].anchor: only a weak alias (strength: weak) can have an anchor`,
    ]);
  });

  it('a bad variants field names the file and field', () => {
    const r = buildDataset(
      withRegistry((es) => {
        (find(es, 'hezbollah') as unknown as Record<string, unknown>).variants = { block: 'Hizbolah' };
      }),
    );
    expect(r.dataset).toBeNull();
    // An entry is named by its line and id, the field by its path.
    expect(r.errors.some((e) => new RegExp(`^${REG}: line \\d+, entity "hezbollah", variants\\.block: `).test(e)), r.errors.join('\n')).toBe(true);
  });
});
