// Draws mentions with the CSS Custom Highlight API: one Highlight per entity type plus one for
// the hovered mention, styled by a constructed stylesheet adopted by the document. Nothing is
// written into the page's DOM: no wrapper elements, no split text nodes, no <style>.
//
// When the sheet is adopted matters more than anything else here: adding (or rewriting) a
// sheet with ::highlight() rules makes the browser recompute every element's style (highlight
// styles are inherited per element) — 250–700 ms in Chromium on the 2 MB benchmark page once
// it is styled, but nothing measurable while the page is still empty. So the content script
// calls `prepare()` as soon as the settings say the page is on, at document_start while the
// page is still parsing; the page's own first style computation then includes our rules.
// Otherwise the sheet is adopted at the first drawing, and rewritten only when its text
// changes (the reader changed the style). For the same reason, hiding the marks (while a hold
// key is up) takes the type highlights out of the registry — a repaint — and leaves the sheet
// alone.
//
// Nothing goes into the page's highlight registry or its adopted sheets before `prepare()` or
// the first drawing: on a site where the reader turned Factcard off (or before the settings
// say), the page cannot tell that Factcard is installed.

import { ENTITY_TYPES, type EntityType } from '../core/dataset-types';
import { DEFAULT_HIGHLIGHT_COLOR, type HighlightStyle } from '../core/settings';
import type { PageMention } from './page-mention';

/** The part of a `Highlight` we use. */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  clear(): void;
  priority: number;
  /** How many ranges it holds (a `Highlight` is set-like; fakes may leave it out). */
  readonly size?: number;
}

/** The part of `CSS.highlights` we use (tests pass a Map). */
export interface HighlightRegistryLike {
  set(name: string, h: HighlightLike): unknown;
  delete(name: string): unknown;
  get?(name: string): unknown;
}

export interface HighlighterOptions {
  style?: HighlightStyle;
  color?: string;
  /** Seam: the highlight registry (default `CSS.highlights` of the document's window). */
  registry?: HighlightRegistryLike;
  /** Seam: makes an empty highlight (default `new Highlight()`). */
  createHighlight?: () => HighlightLike;
  onError?: (e: unknown) => void;
}

export const TYPE_HIGHLIGHTS: Readonly<Record<EntityType, string>> = {
  person: 'factcard-person',
  organization: 'factcard-organization',
  group: 'factcard-group',
  place: 'factcard-place',
};
export const ACTIVE_HIGHLIGHT = 'factcard-active';
export const FLASH_HIGHLIGHT = 'factcard-flash';
export const DEFAULT_COLOR = DEFAULT_HIGHLIGHT_COLOR;

// A colour goes into stylesheet text: accept only shapes that cannot close the rule.
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([0-9a-z.,%/\s+-]{1,80}\))$/i;

export function safeColor(color: string | undefined): string {
  const c = (color ?? '').trim();
  return SAFE_COLOR.test(c) ? c : DEFAULT_COLOR;
}

/** The stylesheet text for a style and colour (exported for tests and the options preview). */
export function highlightCss(style: HighlightStyle, color: string | undefined): string {
  const c = safeColor(color);
  let base = '';
  if (style === 'underline') {
    base = `text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${c}; text-decoration-thickness: 1px;`;
  } else if (style === 'background') {
    base = `background-color: color-mix(in srgb, ${c} 14%, transparent);`;
  }
  let css = '';
  if (base) for (const t of ENTITY_TYPES) css += `::highlight(${TYPE_HIGHLIGHTS[t]}) { ${base} }\n`;
  css += `::highlight(${ACTIVE_HIGHLIGHT}) { background-color: color-mix(in srgb, ${c} 22%, transparent); `
    + `text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: ${c}; }\n`;
  css += `::highlight(${FLASH_HIGHLIGHT}) { background-color: color-mix(in srgb, ${c} 45%, transparent); }\n`;
  return css;
}

interface WinWithHighlights {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: new () => HighlightLike;
  CSSStyleSheet?: new () => CSSStyleSheet;
}

