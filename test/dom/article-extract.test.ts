// "Add this article" on saved pages: the article's paragraphs and metadata, nothing from the
// page furniture, a plain refusal for a page that is no article, and the page left as it was.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromDocument, articleFromSnapshot, blockText, snapshotPage } from '../../dom/article-extract';

const html = readFileSync(resolve(import.meta.dirname, '../fixtures/library/article.html'), 'utf8');
const parse = (h: string) => new DOMParser().parseFromString(h, 'text/html');

describe('article extraction', () => {
  it('reads the article text paragraph by paragraph with its metadata', () => {
    const r = articleFromSnapshot({ html, url: 'https://gazette.example/harbour#top', title: '' }, parse);
    if (!r.ok) throw new Error(r.reason);
    expect(r.draft).toMatchObject({ title: 'Harbour plan divides Port Elwyn', outlet: 'Elwyn Gazette', published: '2026-11-20', url: 'https://gazette.example/harbour' });
    expect(r.draft.author).toMatch(/Rosalind Quill/);
    const paras = r.draft.text.split('\n\n');
    expect(paras).toContain('"We cannot keep pouring money into a harbour that no longer pays for itself," said Marguerite Okonkwo-Hale, the council\'s finance chair, after the vote.');
    expect(r.draft.text).not.toMatch(/Privacy policy|Weather/);
  });

  it('says plainly when a page holds no article', () => {
    const page = '<html><head><title>Links</title></head><body><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul><p>Short.</p></body></html>';
    const r = articleFromSnapshot({ html: page, url: 'https://x.example/', title: 'Links' }, parse);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/does not hold an article/) });
  });

  it('never changes the page: a snapshot and a clone are read, the document stays byte-identical', () => {
    const doc = parse(html);
    const before = new XMLSerializer().serializeToString(doc);
    const snap = snapshotPage(doc);
    expect('html' in snap && snap.html).toBe(before);
    const r = articleFromDocument(doc, 'https://gazette.example/harbour');
    expect(r.ok).toBe(true);
    expect(new XMLSerializer().serializeToString(doc)).toBe(before);
  });

  it('joins inline text and breaks at blocks and <br>', () => {
    const doc = parse('<div><p>One <b>bold</b>\n  word.</p><p>Two<br>lines</p><script>x()</script></div>');
    expect(blockText(doc.body)).toBe('One bold word.\n\nTwo\n\nlines');
  });
});
