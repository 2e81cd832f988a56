import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/dataset-types';
import { main, scanContent } from '../../scripts/scan';
import { fixturePath } from './helpers';

const dataset = JSON.parse(readFileSync(fixturePath('test-dataset.json'), 'utf8')) as Dataset;
const seed = (f: string): string => readFileSync(resolve(process.cwd(), 'data/sources', f), 'utf8');


describe('scan CLI', () => {
  it('reports .txt offsets into the file text, verbatim', async () => {
    const text = seed('000_6585d2d66e5d43a2.txt');
    const ms = await scanContent(text, 'txt', dataset);
    expect(ms.length).toBeGreaterThan(10);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms.map((m) => m.text)).toContain('Ban Ki-moon');
    expect(ms.find((m) => m.entity === 'samantha-power')).toMatchObject({ name: 'Samantha Power', text: 'Samantha Power' });
    // "Ban called on world powers": weak Ban after Ban Ki-moon counts; "powers" does not.
    expect(ms.filter((m) => m.entity === 'ban-ki-moon').map((m) => m.text)).toEqual(['Ban Ki-moon', 'Ban']);
  });

  it('reports .html offsets into the joined block text and matches the fixture expectations', async () => {
    const html = readFileSync(fixturePath('afp-aleppo.html'), 'utf8');
    const ms = await scanContent(html, 'html', dataset);
    const expected = JSON.parse(readFileSync(fixturePath('afp-aleppo.expected.json'), 'utf8')) as { mentions: { entity: string; text: string }[] };
    expect(ms.map(({ entity, text }) => ({ entity, text }))).toEqual(expected.mentions);
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
  });

  it('prints JSON, and fails clearly on bad input', async () => {
    const run = async (...args: string[]) => {
      let stdout = '';
      let stderr = '';
      const status = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
      return { status, stdout, stderr };
    };
    const ok = await run('--dataset', fixturePath('test-dataset.json'), fixturePath('voa-syria.html'));
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { mentions: { entity: string; name: string; text: string; start: number; end: number }[] };
    expect(out.mentions[0]).toEqual({ entity: 'aleppo', name: 'Aleppo', text: 'Aleppo', start: expect.any(Number), end: expect.any(Number) });

    const usage = await run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage:');
    expect((await run('a.html', 'b.html')).status).toBe(2);
    expect((await run('--nope', 'a.html')).status).toBe(2);
    expect((await run('page.pdf')).status).toBe(2);
    expect((await run('--dataset')).status).toBe(2);

    const missing = await run('--dataset', fixturePath('test-dataset.json'), 'no/such/page.html');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no/such/page.html');
    expect(missing.stderr).toContain('no such file');
    const badDataset = await run('--dataset', 'no/such/dataset.json', fixturePath('voa-syria.html'));
    expect(badDataset.status).toBe(1);
    expect(badDataset.stderr).toContain('no/such/dataset.json');
  });

  it('runs as a script (npm run scan) with exit code 2 on usage errors', { timeout: 30_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts'], { encoding: 'utf8', cwd: process.cwd() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run scan');
  });
});
