// The fact card in both browsers: hover intent, the right card for each name, placement,
// isolation from the page, keyboard, and light/dark screenshots.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../core/dataset-types';
import { loadDataset } from './harness/seed-page';
import { highlightTexts, hoverForCard, openCard, sleep, waitForMarks, waitForNoCard } from './harness/card-helpers';
import { ARTIFACTS, assertBuilt, BROWSERS, byFc, launch, poll, startServer, textOf, wordCenter, type Driver, type PageServer, type TestPage } from './harness';

let dataset: Dataset;
const sourceWith = (needle: string) => {
  const s = dataset.sources.find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no source contains ${needle}`);
  return s.id;
};

const CORNER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Corner</title>
<style>html,body{margin:0;height:100%;overflow:hidden;font:16px/1.4 serif}
p{position:fixed;right:4px;bottom:2px;margin:0;white-space:nowrap}</style></head>
<body><p>Russian Ambassador to the UN Vitaly Churkin spoke last. Churkin</p></body></html>`;

const RTL_PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>RTL</title>
<style>body{font:18px/1.6 serif;margin:40px 80px}</style></head>
<body><p>قال السفير الروسي لدى الأمم المتحدة Vitaly Churkin إن السلام مهمة شبه مستحيلة الآن، وكرر Churkin موقفه.</p></body></html>`;

const FULLSCREEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fullscreen</title>
<style>#stage{background:#fff;padding:40px;font:18px/1.6 serif}</style></head>
<body><div id="stage"><p>Russian Ambassador to the UN Vitaly Churkin spoke, and Churkin left.</p>
<button id="go" onclick="document.getElementById('stage').requestFullscreen()">Full screen</button></div></body></html>`;

const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title></head>
<body><article><p>Russian Ambassador to the UN Vitaly Churkin conceded that the surge in violence meant peace was hard.</p>
<p>Later, Churkin again laid blame on the US.</p></article>
<script>
  window.attempts = { shadowRoots: 0, linksRewritten: 0, hostsSeen: 0, keys: 0 };
  // Bubbling listeners, as page shortcuts use: keys typed in the card must not reach them.
  // (A capture listener above the card sees a retargeted event before any extension can act.)
  document.addEventListener('keydown', () => window.attempts.keys++);
  window.addEventListener('keypress', () => window.attempts.keys++);
  setInterval(() => {
    for (const host of document.querySelectorAll('factcard-host')) {
      window.attempts.hostsSeen++;
      if (host.shadowRoot) window.attempts.shadowRoots++;
      for (const a of host.querySelectorAll('a')) { a.href = 'https://evil.example/'; window.attempts.linksRewritten++; }
      host.textContent = 'pwned';
    }
    for (const a of document.querySelectorAll('a')) { a.href = 'https://evil.example/'; }
  }, 20);
</script></body></html>`;

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe.each(BROWSERS)('%s: the fact card', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let afp: TestPage;

  beforeAll(async () => {
    server = await startServer({
      '/corner.html': { type: 'text/html; charset=utf-8', body: CORNER_PAGE },
      '/hostile.html': { type: 'text/html; charset=utf-8', body: HOSTILE_PAGE },
      '/rtl.html': { type: 'text/html; charset=utf-8', body: RTL_PAGE },
      '/fullscreen.html': { type: 'text/html; charset=utf-8', body: FULLSCREEN_PAGE },
    });
    driver = await launch(browserName);
    afp = await driver.open(server.url(`/seed/${sourceWith('Rycroft')}.html`));
    await waitForMarks(afp, 5);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('hovering "Rycroft" opens his card, with the AFP role and his quotes', async () => {
    const card = await hoverForCard(afp, 'Rycroft');
    expect(card.entity).toBe('matthew-rycroft');
    expect(card.name).toBe('Matthew Rycroft');
    expect(card.description).toContain('British Ambassador to the UN');
    expect(card.quotes.map((q) => q.text).join(' | ')).toContain('It is difficult to deny that Russia is partnering with the Syrian regime');
    expect(card.quotes.every((q) => q.speaker === 'Matthew Rycroft')).toBe(true);
    // Each quote says, quietly, how its speaker was found; the role links to its source.
    const reasons = byFc(card.root, 'quote-reason').map((n) => textOf(n));
    expect(reasons[0]).toContain('Speaker named in the sentence');
    expect(byFc(card.root, 'quote-reason')[0]?.attrs.title).toContain('It is difficult to deny');
    expect(byFc(card.root, 'description-link')[0]?.attrs.href).toMatch(/viewer\.html#/);
    await afp.press('Escape');
    await waitForNoCard(afp);
  });

  it("Ban's card lists his roles from both sources, each with its source link", async () => {
    const card = await hoverForCard(afp, 'Ban Ki-moon');
    expect(card.entity).toBe('ban-ki-moon');
    expect(card.description).toContain('UN Secretary-General');
    const roles = byFc(card.root, 'role');
    expect(roles.map((r) => textOf(r)).join(' | ')).toContain('U.N. Secretary-General');
    expect(byFc(roles[0]!, 'role-link')[0]?.attrs.href).toMatch(/viewer\.html#/);
    await afp.press('Escape');
    await waitForNoCard(afp);
  });

  it("Russia's card shows what the sources say about it, with speakers and sources", async () => {
    const card = await hoverForCard(afp, 'Russia');
    expect(card.entity).toBe('russia');
    const about = byFc(card.root, 'about');
    expect(about.length).toBeGreaterThan(0);
    const lines = about.map((a) => textOf(a)).join(' | ');
    expect(lines).toMatch(/Samantha Power: |United States: /);
    expect(byFc(about[0]!, 'about-link')[0]?.attrs.href).toMatch(/viewer\.html#/);
    await afp.press('Escape');
    await waitForNoCard(afp);
  });

  it('hovering "White Helmets" on the VOA page opens the White Helmets card', async () => {
    const voa = await driver.open(server.url(`/seed/${sourceWith('White Helmets')}.html`));
    await waitForMarks(voa, 5);
    const card = await hoverForCard(voa, 'White Helmets');
    expect(card.entity).toBe('white-helmets');
    expect(card.type).toMatch(/group|organi/i);
    const entity = dataset.entities.find((e) => e.id === 'white-helmets');
    if (entity?.description) expect(card.description).toContain(entity.description.text);
    await voa.close();
  });

  it('while the pointer rests on a name nothing of ours enters the page before the dwell ends (the card is made ready out of it)', async () => {
    await afp.mouseMove(5, 5, 1);
    await waitForNoCard(afp, 'no card before the test');
    await afp.evaluate(() => {
      const w = window as unknown as { added: string[] };
      w.added = [];
      new MutationObserver((rs) => {
        for (const r of rs) for (const n of r.addedNodes) w.added.push(n.nodeName);
      }).observe(document, { childList: true, subtree: true });
    });
    const { x, y } = await wordCenter(afp, 'Matthew Rycroft');
    await afp.mouseMove(x, y, 1);
    // Past the moment the card is prepared (100 ms into the 350 ms dwell), before the dwell ends.
    await sleep(220);
    expect(await afp.evaluate(() => (window as unknown as { added: string[] }).added)).toEqual([]);
    expect(await openCard(afp)).toBeNull();
    const card = await poll(() => openCard(afp), 'the card once the dwell ends');
    expect(card.entity).toBe('matthew-rycroft');
    expect(await afp.evaluate(() => (window as unknown as { added: string[] }).added)).toEqual(['FACTCARD-HOST']);
    await afp.mouseMove(5, 5, 3);
    await waitForNoCard(afp);
  });

  it('a fast sweep across names opens nothing', async () => {
    const a = await wordCenter(afp, 'Matthew Rycroft');
    await afp.mouseMove(20, a.y, 1);
    // One fast pass over the whole line, through the names, and off the text.
    await afp.mouseMove(1260, a.y, 6);
    await sleep(900);
    expect(await openCard(afp)).toBeNull();
  });

  it('moving from the name into the card keeps it open; leaving it closes it', async () => {
    await hoverForCard(afp, 'Churkin', 1);
    const root = await afp.readShadow();
    const card = root ? byFc(root, 'card')[0] : undefined;
    const box = await afp.boxOf(card?.ref ?? -1);
    const from = await wordCenter(afp, 'Churkin', 1);
    const target = { x: box.x + Math.min(60, box.width / 2), y: box.y + box.height / 2 };
    // A slow, deliberate trip into the card (longer than the grace period).
    for (let i = 1; i <= 10; i++) {
      await afp.mouseMove(from.x + ((target.x - from.x) * i) / 10, from.y + ((target.y - from.y) * i) / 10, 1);
      await sleep(50);
    }
    await sleep(800);
    expect((await openCard(afp))?.entity).toBe('vitaly-churkin');
    await afp.mouseMove(5, 5, 3);
    await waitForNoCard(afp, 'the card to close after the pointer left it');
  });

  it('a card near the bottom-right corner flips and shifts to stay in the viewport, off the mention', async () => {
    const page = await driver.open(server.url('/corner.html'));
    await page.setViewport(1000, 700);
    await poll(() => page.evaluate(() => innerHeight === 700), 'the viewport to be resized');
    await waitForMarks(page, 2);
    await hoverForCard(page, 'Churkin', 1);
    const root = await page.readShadow();
    const cardNode = root ? byFc(root, 'card')[0] : undefined;
    const box = await page.boxOf(cardNode?.ref ?? -1);
    const size = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.w);
    expect(box.y + box.height).toBeLessThanOrEqual(size.h);
    const word = await wordCenter(page, 'Churkin', 1);
    // Flipped above the mention: the card's bottom edge is above the word.
    expect(box.y + box.height).toBeLessThan(word.y);
    await page.screenshot(join(ARTIFACTS, `${browserName}-corner.png`));
    await page.close();
  });

  it('in right-to-left text the card hangs from the mention’s right edge', async () => {
    const page = await driver.open(server.url('/rtl.html'));
    await waitForMarks(page, 2);
    await hoverForCard(page, 'Churkin', 1);
    const root = await page.readShadow();
    const box = await page.boxOf((root ? byFc(root, 'card')[0] : undefined)?.ref ?? -1);
    const word = await page.evaluate(() => {
      const t = document.querySelector('p')?.firstChild as Text;
      const i = t.data.lastIndexOf('Churkin');
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 7);
      const b = r.getBoundingClientRect();
      return { right: b.right, left: b.left };
    });
    // Aligned to the mention's right edge (within the arrow's few pixels), not its left.
    expect(Math.abs(box.x + box.width - word.right)).toBeLessThan(12);
    await page.close();
  });

  it('when the page goes full screen, the card shows inside the full-screen element', async () => {
    const page = await driver.open(server.url('/fullscreen.html'));
    await waitForMarks(page, 2);
    const go = await page.evaluate(() => {
      const r = document.getElementById('go')?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    });
    await page.click(go?.x ?? 0, go?.y ?? 0); // a real click: full screen needs a user gesture
    await poll(() => page.evaluate(() => document.fullscreenElement?.id === 'stage'), 'full screen');
    await hoverForCard(page, 'Churkin', 1);
    expect(await page.evaluate(() => document.fullscreenElement?.querySelector('factcard-host') !== null)).toBe(true);
    await page.press('Escape');
    await page.close();
  });

  it('a page script cannot read the card, rewrite its links, or open it with synthetic events', async () => {
    const page = await driver.open(server.url('/hostile.html'));
    await waitForMarks(page, 2);
    // Synthetic pointer events over a mention open nothing.
    await page.evaluate(() => {
      const p = document.querySelector('p');
      const r = document.createRange();
      const t = p?.firstChild as Text;
      const i = t.data.indexOf('Churkin');
      r.setStart(t, i);
      r.setEnd(t, i + 7);
      const b = r.getBoundingClientRect();
      for (let k = 0; k < 30; k++) {
        document.dispatchEvent(new PointerEvent('pointermove', { clientX: b.x + 5, clientY: b.y + 5, bubbles: true, pointerType: 'mouse' }));
      }
    });
    await sleep(800);
    expect(await openCard(page)).toBeNull();
    const card = await hoverForCard(page, 'Churkin', 1);
    await sleep(300); // the page's 20 ms loop has had many tries by now
    const again = await openCard(page);
    expect(again?.name).toBe(card.name);
    const ext = driver.extensionUrl('/viewer.html');
    for (const q of again?.quotes ?? []) expect(q.href?.startsWith(ext)).toBe(true);
    const attempts = await page.evaluate(() => (window as unknown as { attempts: Record<string, number> }).attempts);
    expect(attempts.hostsSeen).toBeGreaterThan(0);
    expect(attempts.shadowRoots).toBe(0);
    expect(attempts.linksRewritten).toBe(0);
    // Keys typed inside the card stay in the card.
    const closeBtn = (await page.readShadow()) ? byFc((await page.readShadow()) as NonNullable<Awaited<ReturnType<TestPage['readShadow']>>>, 'close')[0] : undefined;
    await page.callOn(closeBtn?.ref ?? -1, '(el) => { el.focus(); return true; }');
    const before = attempts.keys;
    await page.press('Tab');
    await page.press('a');
    const after = await page.evaluate(() => (window as unknown as { attempts: Record<string, number> }).attempts.keys);
    expect(after).toBe(before);
    await page.close();
  });

  it('the shortcut path (navigate) opens the next mention with focus in the card; Tab walks its links; Escape gives focus back', async () => {
    await afp.bringToFront();
    await afp.evaluate(() => (document.querySelector('nav a') as HTMLElement).focus());
    const tabId = await driver.tabIdOf(afp.url());
    const probe = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
    await probe.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: { tabs: { sendMessage(t: number, m: object): Promise<unknown> } }; chrome?: { tabs: { sendMessage(t: number, m: object): Promise<unknown> } } };
      const api = g.browser ?? g.chrome;
      await api?.tabs.sendMessage(id, { type: 'navigate', req: { direction: 1 } });
    }, tabId);
    await probe.close();
    await afp.bringToFront();
    const first = await poll(() => openCard(afp), 'a card opened by keyboard navigation');
    expect((await highlightTexts(afp))['factcard-active']?.length).toBe(1);
    const focusedIs = (expr: string) => afp.callOn<boolean>(first.root.ref ?? -1, `(el) => { const a = el.getRootNode().activeElement; return ${expr}; }`);
    await poll(() => focusedIs('a === el'), 'focus on the card dialog');
    await afp.press('Tab');
    expect(await focusedIs("a !== null && (a.tagName === 'A' || a.tagName === 'BUTTON')")).toBe(true);
    await afp.press('Escape');
    await waitForNoCard(afp);
    expect(await afp.evaluate(() => document.activeElement?.textContent)).toBe('World');
  });

  it('the card follows its mention when the page scrolls', async () => {
    await hoverForCard(afp, 'Churkin', 1);
    const card = await openCard(afp);
    const before = await afp.boxOf(card?.root.ref ?? -1);
    // Up: the mention sits near the end of the article, where the page cannot scroll further down.
    await afp.evaluate(() => scrollBy(0, -40));
    const after = await poll(async () => {
      const b = await afp.boxOf(card?.root.ref ?? -1);
      return Math.abs(b.y - before.y) > 20 ? b : null;
    }, 'the card to move with the page');
    expect(Math.abs(after.y - before.y - 40)).toBeLessThanOrEqual(2); // positions are rounded to whole px
    await afp.press('Escape');
    await waitForNoCard(afp);
  });

  it('screenshots of the card in light and dark mode', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const d = scheme === 'light' ? driver : await launch(browserName, { colorScheme: 'dark' });
      try {
        const page = scheme === 'light' ? afp : await d.open(server.url(`/seed/${sourceWith('Rycroft')}.html`));
        if (scheme === 'dark') await waitForMarks(page, 5);
        await hoverForCard(page, 'Churkin', 1);
        await sleep(250); // the fade-in
        const root = await page.readShadow();
        const card = root ? byFc(root, 'card')[0] : undefined;
        const bg = await page.callOn<string>(card?.ref ?? -1, '(el) => getComputedStyle(el).backgroundColor');
        const [r = 0, g = 0, b = 0] = (bg.match(/\d+/g) ?? []).map(Number);
        const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        if (scheme === 'dark') expect(luminance).toBeLessThan(0.3);
        else expect(luminance).toBeGreaterThan(0.8);
        await page.screenshot(join(ARTIFACTS, `${browserName}-card-${scheme}.png`));
        await page.press('Escape');
      } finally {
        if (d !== driver) await d.close();
      }
    }
  });
});