export class Highlighter {
  private readonly registry: HighlightRegistryLike | null;
  private readonly byType = new Map<EntityType, HighlightLike>();
  private readonly active: HighlightLike | null;
  private readonly flash: HighlightLike | null;
  private sheet: CSSStyleSheet | null = null;
  private sheetText = '';
  /**
   * Set by `prepare()` or the first drawing: from then on the highlights are kept registered
   * and the sheet adopted (re-registered if the page removed them); before, nothing is.
   */
  private sheetWanted = false;
  private style: HighlightStyle;
  private color: string | undefined;
  private destroyed = false;
  private typesHidden = false;
  /** What the type highlights hold: the last drawn list, and how many ranges that put in each. */
  private drawn: { list: readonly PageMention[]; sizes: Map<EntityType, number> } | null = null;

  constructor(private readonly doc: Document, private readonly opts: HighlighterOptions = {}) {
    const win = doc.defaultView as unknown as WinWithHighlights | null;
    this.registry = opts.registry ?? win?.CSS?.highlights ?? null;
    const HighlightCtor = win?.Highlight;
    const create = opts.createHighlight ?? (HighlightCtor ? () => new HighlightCtor() : null);
    this.style = opts.style ?? 'underline';
    this.color = opts.color;
    if (!this.registry || !create) {
      // No Highlight API: scanning and hover still work, nothing is drawn.
      this.active = null;
      this.flash = null;
      return;
    }
    for (const t of ENTITY_TYPES) this.byType.set(t, create());
    this.active = create();
    this.active.priority = 2;
    this.flash = create();
    this.flash.priority = 3;
    this.guard(() => {
      this.sheet = win?.CSSStyleSheet ? new win.CSSStyleSheet() : null;
      this.sheetText = highlightCss(this.style, this.color);
      this.sheet?.replaceSync(this.sheetText);
    });
  }

  /**
   * Registers the highlights and adopts the stylesheet now, before there is anything to draw:
   * called as soon as the settings say the page is on, while the page is still parsing, when
   * it costs the page nothing (see the top of this file).
   */
  prepare(): void {
    if (this.destroyed) return;
    this.sheetWanted = true;
    this.guard(() => this.register());
  }

