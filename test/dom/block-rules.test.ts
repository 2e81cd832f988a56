// The flat-read rule: which blocks text-runs.ts may read with one textContent.
import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS, BREAK_TAGS, FLAT_INLINE_TAGS, NOT_FLAT_SELECTOR, SKIP_TAGS } from '../../dom/block-rules';
import { loadPage } from './helpers';

describe('flat blocks', () => {
  it('allows only inline tags that are neither blocks, breaks nor skipped', () => {
    for (const t of FLAT_INLINE_TAGS) {
      expect(BLOCK_TAGS.has(t) || BREAK_TAGS.has(t) || SKIP_TAGS.has(t), t).toBe(false);
    }
  });

  it('finds what makes a block more than inline text, and nothing in plain inline text', () => {
    const doc = loadPage(`<!doctype html><body>
      <p id="plain">Vitaly <a href="#">Churkin</a> <em>said</em> <span><b>it</b><wbr></span> <q>twice</q>.</p>
      <p id="nested">a <span><div>b</div></span></p>
      <p id="br">a<br>b</p>
      <p id="img">a <img alt=""> b</p>
      <p id="script">a <script>b</script></p>
      <p id="editable">a <span contenteditable="true">b</span></p>
      <p id="editable-false">a <span contenteditable="false">b</span></p>
      <p id="role">a <span role="textbox">b</span></p>
      <p id="custom">a <x-note>b</x-note></p>
      <p id="own">a <factcard-host></factcard-host></p>
    </body>`);
    const flat = [...doc.querySelectorAll('p')].filter((p) => p.querySelector(NOT_FLAT_SELECTOR) === null).map((p) => p.id);
    // contenteditable="false" is read by the walk too; any such attribute just takes the walk.
    expect(flat).toEqual(['plain']);
  });
});
