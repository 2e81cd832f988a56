// `npm run data` end to end, on a temporary copy of data/: build, --check, export, and
// "write nothing at all when a check fails".

import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stableJson } from '../../../../core/dataset/ids';
import { run } from '../../../../scripts/data/run';
import { ROOT, buildReal } from './helpers';

let root = '';
let out: string[] = [];
let err: string[] = [];
const io = () => ({ root, out: (s: string) => out.push(s), err: (s: string) => err.push(s) });
const dataset = () => readFileSync(join(root, 'data/dataset.json'), 'utf8');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'factcard-data-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  out = [];
  err = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run data', () => {
  it('the committed dataset is what the build writes (same inputs → same bytes)', () => {
    const committed = readFileSync(join(ROOT, 'data/dataset.json'), 'utf8');
    expect(stableJson(buildReal().dataset)).toBe(committed);
    expect(stableJson(buildReal().dataset)).toBe(committed);
  });

  it('rebuilds data/dataset.json', () => {
    writeFileSync(join(root, 'data/dataset.json'), '{}\n');
    expect(run([], io())).toBe(0);
    expect(dataset()).toBe(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8'));
    expect(out.join('\n')).toMatch(/wrote data\/dataset\.json: 2 sources/);
    expect(readdirSync(join(root, 'data')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when a check fails, and names file and field', () => {
    const before = dataset();
    const reg = join(root, 'data/registry/entities.yaml');
    writeFileSync(reg, readFileSync(reg, 'utf8').replace('text: neighbourhood of Aleppo', 'text: neighborhood of Aleppo'));
    expect(run([], io())).toBe(1);
    expect(dataset()).toBe(before);
    expect(err.join('\n')).toContain(
      'entity "al-qaterji".description.text: "neighborhood of Aleppo" is not verbatim in data/sources/003_36a231e467a3c658.txt',
    );
    expect(err.join('\n')).toMatch(/data\/registry\/entities\.yaml: line \d+, entity "al-qaterji"\.description/);
    expect(err.join('\n')).toContain('nothing written');
  });

  it('reports YAML syntax errors with file and line', () => {
    writeFileSync(join(root, 'data/sources/003_36a231e467a3c658.meta.yaml'), 'id: [unclosed\n');
    expect(run([], io())).toBe(1);
    expect(err.join('\n')).toMatch(/data\/sources\/003_36a231e467a3c658\.meta\.yaml: line \d+, column \d+: /);
  });

  it('an article without metadata, and metadata without an article', () => {
    writeFileSync(join(root, 'data/sources/new.txt'), 'Some text.');
    writeFileSync(join(root, 'data/sources/orphan.meta.yaml'), 'id: orphan\n');
    expect(run([], io())).toBe(1);
    expect(err.join('\n')).toContain('data/sources/new.meta.yaml: (file): missing metadata for data/sources/new.txt');
    expect(err.join('\n')).toContain('data/sources/orphan.meta.yaml: (file): no article text orphan.txt next to it');
  });

  it('a third article is a text file plus metadata, then a rebuild', () => {
    writeFileSync(
      join(root, 'data/sources/900_test.txt'),
      'date 2016-10-08 AFP, UNITED NATIONS\n\nRussia vetoed a French draft resolution on Aleppo at the UN Security Council on Saturday.\n\n' +
        '“This is a cynical veto that makes a mockery of the council,” said French ambassador Francois Delattre.\n\n' +
        'Russian Ambassador to the UN Vitaly Churkin said the draft was “one of the strangest spectacles in the history of the Security Council.”\n',
    );
    writeFileSync(
      join(root, 'data/sources/900_test.meta.yaml'),
      'id: afp-2016-10-08-veto\ntitle: Russia vetoes French draft on Aleppo\ntitleDerived: true\noutlet: AFP\npublished: "2016-10-08"\ndateline: UNITED NATIONS\nurl: null\n',
    );
    expect(run([], io())).toBe(0);
    const d = JSON.parse(dataset()) as { quotes: Array<{ source: string; speaker: string | null; text: string }> };
    expect(d.quotes.filter((q) => q.source === 'afp-2016-10-08-veto').map((q) => [q.speaker, q.text.slice(0, 20)])).toEqual([
      ['francois-delattre', 'This is a cynical ve'],
      ['vitaly-churkin', 'one of the strangest'],
    ]);
  });
});

describe('npm run data -- --check', () => {
  it('passes on a fresh dataset', () => {
    expect(run(['--check'], io())).toBe(0);
  });

  it('fails with a clear message on a stale one, writing nothing', () => {
    const stale = dataset().replace('"version": 1', '"version": 1 ');
    writeFileSync(join(root, 'data/dataset.json'), stale);
    expect(run(['--check'], io())).toBe(1);
    expect(err.join('\n')).toMatch(/data\/dataset\.json is stale .* run `npm run data`/);
    expect(dataset()).toBe(stale);
  });
});

describe('npm run data -- export quotes', () => {
  it('JSON Lines: attributed quotes only, one object a line', () => {
    expect(run(['export', 'quotes', '--format', 'jsonl'], io())).toBe(0);
    const rows = out.join('\n').split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.every((r) => r.speaker !== null)).toBe(true);
    expect(rows[0]).toMatchObject({ speaker: 'united-states', speakerName: 'United States', text: 'barbarism', source: 'afp-2016-09-27-aleppo' });
    // Today's fields first, unchanged; then the quote's reasoning.
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'speaker', 'speakerName', 'text', 'source', 'sourceTitle', 'outlet', 'published', 'url', 'start', 'end',
      'rule', 'context', 'contextStart', 'contextEnd', 'cue', 'sameAs',
    ]);
    const churkin = rows.find((r) => String(r.text).startsWith('sabotage'))!;
    expect(churkin).toMatchObject({ speaker: 'vitaly-churkin', rule: 'pronoun', cue: 'he' });
    expect(String(churkin.context)).toContain('he said.');
  });

  it('statements and entities (with every cited role), as JSON Lines and CSV', () => {
    expect(run(['export', 'statements', '--format', 'jsonl'], io())).toBe(0);
    const st = out.join('\n').split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(st.some((r) => r.entity === 'francois-delattre' && r.text === 'French ambassador Francois Delattre said the atrocities must not go unpunished.')).toBe(true);
    out.length = 0;
    expect(run(['export', 'entities', '--format', 'jsonl'], io())).toBe(0);
    const ents = out.join('\n').split('\n').map((l) => JSON.parse(l) as { id: string; roles: Array<{ text: string; source: string }> });
    expect(ents.find((e) => e.id === 'ban-ki-moon')!.roles.map((r) => r.text)).toEqual(['UN Secretary-General', 'U.N. Secretary-General']);
    out.length = 0;
    expect(run(['export', 'entities', '--format', 'csv'], io())).toBe(0);
    expect(out.join('\n').split('\r\n')[0]).toBe('id,name,type,aliases,description,roles,mentions,sources');
    expect(out.join('\n')).toContain('"UN Secretary-General [afp-2016-09-27-aleppo:');
  });

  it('CSV with quoting, to a file; --all adds unattributed quotes', () => {
    expect(run(['export', 'quotes', '--format=csv', '--all', '--out', 'quotes.csv'], io())).toBe(0);
    const csv = readFileSync(join(root, 'quotes.csv'), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,speaker,speakerName,text,source,sourceTitle,outlet,published,url,start,end,rule,context,contextStart,contextEnd,cue,sameAs');
    expect(csv).toContain(',"permitted to bomb, starve and torture Syrian civilians with impunity.",');
    expect(csv).toContain(',,earthquake-like tremors.,');
    expect(csv).toContain(',none,');
  });

  it('rejects a missing or unknown format', () => {
    expect(run(['export', 'quotes', '--format', 'xml'], io())).toBe(2);
    expect(err.join('\n')).toContain('--format jsonl|csv');
  });
});
