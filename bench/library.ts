// `npm run bench:library` — the reader's library, not pass/fail:
// - Node: adding a 5,000-word article to libraries of 10, 100 and 1,000 articles (hash,
//   extraction, store write in fake IndexedDB, merge, index compile), the published index's
//   size, and storage per article against its text;
// - browser (Chromium, Firefox ESR, with the built extension): JSON.parse + loadMatcher of the
//   merged index of 10, 100 and 1,000 articles in a page (the content script's index load), and
//   click-to-marked: a 5,000-word article saved through the background until a second open tab
//   marks its new person (polled every 5 ms from the driver, so a few ms are the driver's own).
// Writes bench/results/library.json and library.md.

import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../core/dataset-types';
import { extractArticle } from '../core/dataset/article';
import { libraryId, metaOf } from '../core/library/draft';
import { EXTRACTOR_VERSION, type ArticleDraft, type LibraryEntry } from '../core/library/types';
import { LibraryService, type PublishedIndex } from '../platform/library/service';
import { LibraryStore } from '../platform/library/store';
import { sha256Hex } from '../platform/library/hash';
import { assertBuilt, launch, poll, startServer, type BrowserName } from '../test/e2e/harness';
import { evaluateText } from '../test/e2e/harness/native';
import { markedCount } from '../test/e2e/harness/card-helpers';
import { INDEX_LOAD_PAGE, matcherModuleRoutes } from './index-load';
import { aliasEntriesFromDataset, compileIndex, loadMatcher } from '../core/matcher';
import { rng } from './matcher-data';
import { fmtStat, kB, num, stat, type Stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const BROWSERS = ((process.env.BENCH_BROWSERS?.split(',') ?? ['chromium', 'firefox']) as BrowserName[]).filter((b) => b === 'chromium' || b === 'firefox');
const SIZES = [10, 100, 1000];
const bundled = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8')) as Dataset;
const log = (line: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const FIRST = 'Ada Bram Cleo Dario Edda Femi Gita Hugo Ines Jonas Kira Lars Mina Nils Olga Pavo Quinn Rosa Sami Tove Ugo Vera Wim Xena Yann Zora Alma Bodo Cyra Dag Elif Fynn Gerd Hale Ivo Jora Kai Lumi Mats Nora Otis Pia Ravi Sela Timo Una Vito Wren Yara Zeno'.split(' ');
const LAST = 'Abara Bellweather Corvino Dunmore Eckhardt Falkner Gorski Halloran Ibsen Jovanovic Kestrel Lindgren Moravec Nakagawa Okafor Pellegrini Quartermaine Rasmussen Solberg Tanaka Ulvaeus Varga Whitcombe Xiong Yilmaz Zielinski Amundsen Brannigan Castellanos Delacroix Engström Fontaine Grünewald Hargreaves Ishikawa Jablonski Kowalczyk Lombardi Mbeki Nyström Oyelaran Petrakis Quiroga Rousseau Szabo Thorsen Urquhart Valdivia Wojcik Yamamoto'.split(' ');
const FILLER = 'the council said on Tuesday that the plan would go ahead after months of talks with residents and traders about the harbour and the new road which many in the town had opposed for years while others welcomed the jobs'.split(' ');

/** A news-like article of about `words` words with `speakers` people who say something. */
function article(seed: number, words: number, speakers: number): ArticleDraft {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const people = Array.from({ length: speakers }, () => `${pick(FIRST)} ${pick(LAST)}`);
  const paras: string[] = [];
  let n = 0;
  let i = 0;
  while (n < words) {
    const who = people[i++ % people.length]!;
    const filler = Array.from({ length: 40 }, () => pick(FILLER)).join(' ');
    const p = `"We will keep working on this until the town is satisfied with the result," said ${who}, a member of the harbour board. ${filler[0]!.toUpperCase()}${filler.slice(1)}.`;
    paras.push(p);
    n += p.split(' ').length;
  }
  return { title: `Article ${seed}`, outlet: 'Bench Gazette', author: '', published: '2026-11-20', url: null, text: paras.join('\n\n') };
}

async function entryOf(d: ArticleDraft, i: number): Promise<LibraryEntry> {
  const hash = await sha256Hex(d.text);
  const id = libraryId(hash);
  const meta = metaOf(id, d);
  return { id, hash, meta, author: '', text: d.text, addedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), extractor: EXTRACTOR_VERSION, extraction: extractArticle({ meta, text: d.text }, bundled.entities) };
}

interface NodeResult {
  size: number;
  add: Stat | null;
  indexBytes: number;
  entities: number;
  storagePerText: number;
  index: PublishedIndex;
}

async function nodeBench(): Promise<NodeResult[]> {
  const out: NodeResult[] = [];
  const pool = await Promise.all(Array.from({ length: Math.max(...SIZES) }, (_, i) => entryOf(article(1000 + i, 600, 4), i)));
  for (const size of SIZES) {
    log(`node: library of ${size}`);
    const store = await LibraryStore.open(`bench-${size}-${Date.now()}`);
    await store.addAll(pool.slice(0, size));
    let last: PublishedIndex | null = null;
    const service = new LibraryService({ bundled, store: async () => store, publish: async (p) => void (last = p) });
    await service.index();
    const times: number[] = [];
    for (let k = 0; k < (QUICK ? 2 : 5); k++) {
      const d = article(900_000 + size * 10 + k, 5000, 12);
      const t0 = performance.now();
      const r = await service.save(d);
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.error);
      await service.remove(r.id);
    }
    await service.republish();
    const all = await store.all();
    const textChars = all.reduce((n, e) => n + e.text.length, 0);
    const stored = all.reduce((n, e) => n + JSON.stringify(e).length, 0);
    const index = last as PublishedIndex | null;
    if (!index?.index) throw new Error('no index published');
    out.push({ size, add: stat(times), indexBytes: JSON.stringify(index.index).length, entities: index.index.entities.length, storagePerText: stored / textChars, index });
    store.close();
  }
  return out;
}

