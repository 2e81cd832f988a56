// A news-like page around a seed article's exact text: site chrome, headline, byline, one
// <p> per paragraph (the text is escaped, never altered).

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Dataset } from '../../../core/dataset-types';

const ROOT = resolve(import.meta.dirname, '../../..');

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function loadDataset(): Promise<Dataset> {
  return JSON.parse(await readFile(join(ROOT, 'data/dataset.json'), 'utf8')) as Dataset;
}

export async function seedPage(id: string): Promise<string | null> {
  const dataset = await loadDataset();
  const source = dataset.sources.find((s) => s.id === id);
  if (!source) return null;
  const paragraphs = source.text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `      <p>${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(source.title)} - The Daily Example</title>
  <style>
    body { font: 18px/1.6 Georgia, serif; margin: 0; color: #222; background: #fff; }
    nav { background: #123; color: #fff; padding: 10px 24px; font: 14px sans-serif; }
    nav a { color: #fff; margin-right: 16px; }
    main { max-width: 680px; margin: 24px auto; padding: 0 16px; }
    .byline { color: #666; font: 14px sans-serif; }
    footer { border-top: 1px solid #ddd; margin-top: 40px; padding: 16px 24px; font: 13px sans-serif; color: #777; }
  </style>
</head>
<body>
  <nav><a href="#">World</a><a href="#">Middle East</a><a href="#">Opinion</a></nav>
  <main>
    <article>
      <h1>${esc(source.title)}</h1>
      <p class="byline">${esc(source.outlet)} · ${esc(source.published)}</p>
${paragraphs}
    </article>
  </main>
  <footer>© The Daily Example. A test page served on 127.0.0.1.</footer>
</body>
</html>
`;
}
