import { describe, expect, it } from 'vitest';
import { ACTIVE_HIGHLIGHT, DEFAULT_COLOR, Highlighter, highlightCss, safeColor, type HighlightLike } from '../../dom/highlighter';
import { builtinsFor, type Builtins } from '../../dom/builtins';
import { drawRangeFor } from '../../dom/run-ranges';
import { FakeHighlight, fakeRegistry, loadPage, startScanner } from './helpers';

async function scanned(html: string) {
  const doc = loadPage(html);
  const h = startScanner(doc);
  await h.sched.settle();
  return { doc, mentions: h.scanner.mentions() };
}

const HTML = '<html><body><p>Samantha Power and Vitaly Churkin met in Aleppo; the UN Security Council and the White Helmets.</p></body></html>';

function sizes(reg: Map<string, HighlightLike>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of reg) out[k] = (v as FakeHighlight).size;
  return out;
}

describe('Highlighter', () => {
  it('registers one highlight per entity type plus the active one', async () => {
    const { doc, mentions } = await scanned(HTML);
    const fake = fakeRegistry();
    const hl = new Highlighter(doc, fake);
    hl.update(mentions);
    expect(sizes(fake.registry)).toEqual({
      'factcard-person': 2, 'factcard-organization': 1, 'factcard-group': 1, 'factcard-place': 1,
      'factcard-active': 0, 'factcard-flash': 0,
    });
    hl.setActive(mentions[1]!);
    const active = fake.registry.get(ACTIVE_HIGHLIGHT) as FakeHighlight;
    expect([...active]).toEqual([mentions[1]!.range]);
    expect(active.priority).toBeGreaterThan((fake.registry.get('factcard-person') as FakeHighlight).priority);
    hl.setActive(null);
    expect(active.size).toBe(0);
    hl.update([]);
    expect(sizes(fake.registry)['factcard-person']).toBe(0);
  });

  it('draws each mention\'s drawRange: a StaticRange over exactly its text where the realm has StaticRange, else its live Range', async () => {
    const { doc, mentions } = await scanned('<p>Vitaly Churkin met <b>Samantha</b> Power.</p><p>UNICEF<br>Churkin left.</p><p>Matthew <img alt="">Rycroft spoke.</p>');
    expect(mentions.map((m) => m.text.replace(/\s+/g, ' ')).sort()).toEqual(['Churkin', 'Matthew Rycroft', 'Samantha Power', 'UNICEF', 'Vitaly Churkin']);
    // The highlighter adds what drawRange gives (happy-dom has no StaticRange: live Ranges here).
    const fake = fakeRegistry();
    new Highlighter(doc, fake).update(mentions);
    const drawn = new Set(['factcard-person', 'factcard-organization'].flatMap((n) => [...(fake.registry.get(n) as FakeHighlight)]));
    for (const m of mentions) expect(drawn.has(m.drawRange)).toBe(true);
    // With a StaticRange constructor, as the DOM standard defines it (its init's four fields):
    // every mention, across <b>, <br> and <img> too, gets one over the same points as its live Range.
    const made: unknown[] = [];
    const b: Builtins = { ...builtinsFor(doc), staticRange: (startContainer, startOffset, endContainer, endOffset) => {
      const r = { startContainer, startOffset, endContainer, endOffset, collapsed: false } as AbstractRange;
      made.push(r);
      return r;
    } };
    for (const m of mentions) {
      const r = drawRangeFor(b, doc, m.run, m.start, m.end)!;
      expect(made).toContain(r);
      const live = m.range;
      expect([r.startContainer, r.startOffset, r.endContainer, r.endOffset]).toEqual([live.startContainer, live.startOffset, live.endContainer, live.endOffset]);
    }
    expect(made).toHaveLength(mentions.length);
    // Offsets outside the run: nothing.
    expect(drawRangeFor(b, doc, mentions[0]!.run, 0, mentions[0]!.run.text.length + 1)).toBeNull();
  });

  it('re-registers highlights and its sheet when the page clears them, never replacing page sheets', async () => {
    const { doc, mentions } = await scanned(HTML);
    const win = doc.defaultView as unknown as typeof globalThis;
    const pageSheet = new win.CSSStyleSheet();
    doc.adoptedStyleSheets = [pageSheet];
    const fake = fakeRegistry();
    const hl = new Highlighter(doc, fake);
    // Nothing drawn yet: no sheet (a sheet of ::highlight rules costs a full style recalc).
    expect(doc.adoptedStyleSheets).toEqual([pageSheet]);
    hl.update([]);
    expect(doc.adoptedStyleSheets).toEqual([pageSheet]);
    hl.update(mentions);
    expect(doc.adoptedStyleSheets.length).toBe(2);
    expect(doc.adoptedStyleSheets[0]).toBe(pageSheet);
    const ours = doc.adoptedStyleSheets[1]!;
    // The page resets both.
    doc.adoptedStyleSheets = [pageSheet];
    fake.registry.clear();
    hl.update(mentions);
    expect(doc.adoptedStyleSheets).toEqual([pageSheet, ours]);
    expect(fake.registry.size).toBe(6);
    hl.destroy();
    expect(doc.adoptedStyleSheets).toEqual([pageSheet]);
    expect(fake.registry.size).toBe(0);
  });

  it('leaves the highlights alone when asked to draw the mentions they hold, and refills one the page emptied', async () => {
    const { doc, mentions } = await scanned(HTML);
    const fake = fakeRegistry();
    const hl = new Highlighter(doc, fake);
    hl.update(mentions);
    const person = fake.registry.get('factcard-person') as FakeHighlight;
    const held = [...person];
    let cleared = 0;
    const clear = person.clear.bind(person);
    person.clear = () => {
      cleared++;
      clear();
    };
    // The same mentions in a new array (the scan's next publish, the drawn window unmoved).
    hl.update([...mentions]);
    expect(cleared).toBe(0);
    expect([...person]).toEqual(held);
    // The page empties one: the next drawing refills it, even of the same mentions.
    clear();
    fake.registry.clear();
    hl.update([...mentions]);
    expect(cleared).toBe(1);
    expect([...person]).toEqual(held);
    expect(fake.registry.size).toBe(6);
    // One mention fewer is a new drawing.
    hl.update(mentions.slice(1));
    expect(cleared).toBe(2);
    expect(sizes(fake.registry)['factcard-person']).toBe(held.length - (mentions[0]!.type === 'person' ? 1 : 0));
  });

  it('adopts its sheet on prepare(), before anything is drawn, once, after the page\'s own sheets', () => {
    const doc = loadPage('<html><body></body></html>');
    const win = doc.defaultView as unknown as typeof globalThis;
    const pageSheet = new win.CSSStyleSheet();
    doc.adoptedStyleSheets = [pageSheet];
    const hl = new Highlighter(doc, { ...fakeRegistry(), style: 'background', color: '#abcdef' });
    expect(hl.styled).toBe(false);
    hl.prepare();
    expect(hl.styled).toBe(true);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    expect(doc.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(hl.cssText).toContain('::highlight(factcard-person) { background-color: color-mix(in srgb, #abcdef');
    hl.prepare();
    hl.update([]);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    hl.destroy();
    expect(hl.styled).toBe(false);
    expect(doc.adoptedStyleSheets).toEqual([pageSheet]);
    // A destroyed highlighter never adopts again.
    hl.prepare();
    expect(doc.adoptedStyleSheets).toEqual([pageSheet]);
  });

  it('writes subtle styles for each option and keeps colours from escaping the rule', () => {
    expect(highlightCss('underline', '#c33')).toContain('::highlight(factcard-person) { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: #c33;');
    expect(highlightCss('background', 'rebeccapurple')).toContain('::highlight(factcard-place) { background-color: color-mix(in srgb, rebeccapurple 14%, transparent); }');
    const none = highlightCss('none', undefined);
    expect(none).not.toContain('factcard-person');
    expect(none).toContain(ACTIVE_HIGHLIGHT);
    expect(safeColor('red; } body { display: none')).toBe(DEFAULT_COLOR);
    expect(safeColor('rgb(10, 20, 30)')).toBe('rgb(10, 20, 30)');
    expect(safeColor('url(x)')).toBe(DEFAULT_COLOR);
  });

  it('updates its sheet on setStyle, only when its text changes', async () => {
    const { doc } = await scanned(HTML);
    const hl = new Highlighter(doc, { ...fakeRegistry(), style: 'underline', color: '#123456' });
    hl.setFlash(doc.createRange());
    const sheet = doc.adoptedStyleSheets[doc.adoptedStyleSheets.length - 1]!;
    const replaced: string[] = [];
    const orig = sheet.replaceSync.bind(sheet);
    sheet.replaceSync = (t: string) => (replaced.push(t), orig(t));
    const text = (): string => hl.cssText;
    expect(text()).toContain('dotted');
    hl.setStyle('background', '#abcdef');
    expect(text()).not.toContain('dotted');
    expect(text()).toContain('#abcdef');
    expect(replaced).toEqual([text()]);
    // The same style again rewrites nothing (each rewrite restyles the whole page).
    hl.setStyle('background', '#abcdef');
    expect(replaced).toHaveLength(1);
  });

  it('hides the marks by leaving the registry, never by rewriting its sheet; the hovered mention still shows', async () => {
    const { doc, mentions } = await scanned(HTML);
    const fake = fakeRegistry();
    const hl = new Highlighter(doc, fake);
    hl.update(mentions);
    const sheet = doc.adoptedStyleSheets[doc.adoptedStyleSheets.length - 1]!;
    const before = [...sheet.cssRules].map((r) => r.cssText).join('\n');
    hl.setTypesHidden(true);
    expect([...fake.registry.keys()].sort()).toEqual([ACTIVE_HIGHLIGHT, 'factcard-flash']);
    // A scan while hidden keeps them out, and the hovered mention is still drawn.
    hl.update(mentions);
    hl.setActive(mentions[0]!);
    expect(fake.registry.has('factcard-person')).toBe(false);
    expect((fake.registry.get(ACTIVE_HIGHLIGHT) as FakeHighlight).size).toBe(1);
    hl.setTypesHidden(false);
    expect(sizes(fake.registry)['factcard-person']).toBe(2);
    expect([...sheet.cssRules].map((r) => r.cssText).join('\n')).toBe(before);
  });

  it('degrades to drawing nothing without the Highlight API, and never throws', async () => {
    const { doc, mentions } = await scanned(HTML);
    const errors: unknown[] = [];
    const hl = new Highlighter(doc, { onError: (e) => errors.push(e) });
    expect(() => {
      hl.update(mentions);
      hl.setActive(mentions[0]!);
      hl.setStyle('none');
      hl.destroy();
    }).not.toThrow();
    const throwing = new Highlighter(doc, {
      registry: { set: () => { throw new Error('page broke CSS.highlights'); }, delete: () => true },
      createHighlight: () => new FakeHighlight(),
      onError: (e) => errors.push(e),
    });
    expect(() => throwing.update(mentions)).not.toThrow();
    expect(errors.length).toBeGreaterThan(0);
  });
});
