import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { originalLink, parseViewerHash, textFragment, viewerHash } from '../../../core/links';

const TEXT = 'First line here.\n\n“It is difficult to deny that Russia is partnering with the Syrian regime to carry out war crimes,” British Ambassador to the UN Matthew Rycroft said, adding a-b, c & d.\nLast line.';

function decodeDirective(fragment: string): { prefix?: string; start: string; end?: string; suffix?: string } {
  const body = fragment.replace(/^#:~:text=/, '');
  const parts = body.split(',');
  const out: { prefix?: string; start: string; end?: string; suffix?: string } = { start: '' };
  const rest: string[] = [];
  for (const p of parts) {
    if (p.endsWith('-') && out.start === '' && rest.length === 0 && out.prefix === undefined) out.prefix = decodeURIComponent(p.slice(0, -1));
    else if (p.startsWith('-')) out.suffix = decodeURIComponent(p.slice(1));
    else rest.push(decodeURIComponent(p));
  }
  out.start = rest[0] ?? '';
  if (rest[1] !== undefined) out.end = rest[1];
  return out;
}

describe('viewer deep links', () => {
  it('round-trips source, span and entity', () => {
    const t = { source: 'afp-2016-09-27', start: 12, end: 40, entity: 'vitaly-churkin' };
    expect(parseViewerHash(viewerHash(t))).toEqual(t);
  });
  it('round-trips any ids and spans (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(1e6), fc.nat(1e6), fc.option(fc.string({ minLength: 1 }), { nil: undefined }), (source, a, b, entity) => {
        const t = { source, start: Math.min(a, b), end: Math.max(a, b), ...(entity ? { entity } : {}) };
        expect(parseViewerHash(viewerHash(t))).toEqual(t);
      }),
    );
  });
  it('rejects hashes that are not ours, and reversed spans', () => {
    expect(parseViewerHash('')).toBeNull();
    expect(parseViewerHash('#foo=bar')).toBeNull();
    expect(parseViewerHash('#src=a&span=9-3')).toBeNull();
  });
  it('a source without a span opens the article at the top', () => {
    expect(parseViewerHash('#src=a')).toEqual({ source: 'a', start: 0, end: 0 });
  });
});

describe('text fragments to the original article', () => {
  it('short quotes are linked whole, with context words from the same line', () => {
    const start = TEXT.indexOf('adding');
    const end = start + 'adding a-b, c & d'.length;
    const f = textFragment(TEXT, start, end);
    expect(f.startsWith('#:~:text=')).toBe(true);
    // '-', ',' and '&' inside a term are percent-encoded: they are directive syntax.
    expect(f).toContain('a%2Db%2C%20c%20%26%20d');
    const d = decodeDirective(f);
    expect(d.start).toBe('adding a-b, c & d');
    expect(d.prefix).toBe('Matthew Rycroft said,');
    expect(d.suffix).toBe('.');
  });

  it('long quotes become start,end ranges', () => {
    const long =
      'Intro.\n“The burden is on Russia to prove it is willing and able to take extraordinary steps to salvage diplomatic efforts to restore a cessation of hostilities,” the statement said.';
    const start = long.indexOf('“The');
    const end = long.indexOf('hostilities,”') + 'hostilities,”'.length;
    const d = decodeDirective(textFragment(long, start, end));
    expect(d.start).toBe('“The burden is on');
    expect(d.end).toBe('a cessation of hostilities,”');
    expect(d.prefix).toBeUndefined(); // the span starts its line: no prefix from another block
    expect(d.suffix).toBe('the statement said.');
  });

  it('quotes up to the exact-match limit are linked whole', () => {
    const start = TEXT.indexOf('“It is');
    const end = TEXT.indexOf('crimes,”') + 'crimes,”'.length;
    const d = decodeDirective(textFragment(TEXT, start, end));
    expect(d.start).toBe(TEXT.slice(start, end));
    expect(d.end).toBeUndefined();
  });

  it('never takes context across a line (block) boundary', () => {
    fc.assert(
      fc.property(fc.nat(TEXT.length - 1), fc.integer({ min: 1, max: 30 }), (s, len) => {
        const end = Math.min(TEXT.length, s + len);
        const lineStart = TEXT.lastIndexOf('\n', s - 1) + 1;
        const nl = TEXT.indexOf('\n', end);
        const line = TEXT.slice(lineStart, nl === -1 ? TEXT.length : nl);
        if (TEXT.slice(s, end).includes('\n') || TEXT.slice(s, end).trim() === '') return;
        const d = decodeDirective(textFragment(TEXT, s, end));
        const norm = (x: string) => x.replace(/\s+/g, ' ');
        for (const part of [d.prefix, d.start, d.end, d.suffix]) if (part) expect(norm(line)).toContain(part);
      }),
    );
  });

  it('drops an existing fragment from the address and needs one to link', () => {
    expect(originalLink('https://example.org/a#top', TEXT, { source: 's', start: 0, end: 5 })).toMatch(/^https:\/\/example\.org\/a#:~:text=/);
    expect(originalLink(null, TEXT, { source: 's', start: 0, end: 5 })).toBeNull();
  });
});
