// Property test: random DOM trees (random inline/block nesting, names split over elements).
// Runs: env FC_RUNS (default 100).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlockTag } from '../../dom/block-rules';
import { builtinsFor } from '../../dom/builtins';
import { RunWalker, type TextRun } from '../../dom/text-runs';
import { collapse, loadPage, rangeReadingText, startScanner, testMatcher } from './helpers';

const RUNS = Number(process.env.FC_RUNS ?? 100) || 100;

type Tree = { kind: 'text'; text: string } | { kind: 'el'; tag: string; children: Tree[] };

const WORDS = ['Samantha', 'Power', 'Vitaly', 'Churkin', 'Ban', 'Ki-moon', 'Aleppo', 'UN', 'Security', 'Council',
  'White', 'Helmets', 'said', 'the', 'world', 'powers', 'Will', 'Assad', 'Bashar', 'al-Assad', '.', ',', '“', '’s'];
const SPACES = [' ', '  ', '\n  ', '\u00a0', '', '\u00ad', '\t'];
const TAGS = ['b', 'i', 'span', 'a', 'em', 'p', 'div', 'h2', 'li', 'td', 'br', 'section', 'script', 'textarea', 'img', 'wbr'];

const textArb = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SPACES)), { minLength: 0, maxLength: 6 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map((text): Tree => ({ kind: 'text', text })),
    fc.record({ kind: fc.constant('el' as const), tag: fc.constantFrom(...TAGS), children: fc.array(tie('tree'), { maxLength: 4 }) }),
  ),
})).tree;

function build(doc: Document, parent: Node, t: Tree): void {
  if (t.kind === 'text') {
    parent.appendChild(doc.createTextNode(t.text));
    return;
  }
  const el = doc.createElement(t.tag);
  parent.appendChild(el);
  if (t.tag === 'br' || t.tag === 'img' || t.tag === 'wbr') return;
  for (const c of t.children) build(doc, el, c);
}

function blockOf(n: Node): Node | null {
  let p: Node | null = n.nodeType === 1 ? n : n.parentNode;
  while (p && !(p.nodeType === 1 && isBlockTag((p as Element).localName))) p = p.parentNode;
  return p;
}

describe('DOM layer on random trees', () => {
  it('maps every mention to a Range over its alias text, within one block, and never throws', { timeout: Math.max(120_000, RUNS * 40) }, async () => {
    const matcher = testMatcher();
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(treeArb, { minLength: 1, maxLength: 5 }), async (trees) => {
        const doc = loadPage('<!doctype html><html><body></body></html>');
        for (const t of trees) build(doc, doc.body, t);
        const before = doc.body.innerHTML;
        const h = startScanner(doc, { matcher });
        await h.sched.settle();
        expect(h.errors).toEqual([]);
        seen += h.scanner.mentions().length;
        for (const m of h.scanner.mentions()) {
          // The range covers exactly the matched text…
          expect(rangeReadingText(m.range)).toBe(collapse(m.text));
          // …which is, on its own, one whole match of the same entity (an alias of it).
          const alone = matcher.find(m.text);
          expect(alone).toHaveLength(1);
          expect(alone[0]).toMatchObject({ start: 0, end: m.text.length, entity: m.entity });
          // Names never join across blocks, and nothing is read from script/textarea.
          expect(blockOf(m.range.startContainer)).toBe(blockOf(m.range.endContainer));
          for (let n: Node | null = m.range.startContainer; n; n = n.parentNode) {
            expect(['script', 'textarea']).not.toContain((n as Element).localName);
          }
        }
        expect(doc.body.innerHTML).toBe(before);
        h.scanner.destroy();
      }),
      { numRuns: RUNS },
    );
    expect(seen).toBeGreaterThan(0); // the generator does produce names

  });

  it('reads an inline-only block flat into the same run and offset map as the node-by-node walk', { timeout: Math.max(60_000, RUNS * 20) }, () => {
    const runsOf = (doc: Document, flat: boolean): TextRun[] => {
      const out: TextRun[] = [];
      new RunWalker(builtinsFor(doc), doc.body, { descendBlock: () => true, onBlock: () => {}, onRun: (r) => out.push(r), flat }).step(() => false);
      return out;
    };
    let flatRuns = 0;
    fc.assert(
      fc.property(fc.array(treeArb, { minLength: 1, maxLength: 5 }), (trees) => {
        const doc = loadPage('<!doctype html><html><body></body></html>');
        for (const t of trees) build(doc, doc.body, t);
        const walked = runsOf(doc, false);
        const read = runsOf(doc, true);
        expect(read.map((r) => [r.block, r.text])).toEqual(walked.map((r) => [r.block, r.text]));
        for (let i = 0; i < read.length; i++) {
          const a = read[i]!;
          const w = walked[i]!;
          if (a.first === a.block) flatRuns++;
          else expect(a.first).toBe(w.first);
          // The lazily worked-out map is the walk's, piece for piece (the same text nodes).
          expect(a.pieces.length).toBe(w.pieces.length);
          a.pieces.forEach((p, k) => {
            const q = w.pieces[k]!;
            expect([p.start, p.len, p.nodeOffset, p.synthetic]).toEqual([q.start, q.len, q.nodeOffset, q.synthetic]);
            expect(p.node).toBe(q.node);
          });
        }
      }),
      { numRuns: RUNS },
    );
    expect(flatRuns).toBeGreaterThan(0); // the generator does make inline-only blocks
  });

  it('gives a flat block no offset map once its text changed (its mutation has it re-read)', () => {
    const doc = loadPage('<!doctype html><html><body><p>Vitaly <b>Churkin</b> spoke.</p></body></html>');
    const out: TextRun[] = [];
    new RunWalker(builtinsFor(doc), doc.body, { descendBlock: () => true, onBlock: () => {}, onRun: (r) => out.push(r) }).step(() => false);
    expect(out.map((r) => [r.text, r.first === r.block])).toEqual([['Vitaly Churkin spoke.', true]]);
    doc.querySelector('b')!.firstChild!.nodeValue = 'Lavrov';
    expect(out[0]!.pieces).toEqual([]);
  });

  it('gives a flat block no offset map once it is no longer flat, even with the same text', () => {
    // The map reads only text nodes (it trusts the block to hold nothing but inline text): an
    // element the flat read does not allow (here a <noscript>, whose text the walk skips and
    // the text nodes alone would not) leaves the block without a map until it is re-read.
    const doc = loadPage('<!doctype html><html><body><p>Vitaly <b>Churkin</b> spoke.</p></body></html>');
    const out: TextRun[] = [];
    new RunWalker(builtinsFor(doc), doc.body, { descendBlock: () => true, onBlock: () => {}, onRun: (r) => out.push(r) }).step(() => false);
    expect(out[0]!.first).toBe(out[0]!.block);
    const b = doc.querySelector('b')!;
    const hidden = doc.createElement('noscript');
    hidden.append(b.firstChild!);
    b.append(hidden);
    expect(doc.querySelector('p')!.textContent).toBe('Vitaly Churkin spoke.');
    expect(out[0]!.pieces).toEqual([]);
  });
});
