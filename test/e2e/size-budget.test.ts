// Size budget of the content script, the one benchmark figure that is deterministic and so may
// fail the build. It is injected into every page the user opens: parse and compile cost grow
// with it. The budget has headroom over today's size (about 110 kB raw, 40 kB gzip, the
// compiled dataset index included); raise it deliberately, in review, never silently.
// `npm run bench` prints the current figures (bench/size.ts).

import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_BUDGET as BUDGET, contentScriptFiles, contentScriptSize } from '../../bench/size';
import { assertBuilt } from './harness';

describe('content script size budget', () => {
  it.each(['chrome', 'firefox'] as const)('%s build: content.js within %o', (target) => {
    assertBuilt();
    const size = contentScriptSize(target);
    expect(size, `${target} content script is built`).not.toBeNull();
    expect(size!.raw, `raw bytes (budget ${BUDGET.raw})`).toBeLessThanOrEqual(BUDGET.raw);
    expect(size!.gzip, `gzip bytes (budget ${BUDGET.gzip})`).toBeLessThanOrEqual(BUDGET.gzip);
  });

  it('the content script is one file (no lazily loaded chunks to account for)', () => {
    expect(contentScriptFiles().filter((f) => f.endsWith('.js'))).toEqual(['content.js']);
  });
});
