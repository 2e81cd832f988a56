// A browser-neutral view of a DOM subtree read through the automation protocol, so tests can
// look inside Factcard's closed shadow root (which page scripts, and locators, cannot).

export interface SNode {
  /** Lower-case tag name for elements, '#text' for text, '#shadow' for a shadow root. */
  tag: string;
  attrs: Record<string, string>;
  text?: string;
  children: SNode[];
  /** A protocol handle for the node (CDP backendNodeId or BiDi sharedId), to box or click it. */
  ref?: string | number;
}

export function textOf(n: SNode): string {
  if (n.tag === '#text') return n.text ?? '';
  let s = '';
  for (const c of n.children) s += textOf(c);
  return s;
}

export function findAll(n: SNode, pred: (n: SNode) => boolean, out: SNode[] = []): SNode[] {
  if (pred(n)) out.push(n);
  for (const c of n.children) findAll(c, pred, out);
  return out;
}

/** Every element marked `data-fc="<name>"`. */
export function byFc(n: SNode, name: string): SNode[] {
  return findAll(n, (x) => x.attrs['data-fc'] === name);
}

export function oneFc(n: SNode, name: string): SNode {
  const [first] = byFc(n, name);
  if (!first) throw new Error(`no [data-fc="${name}"] in the card`);
  return first;
}

/** Plain data of the card that tests assert on. */
export interface CardView {
  root: SNode;
  entity: string;
  name: string;
  type: string;
  description: string | null;
  quotes: { text: string; speaker: string; href: string | null; original: string | null }[];
  text: string;
}

export function cardView(shadowRoot: SNode): CardView | null {
  const [card] = byFc(shadowRoot, 'card');
  if (!card) return null;
  const desc = byFc(card, 'description')[0];
  return {
    root: card,
    entity: card.attrs['data-entity'] ?? '',
    name: textOf(oneFc(card, 'name')).trim(),
    type: textOf(oneFc(card, 'type')).trim(),
    description: desc ? textOf(desc).trim() : null,
    quotes: byFc(card, 'quote').map((q) => ({
      text: textOf(oneFc(q, 'quote-text')),
      speaker: textOf(oneFc(q, 'quote-speaker')),
      href: byFc(q, 'quote-link')[0]?.attrs.href ?? null,
      original: byFc(q, 'original-link')[0]?.attrs.href ?? null,
    })),
    text: textOf(card),
  };
}
