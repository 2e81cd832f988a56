// The dataset's input parsers on arbitrary input: they never throw anything but their own
// clear error, and every message names the file (and the field or line).
// Runs: FC_RUNS (default 100; `npm run fuzz` sets 10,000). The whole-build property costs a
// full build per case (~30 ms), so it runs FC_RUNS / 20 cases (500 in the fuzz run).

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../../../core/dataset/build';
import type { RegistryDoc } from '../../../../core/dataset/inputs';
import { SchemaValidator } from '../../../../core/dataset/validate';
import { InputError, PATHS, readInputs } from '../../../../scripts/data/read-inputs';
import { ROOT, realInputs } from './helpers';

const RUNS = Number(process.env.FC_RUNS ?? 100) || 100;
const BUILD_RUNS = Math.max(20, Math.floor(RUNS / 20));

/** A message names a file under data/ first: "data/…: …". */
const NAMES_FILE = /^data\/[\w./-]+: ./;

/** JSON-like values of any shape, with the field names the inputs use mixed in. */
const KEYS = ['id', 'type', 'name', 'aliases', 'text', 'strength', 'caseSensitive', 'shared', 'references', 'description', 'citations', 'source', 'occurrence', 'entities', 'title', 'outlet', 'published', 'url', 'dateline', 'titleDerived'];
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constantFrom('person', 'place', 'weak', 'strong', '2016-09-24', 'Churkin', 'voa-2016-09-24-russia-truce'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('dataset input parsers never throw, and name the file', () => {
  const inputs = realInputs();
  const validator = new SchemaValidator();

  it('schema checks of any registry, metadata or overrides value (property)', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(jsonish, fc.constantFrom('registry', 'sourceMeta', 'quoteOverrides') as fc.Arbitrary<'registry' | 'sourceMeta' | 'quoteOverrides'>, (value, which) => {
        const file = which === 'registry' ? PATHS.registry : which === 'sourceMeta' ? 'data/sources/x.meta.yaml' : PATHS.overrides;
        for (const msg of validator.check(inputs.schemas[which], value, file)) expect(msg).toMatch(NAMES_FILE);
      }),
      { numRuns: RUNS },
    );
  });

  it('a whole build with one registry entity or one source’s metadata replaced by anything (property)', { timeout: 600_000 }, () => {
    const real = inputs.registry.doc as RegistryDoc;
    fc.assert(
      fc.property(fc.nat({ max: real.entities.length - 1 }), jsonish, fc.boolean(), (i, junk, inRegistry) => {
        let r;
        if (inRegistry) {
          const doc = structuredClone(real);
          (doc.entities as unknown[])[i] = junk;
          r = buildDataset({ ...inputs, registry: { ...inputs.registry, doc } });
        } else {
          const sources = inputs.sources.map((s, k) => (k === i % inputs.sources.length ? { ...s, meta: junk } : s));
          r = buildDataset({ ...inputs, sources });
        }
        // Junk is (almost) never valid; when it is, the result is a checked dataset.
        if (r.dataset === null) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const msg of r.errors) expect(msg).toMatch(NAMES_FILE);
        }
      }),
      { numRuns: BUILD_RUNS },
    );
  });

  describe('reading files: any bytes in the registry or a metadata file', () => {
    let root = '';
    beforeAll(() => {
      // A small copy of data/ (schemas, one short article) so each case reads little.
      root = mkdtempSync(join(tmpdir(), 'factcard-fuzz-'));
      mkdirSync(join(root, 'data/sources'), { recursive: true });
      mkdirSync(join(root, 'data/registry'), { recursive: true });
      cpSync(join(ROOT, 'data/schema'), join(root, 'data/schema'), { recursive: true });
      cpSync(join(ROOT, PATHS.datasetSchema), join(root, PATHS.datasetSchema));
      writeFileSync(join(root, 'data/sources/a.txt'), 'Vitaly Churkin spoke.\n');
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    const yamlish = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.oneof(fc.constantFrom('entities:', '  - id: x', '    aliases: [', ' ]', ': :', '{', '"', '\t', '- ', '&a', '*a', '!!binary', 'id: [unclosed', '---', '...'), fc.string()), { maxLength: 12 }).map((l) => l.join('\n')),
    );

    it('readInputs returns, or throws its InputError whose every line names file and line/field (property)', { timeout: 600_000 }, () => {
      fc.assert(
        fc.property(yamlish, yamlish, (registry, meta) => {
          writeFileSync(join(root, PATHS.registry), registry);
          writeFileSync(join(root, 'data/sources/a.meta.yaml'), meta);
          try {
            readInputs(root);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            for (const line of (e as InputError).lines) expect(line).toMatch(NAMES_FILE);
          }
        }),
        { numRuns: RUNS },
      );
    });
  });
});
