import { useEffect, useRef } from 'preact/hooks';
import type { Source, Span } from '../core/dataset-types';
import type { CitationKind } from '../core/citation';
import { originalLink } from '../core/links';
import { formatDate } from './format';
import { CopyButton } from './CopyButton';
import type { CopyFn } from './clipboard';

export interface SourceViewerProps {
  source: Source;
  /** The cited span to show, or null to show the article alone. */
  span: Span | null;
  /** The entity whose citations the reader steps through, with its name. */
  entity: { id: string; name: string } | null;
  /** That entity's citations in this source, in order. */
  citations: Span[];
  onStep: (span: Span) => void;
  /** The source is an article from the reader's library. */
  library?: boolean;
  /** What the cited span is (a quote and its speaker, a statement and whom it reports), for the copied citation; an excerpt by default. */
  cite?: { kind: CitationKind; speaker: string | null };
  /** Puts the citation on the clipboard; the real clipboard by default. */
  copy?: CopyFn;
}

interface Piece {
  text: string;
  marked: boolean;
  start: number;
}

/** One paragraph (line) of the source split around the cited span. */
function pieces(text: string, from: number, span: Span | null): Piece[] {
  if (!span || span.end <= from || span.start >= from + text.length || span.end <= span.start) return [{ text, marked: false, start: from }];
  const a = Math.max(0, span.start - from);
  const b = Math.min(text.length, span.end - from);
  return [
    { text: text.slice(0, a), marked: false, start: from },
    { text: text.slice(a, b), marked: true, start: from + a },
    { text: text.slice(b), marked: false, start: from + b },
  ].filter((p) => p.text.length > 0);
}

export function SourceViewer({ source, span, entity, citations, onStep, library = false, cite, copy }: SourceViewerProps) {
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const mark = markRef.current;
    if (!mark) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    mark.focus({ preventScroll: true });
  }, [source.id, span?.start, span?.end]);

  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const line of source.text.split('\n')) {
    lines.push({ text: line, start: offset });
    offset += line.length + 1;
  }
  const at = span ? citations.findIndex((c) => c.start === span.start && c.end === span.end) : -1;
  const prev = at > 0 ? citations[at - 1] : undefined;
  const next = at >= 0 && at < citations.length - 1 ? citations[at + 1] : undefined;
  const original = span ? originalLink(source.url, source.text, span) : source.url;
  let firstMark = true;
  const stepper = entity !== null && citations.length > 0;
  const copyButton = span ? (
    <CopyButton
      label="Copy the cited passage with citation"
      text="Copy with citation"
      copy={copy}
      citation={{
        kind: cite?.kind ?? 'excerpt',
        text: source.text.slice(span.start, span.end),
        speaker: cite?.speaker ?? null,
        outlet: source.outlet,
        published: source.published,
        original,
        sourceUrl: source.url,
        library,
      }}
    />
  ) : null;

  return (
    <article class="viewer" data-fc="viewer" data-source={source.id}>
      <header class="meta">
        <p class="kicker">
          <span data-fc="outlet">{source.outlet}</span> · <time dateTime={source.published}>{formatDate(source.published)}</time>
          {source.dateline ? <> · {source.dateline}</> : null}
          {library ? (
            <>
              {' · '}
              <span class="library" data-fc="library-badge">
                from your library
              </span>
            </>
          ) : null}
        </p>
        <h1 data-fc="title">
          {source.title}
          {source.titleDerived ? <span class="derived" title="The article text carries no headline; Factcard derived this one."> (headline derived)</span> : null}
        </h1>
        {original || (copyButton && !stepper) ? (
          <p class="orig">
            {original ? (
              <a href={original} target="_blank" rel="noopener noreferrer" data-fc="original-link">
                Open the original article{span ? ' at this passage' : ''} ↗
              </a>
            ) : null}
            {/* With a stepper, the copy control sits in it: sticky, so in view beside the highlight. */}
            {stepper ? null : copyButton}
          </p>
        ) : null}
      </header>
      {entity && stepper ? (
        <nav class="stepper" aria-label={`Citations of ${entity.name}`} data-fc="stepper">
          <span>
            {entity.name}: citation <strong data-fc="position">{at >= 0 ? at + 1 : '–'}</strong> of {citations.length} in this article
          </span>
          <button type="button" disabled={!prev} onClick={() => prev && onStep(prev)} data-fc="prev">
            ‹ Previous
          </button>
          <button type="button" disabled={!next} onClick={() => next && onStep(next)} data-fc="next">
            Next ›
          </button>
          {copyButton}
        </nav>
      ) : null}
      <div class="text" data-fc="text">
        {lines.map((line) =>
          line.text.trim() === '' ? null : (
            <p key={line.start} data-start={line.start}>
              {pieces(line.text, line.start, span).map((p) =>
                p.marked ? (
                  <mark key={p.start} data-fc="cited" tabIndex={-1} ref={firstMark ? ((firstMark = false), markRef) : undefined}>
                    {p.text}
                  </mark>
                ) : (
                  p.text
                ),
              )}
            </p>
          ),
        )}
      </div>
    </article>
  );
}