interface BrowserRow {
  browser: BrowserName;
  load: { size: number; load: Stat | null; firstFind: Stat | null }[];
  clickToMarked: Stat | null;
}

async function browserBench(name: BrowserName, node: NodeResult[]): Promise<BrowserRow> {
  const routes = {
    ...matcherModuleRoutes(),
    '/index-load.html': { type: 'text/html; charset=utf-8', body: INDEX_LOAD_PAGE },
    '/other.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>other</title><p>Readers wrote about the board again this week and its plans.</p>' },
    ...Object.fromEntries(node.map((r) => [`/lib-${r.size}.json`, { type: 'application/json', body: JSON.stringify(r.index.index) }])),
  };
  const server = await startServer(routes);
  const driver = await launch(name, { preciseTimers: true });
  const row: BrowserRow = { browser: name, load: [], clickToMarked: null };
  try {
    for (const r of node) {
      log(`${name}: index load, library of ${r.size}`);
      const samples: { load: number; firstFind: number }[] = [];
      for (let k = 0; k < (QUICK ? 2 : 6); k++) {
        const p = await driver.open(server.url('/index-load.html'));
        await poll(() => evaluateText<boolean>(p, 'window.__ready === true'), 'the index-load page', 10_000, 20);
        const s = await evaluateText<{ load: number; firstFind: number }>(p, `window.__loadIndex(${JSON.stringify(`/lib-${r.size}.json`)})`);
        if (k > 0) samples.push(s);
        await p.close();
      }
      row.load.push({ size: r.size, load: stat(samples.map((s) => s.load)), firstFind: stat(samples.map((s) => s.firstFind)) });
    }
    log(`${name}: click to marked`);
    const times: number[] = [];
    const ext = await driver.open(driver.extensionUrl('/options.html'));
    for (let k = 0; k < (QUICK ? 2 : 5); k++) {
      const d = article(5_000_000 + k, 5000, 12);
      const who = /said ([^,]+),/.exec(d.text)?.[1] ?? '';
      const other = await driver.open(server.url('/other.html'));
      await evaluateText(other, `document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(`<p>${who} spoke again.</p>`)})`);
      await new Promise((res) => setTimeout(res, 300));
      const t0 = performance.now();
      const sent = evaluateText<{ ok: boolean; id: string }>(ext, `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'librarySave', req: { article: ${JSON.stringify(d)} } })`);
      await poll(async () => ((await markedCount(other)) > 0 ? true : null), 'the mark', 10_000, 5);
      times.push(performance.now() - t0);
      const saved = await sent;
      await evaluateText(ext, `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'libraryDelete', req: { id: ${JSON.stringify(saved.id)} } })`);
      await other.close();
    }
    row.clickToMarked = stat(times);
  } finally {
    await driver.close();
    await server.close();
  }
  return row;
}

