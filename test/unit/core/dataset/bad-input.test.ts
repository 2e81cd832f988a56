// Bad input fails with a message naming the file (and field), and nothing good is lost: the
// committed dataset stays byte for byte. Runs `npm run data` in-process
// on a temporary copy of data/.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../../scripts/data/run';
import { main as scanMain } from '../../../../scripts/scan';
import { ROOT } from './helpers';

const AFP = 'data/sources/000_6585d2d66e5d43a2.txt';

let root = '';
let out: string[] = [];
let err: string[] = [];
const io = () => ({ root, out: (s: string) => out.push(s), err: (s: string) => err.push(s) });
const read = (f: string) => readFileSync(join(root, f), 'utf8');
const write = (f: string, s: string) => writeFileSync(join(root, f), s);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'factcard-bad-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  out = [];
  err = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a source whose text changed under its citations', () => {
  it('fails naming the registry field and the article file; the previous dataset stays', () => {
    const before = read('data/dataset.json');
    // Someone "fixes" the article text: the curated description no longer appears in it.
    const VOA_TEXT = 'data/sources/003_36a231e467a3c658.txt';
    write(VOA_TEXT, read(VOA_TEXT).replace(/the country's largest city/g, "the country's biggest city"));
    expect(run([], io())).toBe(1);
    const msg = err.join('\n');
    expect(msg).toMatch(/data\/registry\/entities\.yaml: line \d+, entity "aleppo"\.description\.text: "the country's largest city" is not verbatim in data\/sources\/003_36a231e467a3c658\.txt/);
    expect(msg).toContain('nothing written');
    expect(read('data/dataset.json')).toBe(before);
  });

  it('text shifted but still verbatim: the build re-derives every offset (no stale citation survives)', () => {
    write(AFP, `A new first line.\n\n${read(AFP)}`);
    expect(run([], io())).toBe(0);
    const d = JSON.parse(read('data/dataset.json')) as { sources: { id: string; text: string }[]; quotes: { source: string; start: number; end: number; text: string }[] };
    const text = new Map(d.sources.map((s) => [s.id, s.text]));
    for (const q of d.quotes) expect(text.get(q.source)?.slice(q.start, q.end)).toBe(q.text);
  });

  it('an article saved in the wrong encoding: file, line and column; nothing written', () => {
    const before = read('data/dataset.json');
    write(AFP, read(AFP).replace('Churkin again', 'Churkin ag\uFFFDin'));
    expect(run([], io())).toBe(1);
    const line = read(AFP).split('\n').findIndex((l) => l.includes('\uFFFD')) + 1;
    expect(err.join('\n')).toMatch(new RegExp(`${AFP}: line ${line}, column \\d+: the text contains U\\+FFFD`));
    expect(read('data/dataset.json')).toBe(before);
  });

  it('--check notices that the committed dataset no longer matches its sources', () => {
    write(AFP, `${read(AFP)}\nOne more sentence about Aleppo.\n`);
    expect(run(['--check'], io())).toBe(1);
    expect(err.join('\n')).toMatch(/data\/dataset\.json is stale/);
  });
});

describe('a malformed dataset or input file', () => {
  it('a truncated data/dataset.json: --check says it is stale; a rebuild restores it', () => {
    const good = readFileSync(join(ROOT, 'data/dataset.json'), 'utf8');
    write('data/dataset.json', good.slice(0, 500));
    expect(run(['--check'], io())).toBe(1);
    expect(err.join('\n')).toContain('data/dataset.json is stale (differs from a fresh build); run `npm run data`');
    expect(run([], io())).toBe(0);
    expect(read('data/dataset.json')).toBe(good);
  });

  it('malformed YAML in the registry: file, line and column; nothing written', () => {
    const before = read('data/dataset.json');
    write('data/registry/entities.yaml', `${read('data/registry/entities.yaml')}\n  - id: [oops\n`);
    expect(run([], io())).toBe(1);
    expect(err.join('\n')).toMatch(/data\/registry\/entities\.yaml: line \d+, column \d+: /);
    expect(read('data/dataset.json')).toBe(before);
  });

  it('a YAML alias to no anchor, and a broken JSON schema: named, nothing written', () => {
    const before = read('data/dataset.json');
    write('data/sources/000_6585d2d66e5d43a2.meta.yaml', 'id: *nowhere\n');
    write('data/schema/registry.schema.json', '{ "type": ');
    expect(run([], io())).toBe(1);
    const msg = err.join('\n');
    expect(msg).toMatch(/data\/sources\/000_6585d2d66e5d43a2\.meta\.yaml: /);
    expect(msg).toMatch(/data\/schema\/registry\.schema\.json: \(json\): /);
    expect(read('data/dataset.json')).toBe(before);
  });

  it('the scan CLI given a malformed dataset: exit 1, the file named', async () => {
    write('bad.json', '{"entities": [ {"id": ');
    let stderr = '';
    const status = await scanMain(['--dataset', join(root, 'bad.json'), join(ROOT, 'test/fixtures/pages/voa-syria.html')], { out: () => {}, err: (t) => void (stderr += t) });
    expect(status).toBe(1);
    expect(stderr).toContain('bad.json');
  });
});
