// Size budgets of the content scripts, the one benchmark figure that is deterministic and so may
// fail the build. The document_start script is injected into every page and frame the user
// opens, before its first paint: parse and compile cost grow with it. The card UI's script
// comes at document_idle (entrypoints/content/card-ui.ts). Each budget has headroom over
// today's size; raise it deliberately, in review, never silently. `npm run bench` prints the
// current figures (bench/size.ts).

import { describe, expect, it } from 'vitest';
import { CARD_SCRIPT_BUDGET, CONTENT_SCRIPT_BUDGET, contentScriptFiles, contentScriptSize, type ContentScriptName } from '../../bench/size';
import { assertBuilt } from './harness';

const BUDGETS: [ContentScriptName, { raw: number; gzip: number }][] = [['content', CONTENT_SCRIPT_BUDGET], ['card', CARD_SCRIPT_BUDGET]];

describe('content script size budgets', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    it.each(BUDGETS)(`${target} build: %s.js within %o`, (name, budget) => {
      assertBuilt();
      const size = contentScriptSize(target, name);
      expect(size, `${target} ${name}.js is built`).not.toBeNull();
      expect(size!.raw, `raw bytes (budget ${budget.raw})`).toBeLessThanOrEqual(budget.raw);
      expect(size!.gzip, `gzip bytes (budget ${budget.gzip})`).toBeLessThanOrEqual(budget.gzip);
    });
  }

  it('each content script is one file (no lazily loaded chunks to account for)', () => {
    expect(contentScriptFiles().filter((f) => f.endsWith('.js'))).toEqual(['card.js', 'content.js']);
  });
});
