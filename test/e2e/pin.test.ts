// Pinned cards, hold-a-key-to-show, and the screen-reader path, in both browsers: real mouse
// and keyboard through the harness; the accessibility tree over CDP in Chromium.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../core/dataset-types';
import { loadDataset } from './harness/seed-page';
import { clickIn, hoverForCard, markedCount, sleep, waitForMarks, waitForNoCard } from './harness/card-helpers';
import { cdpSession } from './harness/native';
import { setSettings } from './harness/settings';
import { ARTIFACTS, assertBuilt, BROWSERS, byFc, cardView, launch, poll, startServer, textOf, wordCenter, type CardView, type Driver, type PageServer, type SNode, type TestPage } from './harness';

let dataset: Dataset;
const sourceWith = (needle: string) => {
  const s = dataset.sources.find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no source contains ${needle}`);
  return s.id;
};

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
  mkdirSync(ARTIFACTS, { recursive: true });
});

/** Every card on the page (each card host has its own shadow root), pinned ones first. */
async function cards(page: TestPage): Promise<(CardView & { pinned: boolean; live: string })[]> {
  const roots = await page.readShadows();
  return roots.flatMap((r) => {
    const v = cardView(r);
    const live = byFc(r, 'live')[0] ?? r.children.find((c) => c.attrs.role === 'status');
    return v ? [{ ...v, pinned: v.root.attrs['data-pinned'] === 'true', live: live ? textOf(live) : '' }] : [];
  });
}

const boxOfCard = (page: TestPage, c: CardView) => page.boxOf(c.root.ref ?? -1);
const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of the nth whole-word `word` in the page (viewport px), without scrolling. */
function wordBox(page: TestPage, word: string, nth = 0) {
  return page.evaluate(
    ({ word, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeValue ?? '';
        for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
          if (seen++ !== nth) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        }
      }
      return null;
    },
    { word, nth },
  );
}

/** Sends a content message to the tab as the popup and the keyboard commands do. */
async function sendToTab(driver: Driver, page: TestPage, msg: object): Promise<void> {
  const tabId = await driver.tabIdOf(page.url());
  const probe = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
  await probe.evaluate(
    async ({ id, msg }) => {
      type Api = { tabs: { sendMessage(t: number, m: object): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      await (g.browser ?? g.chrome)?.tabs.sendMessage(id, msg);
    },
    { id: tabId, msg },
  );
  await probe.close();
  await page.bringToFront();
}

/** The keyboard shortcut's path: "next mention". */
const navigate = (driver: Driver, page: TestPage) => sendToTab(driver, page, { type: 'navigate', req: { direction: 1 } });

/** A real hover that waits for a new, unpinned card (pinned cards may be on screen). */
async function hoverForNewCard(page: TestPage, word: string, nth = 0): Promise<CardView> {
  const { x, y } = await wordCenter(page, word, nth);
  await page.mouseMove(x - 60, y + 40, 1);
  await page.mouseMove(x, y, 8);
  return poll(async () => (await cards(page)).find((c) => !c.pinned), `an unpinned card for "${word}"`);
}

/** The text of the ::highlight rules adopted on the document (what marks the mentions). */
function highlightRules(page: TestPage): Promise<string> {
  return page.evaluate(() =>
    [...document.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
      .filter((t) => t.includes('::highlight('))
      .join('\n'),
  );
}

describe.each(BROWSERS)('%s: pinned cards, hold a key, screen readers', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let afp: TestPage;

  beforeAll(async () => {
    server = await startServer({});
    driver = await launch(browserName);
    afp = await driver.open(server.url(`/seed/${sourceWith('Rycroft')}.html`));
    await waitForMarks(afp, 5);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('a pinned card survives scrolling and a second hover, which opens its own unpinned card; Escape in it unpins it', async () => {
    const first = await hoverForCard(afp, 'Rycroft');
    expect(first.entity).toBe('matthew-rycroft');
    await clickIn(afp, byFc(first.root, 'pin')[0]);
    // The live region is cleared, then filled a task later (so screen readers read it afresh).
    const pinned = await poll(async () => (await cards(afp)).find((c) => c.pinned && c.entity === 'matthew-rycroft' && c.live !== ''), 'the card to be pinned and say so');
    expect(byFc(pinned.root, 'pin')[0]?.attrs['aria-pressed']).toBe('true');
    expect(pinned.live).toMatch(/^Matthew Rycroft pinned/);
    const pinnedBox = await boxOfCard(afp, pinned);

    // Scroll the page well past the mention: a hover card would close; the pinned one stays put.
    await afp.mouseMove(5, 5, 2);
    await afp.evaluate(() => scrollBy(0, 400));
    await sleep(600);
    const afterScroll = await cards(afp);
    expect(afterScroll.map((c) => [c.entity, c.pinned])).toEqual([['matthew-rycroft', true]]);
    expect(await boxOfCard(afp, afterScroll[0]!)).toEqual(pinnedBox);

    // A second name opens its own card; both are on screen, and the pinned one is not over the hovered line.
    const second = await hoverForNewCard(afp, 'Churkin', 1);
    expect(second.entity).toBe('vitaly-churkin');
    const both = await poll(async () => {
      const list = await cards(afp);
      return list.length === 2 ? list : null;
    }, 'two cards');
    expect(both.map((c) => [c.entity, c.pinned]).sort()).toEqual([
      ['matthew-rycroft', true],
      ['vitaly-churkin', false],
    ]);
    const word = await wordBox(afp, 'Churkin', 1);
    const para = await afp.evaluate(() => {
      const p = [...document.querySelectorAll('p')].filter((x) => (x.textContent ?? '').includes('Churkin'))[1]?.getBoundingClientRect();
      return p ? { x: p.x, width: p.width } : null;
    });
    const pinBox = await boxOfCard(afp, both.find((c) => c.pinned)!);
    expect(word).not.toBeNull();
    // Not over the hovered line, across the paragraph's whole width.
    expect(overlap(pinBox, { x: para?.x ?? word!.x, y: word!.y, width: para?.width ?? word!.width, height: word!.height })).toBe(false);
    await sleep(250); // the hover card's fade-in
    await afp.screenshot(join(ARTIFACTS, `${browserName}-pinned.png`));

    // Escape with focus in the pinned card closes it, and only it.
    const p = (await cards(afp)).find((c) => c.pinned)!;
    await afp.callOn(p.root.ref ?? -1, '(el) => { el.focus(); return true; }');
    await afp.press('Escape');
    await poll(async () => {
      const list = await cards(afp);
      return list.every((c) => !c.pinned) ? list : null;
    }, 'the pinned card to close');
    expect((await cards(afp)).map((c) => c.entity)).toEqual(['vitaly-churkin']);
    await afp.press('Escape');
    await waitForNoCard(afp);
  });

  it('P in a keyboard-opened card pins it; a fourth pin lets the oldest go and says so; the close control unpins', async () => {
    await afp.evaluate(() => scrollTo(0, 0));
    // Four entities of the page, each opened the way the popup's ▸ opens a card (focus in it), then pinned with P.
    const pinnedEntities = ['matthew-rycroft', 'vitaly-churkin', 'ban-ki-moon', 'russia'];
    for (const entity of pinnedEntities) {
      await sendToTab(driver, afp, { type: 'openCard', req: { entity } });
      const open = await poll(async () => (await cards(afp)).find((c) => !c.pinned && c.entity === entity), `the card of ${entity}`);
      await poll(() => afp.callOn<boolean>(open.root.ref ?? -1, '(el) => el.getRootNode().activeElement === el'), 'focus in the card');
      await afp.press('p');
      await poll(async () => (await cards(afp)).find((c) => c.pinned && c.entity === entity && c.live !== ''), `${entity} to be pinned and say so`);
    }
    const list = await cards(afp);
    expect(list.every((c) => c.pinned)).toBe(true);
    expect(list.map((c) => c.entity).sort()).toEqual(['ban-ki-moon', 'russia', 'vitaly-churkin']);
    const newest = list.find((c) => c.entity === 'russia')!;
    expect(newest.live).toContain('Matthew Rycroft unpinned');
    // No two pinned cards overlap.
    const boxes = await Promise.all(list.map((c) => boxOfCard(afp, c)));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
    // The close control of each pinned card closes it.
    for (const c of list) await clickIn(afp, byFc((await cards(afp)).find((x) => x.entity === c.entity)!.root, 'close')[0]);
    await waitForNoCard(afp, 'every pinned card to close');
  });

  it('turning Factcard off on the site closes pinned cards too', async () => {
    const c = await hoverForCard(afp, 'Rycroft');
    await clickIn(afp, byFc(c.root, 'pin')[0]);
    await poll(async () => (await cards(afp)).some((x) => x.pinned), 'a pinned card');
    await setSettings(driver, { disabledSites: ['127.0.0.1'] });
    try {
      await waitForNoCard(afp, 'pinned cards to close when the site is turned off');
    } finally {
      await setSettings(driver, null);
    }
    await waitForMarks(afp, 5);
  });

  it('hold a key: hovering without it opens nothing; with it held a card opens; pressing it while resting on a name opens that card', async () => {
    await setSettings(driver, { holdKey: 'Alt', hideHighlightsUntilHeld: true });
    const page = await driver.open(server.url(`/seed/${sourceWith('Rycroft')}.html`));
    try {
      await page.bringToFront();
      // The highlights are hidden until the key is held: the marks show while Alt is down and
      // leave again when it goes up, the stylesheet untouched (rewriting it restyles the page).
      const rules = await poll(async () => (await highlightRules(page)) || null, 'the highlight stylesheet');
      expect(rules).toContain('factcard-person');
      await page.keyDown('Alt');
      await waitForMarks(page, 5);
      await page.keyUp('Alt');
      await poll(async () => (await markedCount(page)) === 0, 'the highlights to be hidden');
      // What the page sees of each Alt key-up: its default is prevented only after Alt showed a
      // card (Firefox would otherwise open its menu bar), never for a lone press.
      await page.evaluate(() => {
        const w = window as unknown as { altUps: boolean[] };
        w.altUps = [];
        addEventListener('keyup', (e) => e.key === 'Alt' && w.altUps.push(e.defaultPrevented));
      });
      await page.keyDown('Alt');
      await page.keyUp('Alt');
      // Without the key: a real hover rests long past the delay, and nothing opens.
      const at = await wordCenter(page, 'Rycroft');
      await page.mouseMove(at.x - 60, at.y + 40, 1);
      await page.mouseMove(at.x, at.y, 8);
      await sleep(1200);
      expect(await cards(page)).toEqual([]);
      // Pressing the key while resting there opens it.
      await page.keyDown('Alt');
      await poll(async () => (await markedCount(page)) >= 5, 'the highlights to show while Alt is held');
      const opened = await poll(async () => (await cards(page))[0], 'the card to open when Alt is pressed');
      expect(opened.entity).toBe('matthew-rycroft');
      await page.keyUp('Alt');
      await poll(async () => (await markedCount(page)) === 0, 'the highlights to hide again');
      expect(await highlightRules(page)).toBe(rules);
      await page.mouseMove(5, 5, 3);
      await waitForNoCard(page);
      // With the key held, a hover opens the card; let go, the next hover opens nothing.
      await page.keyDown('Alt');
      const held = await hoverForCard(page, 'Churkin', 1);
      expect(held.entity).toBe('vitaly-churkin');
      await page.keyUp('Alt');
      await page.mouseMove(5, 5, 3);
      await waitForNoCard(page);
      expect(await page.evaluate(() => (window as unknown as { altUps: boolean[] }).altUps)).toEqual([false, true, true]);
      const ban = await wordCenter(page, 'Ban Ki-moon');
      await page.mouseMove(ban.x - 60, ban.y + 40, 1);
      await page.mouseMove(ban.x, ban.y, 8);
      await sleep(1200);
      expect(await cards(page)).toEqual([]);
    } finally {
      await page.close();
      await setSettings(driver, null);
    }
  });

  it('the shortcut path announces the mention as written and its entity; the card is a labelled, described, non-modal dialog', async () => {
    await afp.evaluate(() => scrollTo(0, 0));
    await afp.evaluate(() => (document.querySelector('nav a') as HTMLElement).focus());
    await navigate(driver, afp);
    const card = await poll(async () => {
      const c = (await cards(afp))[0];
      return c?.live.startsWith('“') ? c : null;
    }, 'the announcement');
    const entity = dataset.entities.find((e) => e.id === card.entity);
    if (!entity) throw new Error(`no entity ${card.entity}`);
    // “<mention as written>” — <name>, <description>; card open …
    expect(card.live).toMatch(new RegExp(`^“[^”]+” — ${entity.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(card.live).toContain('card open, press Escape to close');
    if (card.description) expect(card.live).toContain(card.description.split(/\s{2,}/)[0]!.slice(0, 20));
    const mention = /^“([^”]+)”/.exec(card.live)?.[1] ?? '';
    // The mention as the page writes it: one of the entity's names, and on the page.
    expect(entity.aliases.map((a) => a.text.toLowerCase()).concat(entity.name.toLowerCase())).toContain(mention.toLowerCase());
    expect(await afp.evaluate((m) => document.body.innerText.includes(m), mention)).toBe(true);

    const dialog = card.root;
    expect(dialog.attrs.role).toBe('dialog');
    expect(dialog.attrs['aria-modal']).toBe('false');
    const label = findById(dialog, dialog.attrs['aria-labelledby'] ?? '');
    expect(label && textOf(label).trim()).toBe(entity.name);
    const desc = findById(dialog, dialog.attrs['aria-describedby'] ?? '');
    if (card.description) expect(desc?.attrs['data-fc']).toBe('description');

    // The browser's own accessibility tree, in both browsers: a dialog named after the entity,
    // a "Pin card" button, and the live region as a status.
    const shadow = (await afp.readShadows()).find((r) => cardView(r)?.entity === card.entity)!;
    const axDialogs = await afp.axQuery(shadow.ref ?? -1, 'dialog', entity.name);
    expect(axDialogs.map((n) => String(n.ref))).toEqual([String(dialog.ref)]);
    expect(await afp.axQuery(shadow.ref ?? -1, 'dialog', 'Some other name')).toEqual([]);
    expect(await afp.axQuery(shadow.ref ?? -1, 'button', 'Pin card')).toHaveLength(1);
    // The live region is a status in the tree (the card's copy controls have their own).
    const liveNode = byFc(shadow, 'live')[0];
    const axStatus = await afp.axQuery(shadow.ref ?? -1, 'status');
    expect(axStatus.map((n) => String(n.ref))).toContain(String(liveNode?.ref));
    expect(await afp.callOn<string>(liveNode?.ref ?? -1, '(el) => el.textContent')).toBe(card.live);

    if (browserName === 'chromium') {
      // The accessibility tree (closed shadow roots included): the dialog is named after the
      // entity, and the live region says the announcement.
      const cdp = await cdpSession(afp);
      await cdp.send('Accessibility.enable');
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      const dialogs = nodes.filter((n) => n.role?.value === 'dialog' && !n.ignored);
      expect(dialogs.map((n) => n.name?.value)).toContain(entity.name);
      const named = dialogs.find((n) => n.name?.value === entity.name)!;
      if (card.description) expect(String(named.description?.value ?? '')).toContain(entity.description?.text.slice(0, 20) ?? '');
      const status = nodes.find((n) => n.role?.value === 'status' && axText(nodes, n).includes(`— ${entity.name}`));
      expect(status, 'a status node saying the announcement').toBeDefined();
      expect(axText(nodes, status!)).toBe(card.live);
      await cdp.detach();
    }
    await afp.press('Escape');
    await waitForNoCard(afp);
  });
});

interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  childIds?: string[];
}

/** The text of an AX node's static-text descendants. */
function axText(nodes: AxNode[], n: AxNode): string {
  const byId = new Map(nodes.map((x) => [x.nodeId, x]));
  const walk = (x: AxNode): string => (x.role?.value === 'StaticText' ? (x.name?.value ?? '') : (x.childIds ?? []).map((id) => (byId.get(id) ? walk(byId.get(id)!) : '')).join(''));
  return walk(n);
}

function findById(root: SNode, id: string): SNode | null {
  if (!id) return null;
  if (root.attrs.id === id) return root;
  for (const c of root.children) {
    const f = findById(c, id);
    if (f) return f;
  }
  return null;
}
