// `npm run bench:extraction` (also run by `npm run bench`): the dataset pipeline's speed.
// - one 5,000-word article through extractArticle (what the in-browser library runs per article);
// - `buildDataset` on 1,000 generated articles (both passes, every check), to show the build
//   stays linear in the number of articles.
// Articles are generated from the seed articles' paragraphs plus paragraphs naming new people
// (seeded PRNG: the same articles every run). Benchmarks are not tests: nothing fails on a time.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractArticle } from '../core/dataset/article';
import { buildDataset } from '../core/dataset/build';
import type { RegistryDoc, SourceMeta } from '../core/dataset/inputs';
import { readInputs } from '../scripts/data/read-inputs';
import { cpus, loadavg } from 'node:os';
import { rng } from './matcher-data';
import { fmtStat, stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const log = (line: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const FIRST = 'Anna Boris Carla David Elena Farid Grace Hassan Irina Jamal Karen Leila Marco Nadia Omar Paula Rashid Sofia Tomas Vera Yusuf Zara'.split(' ');
const SYL = 'ka ro vin del mar tes lu an bo chi ra sen fi do mel ur ta lin ber go has vi nok el sa mu ter pa zi ol'.split(' ');
const TITLES = ["Russia's Foreign Minister", 'British Ambassador to the UN', 'US Secretary of State', 'Syrian Health Minister', 'UN special envoy for Syria', 'Turkish President'];

function person(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const last = pick(SYL) + pick(SYL) + pick(SYL);
  return `${pick(FIRST)} ${last.charAt(0).toUpperCase()}${last.slice(1)}`;
}

function peopleParagraph(r: () => number): string {
  const a = person(r);
  const b = person(r);
  const title = TITLES[Math.floor(r() * TITLES.length)]!;
  const surname = a.split(' ')[1]!;
  return [
    `"We will not accept a plan that rewards the attackers," ${title} ${a} said on Tuesday.`,
    `${surname}, meanwhile, told reporters that talks would resume. "The door is open," ${surname} said.`,
    `${b}, a spokesman for the aid group, said supplies would last a week. "Every day counts," he said.`,
  ].join(' ');
}

function article(seedParas: string[], words: number, r: () => number): string {
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const p = r() < 0.5 ? peopleParagraph(r) : seedParas[Math.floor(r() * seedParas.length)]!;
    paras.push(p);
    count += p.split(/\s+/).length;
  }
  return paras.join('\n\n');
}

function meta(i: number): SourceMeta {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return { id: `bench-${i}`, title: `Bench article ${i}`, titleDerived: true, outlet: 'Bench', published: `2016-10-${day}`, dateline: '', url: null };
}

function main(): void {
  const inputs = readInputs(ROOT);
  const registry = inputs.registry.doc as RegistryDoc;
  const seedParas = inputs.sources.flatMap((s) => s.text.split(/\n+/)).filter((p) => p.split(/\s+/).length > 12);
  const r = rng(11);

  const long = article(seedParas, 5000, r);
  const known = buildDataset(inputs).dataset!.entities;
  const runs = QUICK ? 5 : 20;
  extractArticle({ meta: meta(0), text: long }, known, registry); // warm-up
  const times: number[] = [];
  // CPU time too: on a shared machine the wall clock mostly measures the other jobs.
  const cpu: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const x = extractArticle({ meta: meta(0), text: long }, known, registry);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    found = x.quotes.length;
  }
  const words = long.split(/\s+/).length;
  log(`extractArticle: ${words} words, ${found} quotes`);

  const n = QUICK ? 200 : 1000;
  const sources = Array.from({ length: n }, (_, i) => ({
    textFile: `bench/${i}.txt`,
    metaFile: `bench/${i}.meta.yaml`,
    meta: meta(i + 1) as unknown,
    text: article(seedParas, 400, r),
  }));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const built = buildDataset({ ...inputs, sources: [...inputs.sources, ...sources] });
  const buildMs = performance.now() - t0;
  const bc = process.cpuUsage(c0);
  const buildCpuMs = (bc.user + bc.system) / 1000;
  if (!built.dataset) throw new Error(`bench build failed: ${built.errors.slice(0, 5).map((e) => e.slice(0, 300)).join('\n')}`);
  const d = built.dataset;

  const md = [
    '### Dataset extraction (Node)',
    '',
    `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load ${loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
    '',
    '| what | figure |',
    '| --- | --- |',
    `| extractArticle, one ${words.toLocaleString('en')}-word article (${runs} runs, median [min–max]), wall clock | ${fmtStat(stat(times), 1, ' ms')} |`,
    `| the same, CPU time of this process | ${fmtStat(stat(cpu), 1, ' ms')} |`,
    `| buildDataset, ${n.toLocaleString('en')} articles of ~400 words (both passes and every check) | ${(buildMs / 1000).toFixed(1)} s wall, ${(buildCpuMs / 1000).toFixed(1)} s CPU: ${d.entities.length.toLocaleString('en')} entities, ${d.quotes.length.toLocaleString('en')} quotes, ${d.mentions.length.toLocaleString('en')} mentions |`,
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/extraction.json'), `${JSON.stringify({ words, runs, times, cpu, articles: n, buildMs, buildCpuMs, entities: d.entities.length, quotes: d.quotes.length }, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench/results/extraction.md'), `${md}\n`);
}

main();
