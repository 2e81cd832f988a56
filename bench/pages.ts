// Generated news-like pages for the in-browser benchmark: the same bytes on every run.
// Paragraphs of words from the seed articles with a dataset name about every 25 words,
// inline markup (links, emphasis, spans) splitting the text into many nodes, and blocks the
// scanner must skip (script, style, textarea, noscript) with names inside them.
// A small inline script (OBSERVER) is the first thing in <head>: see observer.ts.

import { newsText, realAliases, rng } from './matcher-data';
import { OBSERVER_SOURCE } from './observer';


const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The dataset's strong aliases: the names a reader would see (and mark.js is asked for). */
export function pageNames(): string[] {
  const names = realAliases().entries.filter((e) => e.strength === 'strong').map((e) => e.text);
  return [...new Set(names)];
}

/** One paragraph's inner HTML: words, some wrapped in inline elements. */
function inline(text: string, next: () => number): string {
  const words = text.split(' ');
  let out = '';
  let i = 0;
  while (i < words.length) {
    const r = next();
    const n = 1 + Math.floor(next() * 4);
    const chunk = esc(words.slice(i, i + n).join(' '));
    i += n;
    const sep = i < words.length ? ' ' : '';
    if (r < 0.05) out += `<a href="#p${i}">${chunk}</a>${sep}`;
    else if (r < 0.09) out += `<em>${chunk}</em>${sep}`;
    else if (r < 0.12) out += `<strong>${chunk}</strong>${sep}`;
    else if (r < 0.15) out += `<span class="k">${chunk}</span>${sep}`;
    else out += chunk + sep;
  }
  return out;
}

/** A body of about `chars` characters of paragraph text, with headings and skipped blocks. */
export function articleHtml(chars: number, seed = 1): string {
  const names = pageNames();
  const next = rng(seed);
  const blocks = newsText(chars, names);
  const parts: string[] = [];
  blocks.forEach((b, i) => {
    if (i % 12 === 0) parts.push(`<h2>${esc(b.split(' ').slice(0, 6).join(' '))}</h2>`);
    if (i % 17 === 5) parts.push(`<script>window.__cfg${i} = { name: ${JSON.stringify(names[i % names.length] ?? '')}, n: ${i} };</script>`);
    if (i % 23 === 7) parts.push(`<style>.x${i} { color: #333 } /* ${esc(names[i % names.length] ?? '')} */</style>`);
    if (i % 41 === 11) parts.push(`<form><textarea rows="2">${esc(b.slice(0, 200))}</textarea></form>`);
    if (i % 53 === 13) parts.push(`<noscript>${esc(b.slice(0, 120))}</noscript>`);
    if (i % 29 === 3) {
      const items = b.split('. ').slice(0, 4);
      parts.push(`<ul>${items.map((it) => `<li>${inline(it, next)}</li>`).join('')}</ul>`);
    } else {
      parts.push(`<p>${inline(b, next)}</p>`);
    }
  });
  return parts.join('\n');
}

export function pageHtml(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<script>${OBSERVER_SOURCE}</script>
<title>${esc(title)}</title>
<style>
body { font: 18px/1.6 Georgia, serif; margin: 0; color: #222; background: #fff; }
nav { background: #123; color: #fff; padding: 10px 24px; font: 14px sans-serif; }
nav a { color: #fff; margin-right: 16px; }
main { max-width: 680px; margin: 24px auto; padding: 0 16px; }
.k { color: #036; }
</style>
</head>
<body>
<nav><a href="#">World</a><a href="#">Middle East</a><a href="#">Opinion</a></nav>
<main><article>
<h1>${esc(title)}</h1>
${body}
</article></main>
<footer>The Daily Example - a generated benchmark page.</footer>
</body>
</html>
`;
}

export interface BenchPage {
  key: string;
  label: string;
  html: string;
  /** Characters of paragraph text (what the size label promises). */
  textChars: number;
}

export function staticPage(key: string, label: string, chars: number): BenchPage {
  return { key, label, html: pageHtml(`Benchmark page ${label}`, articleHtml(chars)), textChars: chars };
}

/** Paragraph HTML strings appended by the dynamic page (infinite scroll). */
export function dynamicParagraphs(count: number): string[] {
  const next = rng(99);
  return newsText(count * 1200, pageNames())
    .slice(0, count)
    .map((b) => `<p>${inline(b, next)}</p>`);
}
