// Pairs quote marks within a paragraph: curly “…”, straight "…", and single ‘…’ / '…'
// (a single mark between letters is an apostrophe, never a quote).

import { isWordChar } from './text';
import type { Paragraph } from './segment';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when the quote runs on). */
  end: number;
  /** The quoted words, without the marks. */
  innerStart: number;
  innerEnd: number;
  /** false when the quote is not closed in its paragraph (a quote running into the next). */
  closed: boolean;
  paragraph: number;
}

const DOUBLE_OPEN = '\u201C';
const DOUBLE_CLOSE = '\u201D';
const SINGLE_OPEN = '\u2018';
const SINGLE_CLOSE = '\u2019';

/** True when the character at `i` is a single quote mark used as an apostrophe. */
export function isApostrophe(text: string, i: number): boolean {
  const c = text[i];
  if (c !== "'" && c !== SINGLE_CLOSE) return false;
  const before = text[i - 1];
  const after = text[i + 1];
  // don't, U.N.'s, children's; a trailing possessive (Syrians') has no opener and is left alone.
  return (isWordChar(before) || before === '.') && isWordChar(after);
}

function canOpenSingle(text: string, i: number, start: number): boolean {
  const before = i > start ? text[i - 1] : undefined;
  return (before === undefined || /[\s([{\u2014\u2013-]/.test(before)) && isWordChar(text[i + 1]);
}

function canCloseSingle(text: string, i: number): boolean {
  return !isWordChar(text[i + 1]) && !/\s/.test(text[i - 1] ?? ' ');
}

export function quoteSpans(text: string, paragraph: Paragraph): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let double: { open: number } | null = null;
  let single: { open: number } | null = null;
  const close = (open: number, closeAt: number): void => {
    out.push({ open, end: closeAt + 1, innerStart: open + 1, innerEnd: closeAt, closed: true, paragraph: paragraph.index });
  };
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i];
    if (c === DOUBLE_OPEN) {
      if (!double) double = { open: i };
    } else if (c === DOUBLE_CLOSE) {
      if (double) {
        close(double.open, i);
        double = null;
      }
    } else if (c === '"') {
      if (double) {
        close(double.open, i);
        double = null;
      } else double = { open: i };
    } else if (c === SINGLE_OPEN || c === "'" || c === SINGLE_CLOSE) {
      if (isApostrophe(text, i)) continue;
      if (single && canCloseSingle(text, i)) {
        close(single.open, i);
        single = null;
      } else if (!single && c !== SINGLE_CLOSE && canOpenSingle(text, i, paragraph.start)) {
        single = { open: i };
      }
    }
  }
  for (const pending of [double, single]) {
    if (pending) {
      out.push({ open: pending.open, end: paragraph.end, innerStart: pending.open + 1, innerEnd: paragraph.end, closed: false, paragraph: paragraph.index });
    }
  }
  return out.sort((a, b) => a.open - b.open);
}