  /** The stylesheet is adopted (drawing will not restyle the page). */
  get styled(): boolean {
    const sheets = (this.doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets;
    return !!this.sheet && !!sheets && sheets.includes(this.sheet);
  }

  /** The stylesheet text in use (the options page's preview, tests). */
  get cssText(): string {
    return highlightCss(this.style, this.color);
  }

  /**
   * Draws exactly these mentions. The same mentions as last time (the scan's last publish on a
   * page whose drawn window did not move) are only re-registered: clearing and refilling the
   * highlights with the same ranges would cost the adds (~1 ms for 206 ranges in Firefox) and
   * make the browser repaint every highlight for nothing. Unless the page emptied one of them.
   */
  update(mentions: readonly PageMention[]): void {
    if (this.destroyed) return;
    this.guard(() => {
      if (mentions.length > 0) this.sheetWanted = true;
      if (!this.holds(mentions)) {
        for (const h of this.byType.values()) h.clear();
        this.drawn = null;
        const sizes = new Map<EntityType, number>();
        for (let i = 0; i < mentions.length; i++) {
          const m = mentions[i];
          const h = m && this.byType.get(m.type);
          if (!h) continue;
          h.add(m.drawRange);
          sizes.set(m.type, (sizes.get(m.type) ?? 0) + 1);
        }
        this.drawn = { list: mentions, sizes };
      }
      this.register();
    });
  }

  setActive(m: PageMention | null): void {
    if (this.destroyed || !this.active) return;
    const active = this.active;
    this.guard(() => {
      if (m) this.sheetWanted = true;
      active.clear();
      if (m) active.add(m.range);
      this.register();
    });
  }

  /** Briefly emphasise a range (scroll-to-mention). `null` clears. */
  setFlash(range: AbstractRange | null): void {
    if (this.destroyed || !this.flash) return;
    const flash = this.flash;
    this.guard(() => {
      if (range) this.sheetWanted = true;
      flash.clear();
      if (range) flash.add(range);
      this.register();
    });
  }

  setStyle(style: HighlightStyle, color?: string): void {
    if (this.destroyed) return;
    this.style = style;
    if (color !== undefined) this.color = color;
    this.guard(() => {
      const text = highlightCss(this.style, this.color);
      if (text !== this.sheetText) {
        this.sheetText = text;
        this.sheet?.replaceSync(text);
      }
      this.register();
    });
  }

  /**
   * Hides (or shows again) the mentions' marks without touching the stylesheet: the type
   * highlights leave the registry, which costs a repaint rather than a restyle of the page.
   * The hovered and flashed mentions still show.
   */
  setTypesHidden(hidden: boolean): void {
    if (this.destroyed || hidden === this.typesHidden) return;
    this.typesHidden = hidden;
    this.guard(() => {
      const reg = this.registry;
      if (reg && hidden) for (const t of ENTITY_TYPES) this.unregister(reg, TYPE_HIGHLIGHTS[t], this.byType.get(t));
      this.register();
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.guard(() => {
      const reg = this.registry;
      if (reg) {
        for (const t of ENTITY_TYPES) this.unregister(reg, TYPE_HIGHLIGHTS[t], this.byType.get(t));
        this.unregister(reg, ACTIVE_HIGHLIGHT, this.active);
        this.unregister(reg, FLASH_HIGHLIGHT, this.flash);
      }
      for (const h of this.byType.values()) h.clear();
      this.drawn = null;
      this.removeSheet();
    });
  }

  /** The type highlights hold these mentions' ranges already, as far as their sizes tell. */
  private holds(mentions: readonly PageMention[]): boolean {
    const drawn = this.drawn;
    if (!drawn) return false;
    const list = drawn.list;
    if (list !== mentions) {
      if (list.length !== mentions.length) return false;
      for (let i = 0; i < list.length; i++) if (list[i] !== mentions[i]) return false;
    }
    for (const [t, h] of this.byType) {
      const size = h.size;
      if (size !== undefined && size !== (drawn.sizes.get(t) ?? 0)) return false;
    }
    return true;
  }

  private unregister(reg: HighlightRegistryLike, name: string, h: HighlightLike | null | undefined): void {
    if (!h) return;
    if (typeof reg.get === 'function' && reg.get(name) !== h) return; // someone else's now
    reg.delete(name);
  }

  /** (Re-)register our highlights and sheet: the page may have cleared either. */
  private register(): void {
    if (!this.sheetWanted) return;
    const reg = this.registry;
    if (reg) {
      if (!this.typesHidden) for (const t of ENTITY_TYPES) this.ensure(reg, TYPE_HIGHLIGHTS[t], this.byType.get(t));
      this.ensure(reg, ACTIVE_HIGHLIGHT, this.active);
      this.ensure(reg, FLASH_HIGHLIGHT, this.flash);
    }
    this.ensureSheet();
  }

  private ensure(reg: HighlightRegistryLike, name: string, h: HighlightLike | null | undefined): void {
    if (!h) return;
    if (typeof reg.get === 'function' && reg.get(name) === h) return;
    reg.set(name, h);
  }

  private ensureSheet(): void {
    const sheet = this.sheet;
    if (!sheet || !this.sheetWanted) return;
    const doc = this.doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] };
    const current = doc.adoptedStyleSheets;
    if (!current) return;
    const next: CSSStyleSheet[] = [];
    for (let i = 0; i < current.length; i++) {
      const s = current[i];
      if (s === sheet) return;
      if (s) next[next.length] = s;
    }
    next[next.length] = sheet;
    // Append, never replace the page's own sheets.
    doc.adoptedStyleSheets = next;
  }

  private removeSheet(): void {
    const sheet = this.sheet;
    const doc = this.doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] };
    const current = doc.adoptedStyleSheets;
    if (!sheet || !current) return;
    const next: CSSStyleSheet[] = [];
    let found = false;
    for (let i = 0; i < current.length; i++) {
      const s = current[i];
      if (s === sheet) found = true;
      else if (s) next[next.length] = s;
    }
    if (found) doc.adoptedStyleSheets = next;
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      try {
        this.opts.onError?.(e);
      } catch {
        /* never throw to the page */
      }
    }
  }
}
