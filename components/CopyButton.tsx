import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCitation, type CitationInput } from '../core/citation';
import { copyCitation, type CopyFn } from './clipboard';

export interface CopyButtonProps {
  citation: CitationInput;
  /** The button's accessible name, e.g. "Copy quote with citation". */
  label: string;
  /** Puts the citation on the clipboard; the real clipboard by default. */
  copy?: CopyFn;
  /** Shown text next to the icon (the viewer has room for it; the card shows the icon only). */
  text?: string;
}

export const COPIED_MESSAGE = 'Copied with citation';
/** How long the confirmation stays (a refusal stays until the next try). */
const CONFIRM_MS = 4000;

type Status = { kind: 'idle' } | { kind: 'copied'; via: string } | { kind: 'failed'; message: string };

/**
 * A copy control for one cited line. Its status sits in a polite live region beside it, there
 * from the start (a region added with its text is not reliably announced), so a screen reader
 * announces "Copied with citation", or why the copy failed, without moving focus.
 */
export function CopyButton({ citation, label, copy = copyCitation, text }: CopyButtonProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const onClick = (e: MouseEvent) => {
    // The card's links and the page must not take this click as theirs.
    e.preventDefault();
    e.stopPropagation();
    if (timer.current !== null) clearTimeout(timer.current);
    // The clipboard call starts here, synchronously, inside the click's user activation.
    const pending = copy(formatCitation(citation));
    void pending.then(
      (result) => {
        if (!live.current) return;
        if (result.ok) {
          setStatus({ kind: 'copied', via: result.via });
          timer.current = setTimeout(() => live.current && setStatus({ kind: 'idle' }), CONFIRM_MS);
        } else {
          setStatus({ kind: 'failed', message: result.message });
        }
      },
      () => live.current && setStatus({ kind: 'failed', message: 'Could not copy. Select the text and copy it instead.' }),
    );
  };

  const message = status.kind === 'copied' ? COPIED_MESSAGE : status.kind === 'failed' ? status.message : '';
  return (
    <span class="copy" data-fc="copy-wrap">
      <button type="button" class="copy-btn" data-fc="copy" aria-label={label} title={label} onClick={onClick}>
        <svg class="copy-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4" />
          <path d="M3.5 10.5h-0.5a1.5 1.5 0 0 1-1.5-1.5v-6a1.5 1.5 0 0 1 1.5-1.5h5a1.5 1.5 0 0 1 1.5 1.5v0.5" fill="none" stroke="currentColor" stroke-width="1.4" />
        </svg>
        {text ? <span class="copy-label">{text}</span> : null}
      </button>
      <span
        class={`copy-status${status.kind === 'failed' ? ' copy-failed' : ''}`}
        data-fc="copy-status"
        data-state={status.kind}
        data-via={status.kind === 'copied' ? status.via : undefined}
        role="status"
        aria-live="polite"
      >
        {message}
      </span>
    </span>
  );
}
