// Callbacks that run on the page's event loop must never throw into it: errors go to the
// caller's onError, and an onError that throws is swallowed too.

export function guarded(f: () => void, onError: ((e: unknown) => void) | undefined): void {
  try {
    f();
  } catch (e) {
    try {
      onError?.(e);
    } catch {
      /* never throw to the page */
    }
  }
}