/** Scan speed in Node (MB/s) of the bundled matcher and of the merged 1,000-article one, on the same ~2 MB of news text. */
function scanBench(node: NodeResult[]): { label: string; mbps: Stat | null; matches: number }[] {
  const blocks: string[] = [];
  let size = 0;
  for (let i = 0; size < 2_000_000; i++) {
    const src = bundled.sources[i % bundled.sources.length]!.text;
    for (const b of src.split('\n')) {
      if (!b.trim()) continue;
      blocks.push(b);
      size += b.length;
    }
  }
  const last = node[node.length - 1]!;
  const runs: [string, ReturnType<typeof loadMatcher>][] = [
    ['bundled index', loadMatcher(compileIndex(aliasEntriesFromDataset(bundled)))],
    [`bundled + ${num(last.size)}-article library`, loadMatcher(last.index.index!)],
  ];
  return runs.map(([label, m]) => {
    const speeds: number[] = [];
    let matches = 0;
    for (let r = 0; r < (QUICK ? 2 : 5); r++) {
      const t0 = performance.now();
      matches = 0;
      for (const b of blocks) matches += m.find(b).length;
      speeds.push(size / 1e6 / ((performance.now() - t0) / 1000));
    }
    return { label, mbps: stat(speeds.slice(1)), matches };
  });
}

async function main(): Promise<void> {
  assertBuilt();
  const node = await nodeBench();
  const scan = scanBench(node);
  const rows: BrowserRow[] = [];
  for (const b of BROWSERS) rows.push(await browserBench(b, node));
  const md: string[] = [];
  md.push(`Library bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; median (min–max).`, '');
  md.push('| library | entities in the merged index | index JSON | add a 5,000-word article (Node: hash, extraction, store, merge, compile) | storage ÷ text |', '| ---: | ---: | ---: | ---: | ---: |');
  for (const r of node) md.push(`| ${num(r.size)} articles | ${num(r.entities)} | ${kB(r.indexBytes)} | ${fmtStat(r.add, 1, ' ms')} | ${num(r.storagePerText, 2)}× |`);
  md.push('');
  md.push('| matcher (Node, ~2 MB of the bundled articles\' text) | scan MB/s | matches |', '| --- | ---: | ---: |');
  for (const r of scan) md.push(`| ${r.label} | ${fmtStat(r.mbps, 1)} | ${num(r.matches)} |`);
  md.push('');
  md.push('| browser | index load (JSON.parse + loadMatcher), 10 / 100 / 1,000 articles | first find | click to marked in another tab (5,000 words, empty library) |', '| --- | --- | --- | --- |');
  for (const r of rows) {
    md.push(`| ${r.browser} | ${r.load.map((l) => fmtStat(l.load, 1, ' ms')).join(' / ')} | ${r.load.map((l) => fmtStat(l.firstFind, 1, ' ms')).join(' / ')} | ${fmtStat(r.clickToMarked, 0, ' ms')} |`);
  }
  const text = md.join('\n');
  process.stdout.write(`${text}\n`);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const name = QUICK ? 'library-quick' : 'library';
  writeFileSync(join(dir, `${name}.md`), `${text}\n`);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ node: node.map(({ index: _i, ...rest }) => rest), scan, browsers: rows }, null, 2));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
