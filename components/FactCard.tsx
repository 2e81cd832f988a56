import { useState } from 'preact/hooks';
import type { CardModel, CitedLine } from '../core/card-model';
import type { ViewerTarget } from '../core/links';
import { formatDate, plural, TYPE_LABEL } from './format';
import { CopyButton } from './CopyButton';
import type { CopyFn } from './clipboard';

export interface FactCardProps {
  card: CardModel;
  /** The viewer's deep link for a span (shown as the link's address, copyable). */
  viewerHref: (t: ViewerTarget) => string;
  /** Puts a line's citation on the clipboard (the copy controls); the real clipboard by default. */
  copy?: CopyFn;
  /** Opens the viewer (the page cannot open extension pages itself). */
  onOpenSource: (t: ViewerTarget) => void;
  onSelectEntity: (id: string) => void;
  onClose: () => void;
  /** How many quotes and statements show before "more". */
  initialCount?: number;
}

export function FactCard({ card, viewerHref, copy, onOpenSource, onSelectEntity, onClose, initialCount = 2 }: FactCardProps) {
  const [allQuotes, setAllQuotes] = useState(false);
  const [allStatements, setAllStatements] = useState(false);
  const [allAbout, setAllAbout] = useState(false);
  const target = (line: CitedLine): ViewerTarget => ({ source: line.source, start: line.start, end: line.end, entity: card.id });
  const sourceLink = (line: CitedLine, label: string, kind: string) => (
    <a
      class="src"
      data-fc={kind}
      href={viewerHref(target(line))}
      title={`Open ${line.outlet}, ${formatDate(line.published)} at this passage`}
      onClick={(e) => {
        e.preventDefault();
        onOpenSource(target(line));
      }}
    >
      {label}
    </a>
  );
  const originalLink = (line: CitedLine) =>
    line.original ? (
      <a class="orig" data-fc="original-link" href={line.original} target="_blank" rel="noopener noreferrer" title="The original article, scrolled to this passage">
        original ↗
      </a>
    ) : null;
  /** Lines from the reader's own library say so. */
  const libraryMark = (line: CitedLine) =>
    line.library ? (
      <span class="lib" data-fc="library-line" title="From an article in your library">
        your library
      </span>
    ) : null;
  const quotes = allQuotes ? card.quotes : card.quotes.slice(0, initialCount);
  const statements = allStatements ? card.statements : card.statements.slice(0, initialCount);
  const saidAbout = allAbout ? card.saidAbout : card.saidAbout.slice(0, initialCount);
  // The first role is the description line; the others follow it, each with its source.
  const otherRoles = card.roles.filter((r) => !(card.description && r.source === card.description.source && r.start === card.description.start));
  const nameId = `fc-name-${card.id}`;

  return (
    <div class="card" data-fc="card" data-entity={card.id} role="dialog" aria-modal="false" aria-labelledby={nameId} tabIndex={-1}>
      <header class="head">
        <div>
          <span class={`type type-${card.type}`} data-fc="type">
            {TYPE_LABEL[card.type]}
          </span>
          <h2 id={nameId} data-fc="name">
            {card.name}
          </h2>
        </div>
        <button type="button" class="close" aria-label="Close card" data-fc="close" onClick={onClose}>
          ×
        </button>
      </header>
      {card.description ? (
        <p class="desc" data-fc="description">
          {card.description.text}
          <sup>{sourceLink(card.description, `${card.description.outlet}`, 'description-link')}</sup> {libraryMark(card.description)}
        </p>
      ) : null}
      {otherRoles.length > 0 ? (
        <ul class="roles" aria-label="Other roles the sources state">
          {otherRoles.map((r) => (
            <li data-fc="role" key={`${r.source}:${r.start}`}>
              {r.text} <span class="meta">· {sourceLink(r, `${r.outlet}, ${formatDate(r.published)}`, 'role-link')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {quotes.length > 0 ? (
        <section aria-label="Quotes">
          <h3>Said</h3>
          {quotes.map((q) => (
            <figure class="quote" data-fc="quote" key={q.id}>
              <blockquote data-fc="quote-text">{q.text}</blockquote>
              <figcaption>
                <span data-fc="quote-speaker">{q.speakerName}</span>
                <span class="meta">
                  {' · '}
                  {q.outlet}
                  {q.published ? `, ${formatDate(q.published)}` : ''}
                </span>{' '}
                {libraryMark(q)}
                <span class="links">
                  {sourceLink(q, 'in source', 'quote-link')}
                  {originalLink(q)}
                  <CopyButton label="Copy quote with citation" copy={copy} citation={{ kind: 'quote', text: q.text, speaker: q.speakerName, outlet: q.outlet, published: q.published, original: q.original, library: q.library === true }} />
                </span>
                {q.alsoIn.length > 0 ? (
                  <span class="also" data-fc="quote-also">
                    {' '}
                    also {q.alsoIn.map((o, i) => [i > 0 ? ', ' : '', sourceLink(o, `${o.outlet}, ${formatDate(o.published)}`, 'quote-also-link')])}
                    {q.wordingDiffers ? <span data-fc="quote-wording"> (worded differently)</span> : null}
                  </span>
                ) : null}
                {q.reason ? (
                  <span class="reason" data-fc="quote-reason" title={q.context}>
                    {q.reason}
                  </span>
                ) : null}
              </figcaption>
            </figure>
          ))}
          {card.quotes.length > quotes.length ? (
            <button type="button" class="more" data-fc="more-quotes" onClick={() => setAllQuotes(true)}>
              {plural(card.quotes.length - quotes.length, 'more quote')}
            </button>
          ) : null}
        </section>
      ) : null}
      {statements.length > 0 ? (
        <section aria-label="Reported">
          <h3>Reported</h3>
          <ul class="statements">
            {statements.map((s) => (
              <li data-fc="statement" key={`${s.source}:${s.start}`}>
                <span data-fc="statement-text">{s.text}</span> {sourceLink(s, s.outlet, 'statement-link')} {libraryMark(s)}
                <CopyButton label="Copy statement with citation" copy={copy} citation={{ kind: 'statement', text: s.text, speaker: card.name, outlet: s.outlet, published: s.published, original: s.original, library: s.library === true }} />
              </li>
            ))}
          </ul>
          {card.statements.length > statements.length ? (
            <button type="button" class="more" data-fc="more-statements" onClick={() => setAllStatements(true)}>
              {plural(card.statements.length - statements.length, 'more line')}
            </button>
          ) : null}
        </section>
      ) : null}
      {saidAbout.length > 0 ? (
        <section aria-label="Said about">
          <h3>Said about</h3>
          <ul class="statements">
            {saidAbout.map((a) => (
              <li data-fc="about" data-kind={a.kind} key={a.id}>
                {a.speakerName ? <span class="who" data-fc="about-speaker">{a.speakerName}: </span> : null}
                <span data-fc="about-text">{a.kind === 'quote' ? `“${a.text}”` : a.text}</span> {sourceLink(a, a.outlet, 'about-link')}
                <CopyButton
                  label={a.kind === 'quote' ? 'Copy quote with citation' : 'Copy statement with citation'}
                  copy={copy}
                  citation={{ kind: a.kind, text: a.text, speaker: a.speakerName, outlet: a.outlet, published: a.published, original: a.original, library: a.library === true }}
                />
              </li>
            ))}
          </ul>
          {card.saidAbout.length > saidAbout.length ? (
            <button type="button" class="more" data-fc="more-about" onClick={() => setAllAbout(true)}>
              {plural(card.saidAbout.length - saidAbout.length, 'more line')}
            </button>
          ) : null}
        </section>
      ) : null}
      {card.mentioned ? (
        <section aria-label="Mentioned">
          <h3>In the sources</h3>
          <p class="mentioned" data-fc="mentioned">
            {card.mentioned.text} {sourceLink(card.mentioned, card.mentioned.outlet, 'mentioned-link')}
          </p>
        </section>
      ) : null}
      {card.related.length > 0 ? (
        <section aria-label="Mentioned with">
          <h3>Mentioned with</h3>
          <div class="related">
            {card.related.slice(0, 8).map((r) => (
              <button type="button" class={`chip type-${r.type}`} data-fc="related" data-entity={r.id} key={r.id} onClick={() => onSelectEntity(r.id)}>
                {r.name}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      <footer class="foot" data-fc="source-count">
        Appears in {plural(card.sourceCount, 'source')} · Factcard
      </footer>
    </div>
  );
}
