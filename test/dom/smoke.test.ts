import { describe, expect, it } from 'vitest';
import { loadPage, startScanner, summary, collapse } from './helpers';

describe('PageScanner basics', () => {
  it('joins inline elements, not blocks', async () => {
    const doc = loadPage('<html><body><p><b>Vitaly</b> Churkin spoke.</p><h1>Vitaly</h1><p>Churkin</p><p>Ban said. Samantha Power met Ban Ki-moon, then Ban left.</p></body></html>');
    const h = startScanner(doc);
    await h.sched.settle();
    expect(h.errors).toEqual([]);
    expect(summary(h.scanner.mentions())).toEqual([
      { entity: 'vitaly-churkin', text: 'Vitaly Churkin' },
      { entity: 'vitaly-churkin', text: 'Churkin' },
      { entity: 'samantha-power', text: 'Samantha Power' },
      { entity: 'ban-ki-moon', text: 'Ban Ki-moon' },
      { entity: 'ban-ki-moon', text: 'Ban' },
    ]);
    for (const m of h.scanner.mentions()) expect(collapse(m.range.toString())).toBe(m.text);
  });
});
