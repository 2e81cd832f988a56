import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCitation, type CitationInput } from '../../../core/citation';
import { DatasetIndex } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';

const quote: CitationInput = {
  kind: 'quote',
  text: 'It is difficult to deny that Russia is partnering with the Syrian regime',
  speaker: 'Matthew Rycroft',
  outlet: 'AFP',
  // May: en-GB's short month is the same in every ICU version (September is "Sep" or "Sept").
  published: '2016-05-03',
  original: 'https://news.example/un-syria#:~:text=It%20is%20difficult',
};

/** The pasted HTML as a browser would read it: its text, and its links. */
function parseHtml(html: string): { text: string; links: string[] } {
  // A tiny reader for the fragment's shape (no DOM in the unit tier): tags out, entities decoded.
  const links = [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => decode(m[1] ?? ''));
  return { text: decode(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim(), links };
}
function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('formatCitation: plain text', () => {
  it('a quote: the words in curly quotes, speaker, outlet, date as the card shows it, the original address', () => {
    const { text } = formatCitation(quote);
    expect(text).toBe(
      '“It is difficult to deny that Russia is partnering with the Syrian regime”\n' +
        '— Matthew Rycroft, quoted by AFP, 3 May 2016\n' +
        'https://news.example/un-syria#:~:text=It%20is%20difficult',
    );
  });

  it('straight quotes on request; quotation marks inside the quote become single ones', () => {
    const inner: CitationInput = { ...quote, text: 'He called it a “barbarism” and said "enough"' };
    expect(formatCitation(inner, { quotes: 'straight' }).text.split('\n')[0]).toBe(`"He called it a 'barbarism' and said 'enough'"`);
    expect(formatCitation(inner).text.split('\n')[0]).toBe('“He called it a ‘barbarism’ and said ‘enough’”');
  });

  it('a reported statement names whom it reports, and the outlet reporting it', () => {
    const st: CitationInput = { ...quote, kind: 'statement', text: 'Churkin said peace was an almost impossible task', speaker: 'Vitaly Churkin' };
    expect(formatCitation(st).text.split('\n')[1]).toBe('— Vitaly Churkin, as reported by AFP, 3 May 2016');
  });

  it('no speaker, or an excerpt: the outlet alone', () => {
    expect(formatCitation({ ...quote, speaker: null }).text.split('\n')[1]).toBe('— AFP, 3 May 2016');
    expect(formatCitation({ ...quote, kind: 'excerpt' }).text.split('\n')[1]).toBe('— AFP, 3 May 2016');
  });

  it('line breaks and runs of spaces in the source become one space', () => {
    expect(formatCitation({ ...quote, text: '  We will\n  not   stop ' }).text.split('\n')[0]).toBe('“We will not stop”');
  });

  it('without the passage address, the article address, saying the passage is not linked', () => {
    const { text } = formatCitation({ ...quote, original: null, sourceUrl: 'https://news.example/un-syria' });
    expect(text.split('\n')[2]).toBe('https://news.example/un-syria (the article; the passage itself could not be linked)');
  });

  it('without any address it says so; a library line says where it was saved', () => {
    expect(formatCitation({ ...quote, original: null }).text.split('\n')[2]).toBe('(original address unknown)');
    const lib = formatCitation({ ...quote, original: null, sourceUrl: null, library: true }).text;
    expect(lib.split('\n')[2]).toBe('(original address unknown: the article was saved to a Factcard library without one)');
    // A library line with an address cites it like any other.
    expect(formatCitation({ ...quote, library: true }).text).toBe(formatCitation(quote).text);
  });

  it('an unparsable date is shown as given; no date, no comma', () => {
    expect(formatCitation({ ...quote, published: 'autumn 2016' }).text.split('\n')[1]).toBe('— Matthew Rycroft, quoted by AFP, autumn 2016');
    expect(formatCitation({ ...quote, published: '' }).text.split('\n')[1]).toBe('— Matthew Rycroft, quoted by AFP');
  });
});

describe('formatCitation: HTML', () => {
  it('the quote, the attribution and a link to the original passage', () => {
    const { html } = formatCitation(quote);
    expect(html).toBe(
      '<blockquote cite="https://news.example/un-syria#:~:text=It%20is%20difficult"><p>“It is difficult to deny that Russia is partnering with the Syrian regime”</p></blockquote>' +
        '<p>— Matthew Rycroft, quoted by <a href="https://news.example/un-syria#:~:text=It%20is%20difficult">AFP, 3 May 2016</a></p>',
    );
  });

  it('escapes markup in the quote, the speaker and the outlet: a pasted citation is text, never tags', () => {
    const evil: CitationInput = {
      ...quote,
      text: '<img src=x onerror=alert(1)> & "friends" </blockquote>',
      speaker: 'Tom & <b>Jerry</b>',
      outlet: 'A<script>',
      original: 'https://news.example/a?x=1&y="2"',
    };
    const { html, text } = formatCitation(evil);
    expect(html).not.toMatch(/<img|<b>|<script|<\/blockquote>.*<\/blockquote>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; ‘friends’ &lt;/blockquote&gt;');
    expect(html).toContain('href="https://news.example/a?x=1&amp;y=&quot;2&quot;"');
    // Read back, the HTML says what the plain text says.
    const read = parseHtml(html);
    expect(read.text).toBe(text.split('\n').slice(0, 2).join(' '));
    expect(read.links).toEqual(['https://news.example/a?x=1&y="2"']);
  });

  it('links only web addresses: any other scheme is shown as text', () => {
    const { html } = formatCitation({ ...quote, original: 'javascript:alert(1)' });
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('cite=');
    expect(html).toContain('javascript:alert(1)');
  });

  it('without an address: no link, and the note', () => {
    const { html } = formatCitation({ ...quote, original: null });
    expect(html).not.toContain('<a ');
    expect(parseHtml(html).text).toContain('(original address unknown)');
  });
});

describe('formatCitation on the bundled dataset', () => {
  const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
  const index = new DatasetIndex(dataset);

  it('every card quote: its words, its speaker, its outlet, and its original address', () => {
    let n = 0;
    for (const e of dataset.entities) {
      for (const q of index.card(e.id)?.quotes ?? []) {
        const { text, html } = formatCitation({ kind: 'quote', text: q.text, speaker: q.speakerName, outlet: q.outlet, published: q.published, original: q.original });
        const src = dataset.sources.find((s) => s.id === q.source);
        // The words as the source has them (whitespace aside) and the source's own outlet.
        // Quotation marks aside: nested ones are turned into single ones.
        const strip = (s: string) => s.replace(/[“”‘’"']/g, '');
        const words = strip(src?.text.slice(q.start, q.end).replace(/\s+/g, ' ').trim() ?? '');
        expect(words.length).toBeGreaterThan(0);
        expect(strip(text)).toContain(words);
        expect(text).toContain(`— ${q.speakerName}, quoted by ${src?.outlet}`);
        if (src?.url) {
          expect(text).toContain(src.url.split('#')[0]);
          expect(parseHtml(html).links[0]?.startsWith(src.url.split('#')[0] ?? '')).toBe(true);
        }
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
  });
});
