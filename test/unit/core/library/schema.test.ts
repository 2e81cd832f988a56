// The published schema (data/library.schema.json) and the extension's own import check
// (parseLibraryFile) agree: on a real export, and on each kind of bad entry.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseLibraryFile } from '../../../../core/library/draft';

const root = resolve(import.meta.dirname, '../../../..');
const schema = JSON.parse(readFileSync(resolve(root, 'data/library.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

const good = {
  format: 'factcard-library',
  version: 1,
  exportedAt: '2026-11-26T10:00:00.000Z',
  entries: [
    {
      id: 'lib-0123456789abcdef',
      hash: '0123456789abcdef'.repeat(4),
      title: 'Harbour',
      titleDerived: false,
      outlet: 'Gazette',
      author: '',
      published: '2026-11-20',
      dateline: '',
      url: 'https://gazette.example/a',
      addedAt: '2026-11-26T09:00:00.000Z',
      text: 'Some text.',
    },
  ],
};

const variants: [string, (e: Record<string, unknown>) => void, RegExp][] = [
  ['a bad id', (e) => (e.id = 'lib-XYZ'), /entries\[0\]\.id/],
  ['a bad hash', (e) => (e.hash = 'abc'), /entries\[0\]\.hash/],
  ['a numeric title', (e) => (e.title = 5), /entries\[0\]\.title: expected a string/],
  ['an empty title', (e) => (e.title = '  '), /entries\[0\]\.title: is empty/],
  ['a bad date', (e) => (e.published = '20/11/2026'), /entries\[0\]\.published/],
  ['a non-http url', (e) => (e.url = 'javascript:alert(1)'), /entries\[0\]\.url/],
  ['empty text', (e) => (e.text = ''), /entries\[0\]\.text: is empty/],
  ['a missing field', (e) => delete e.author, /entries\[0\]\.author: is missing/],
  ['an unknown field', (e) => (e.html = '<b>x</b>'), /entries\[0\]: unknown field "html"/],
];

describe('library export schema', () => {
  it('accepts a good export, both ways', () => {
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(parseLibraryFile(JSON.stringify(good), 'f.json').entries).toHaveLength(1);
  });

  it.each(variants)('refuses %s, both ways, naming entry and field', (_what, change, message) => {
    const doc = structuredClone(good);
    change(doc.entries[0] as unknown as Record<string, unknown>);
    expect(validate(doc)).toBe(false);
    expect(() => parseLibraryFile(JSON.stringify(doc), 'f.json')).toThrow(message);
  });

  it('refuses a file that is not JSON or not a library, saying nothing was imported', () => {
    expect(() => parseLibraryFile('<html>', 'page.html')).toThrow(/^page\.html: not JSON .*nothing was imported/);
    expect(() => parseLibraryFile('{"format":"other","version":1,"entries":[]}', 'x.json')).toThrow(/x\.json: format: expected "factcard-library"[\s\S]*the library is unchanged/);
    expect(validate({ format: 'other', version: 1, entries: [] })).toBe(false);
  });
});
