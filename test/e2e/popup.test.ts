// The popup, the badge and the options page in both browsers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Dataset } from '../../core/dataset-types';
import { loadDataset } from './harness/seed-page';
import { markedCount, openCard, sleep, waitForMarks } from './harness/card-helpers';
import { ARTIFACTS, assertBuilt, BROWSERS, launch, poll, startServer, wordCenter, type Driver, type PageServer, type TestPage } from './harness';

let dataset: Dataset;

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
});

/** A real click on the first element matching `selector` in an (extension) page. */
async function clickSelector(page: TestPage, selector: string): Promise<void> {
  const box = await poll(
    () =>
      page.evaluate((sel) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, selector),
    selector,
  );
  await page.click(box.x, box.y);
}

type Api = {
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
};

describe.each(BROWSERS)('%s: popup, badge and options', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let page: TestPage;
  let popup: TestPage;
  let tabId: number;

  beforeAll(async () => {
    server = await startServer({
      '/empty.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>Weather</title><p>Sunny, then rain from the west.</p>' },
    });
    driver = await launch(browserName);
    const afp = dataset.sources.find((s) => s.text.includes('Churkin'));
    page = await driver.open(server.url(`/seed/${afp?.id}.html`));
    await page.setViewport(1000, 500);
    await waitForMarks(page, 5);
    tabId = await driver.tabIdOf(page.url());
    popup = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  const popupEntities = () =>
    popup.evaluate(() =>
      [...document.querySelectorAll('[data-fc="entity"]')].map((li) => ({
        id: li.getAttribute('data-entity'),
        count: Number(li.querySelector('[data-fc="entity-count"]')?.textContent),
        group: li.closest('[data-fc="group"]')?.getAttribute('data-type'),
      })),
    );

  it('lists what the page marks, grouped by type, with counts that add up to the marks', async () => {
    const entities = await poll(async () => {
      const list = await popupEntities();
      return list.length > 0 ? list : null;
    }, 'the popup list');
    const total = entities.reduce((n, e) => n + e.count, 0);
    expect(total).toBe(await markedCount(page));
    for (const e of entities) {
      const known = dataset.entities.find((x) => x.id === e.id);
      expect(known, `${e.id} is a dataset entity`).toBeDefined();
      expect(e.group).toBe(known?.type);
    }
    // Within a group, most mentioned first.
    const people = entities.filter((e) => e.group === 'person').map((e) => e.count);
    expect([...people].sort((a, b) => b - a)).toEqual(people);
    const box = await popup.evaluate(() => {
      const r = document.querySelector('.popup')?.getBoundingClientRect();
      return r ? { x: 0, y: 0, width: Math.ceil(r.width), height: Math.ceil(r.height) } : null;
    });
    await popup.screenshot(join(ARTIFACTS, `${browserName}-popup.png`), box ?? undefined);
  });

  it('counts follow the page while the popup is open', async () => {
    const countOf = async (id: string) => (await popupEntities()).find((e) => e.id === id)?.count ?? 0;
    const before = await poll(async () => countOf('vitaly-churkin'), 'Churkin in the popup');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Late update: Vitaly Churkin spoke again.';
      document.querySelector('article')?.append(p);
    });
    await poll(async () => (await countOf('vitaly-churkin')) === before + 1, 'the popup count to go up');
    await page.evaluate(() => document.getElementById('late')?.remove());
    await poll(async () => (await countOf('vitaly-churkin')) === before, 'the popup count to go back');
  });

  it('the badge shows the number of distinct entities found on the tab', async () => {
    const n = (await popupEntities()).length;
    const badge = await popup.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome) as Api;
      return (api.action ?? api.browserAction)?.getBadgeText({ tabId: id });
    }, tabId);
    expect(badge).toBe(String(n));
  });

  it('clicking an entity scrolls the page to its mention', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await clickSelector(popup, '[data-fc="entity"][data-entity="al-nusra-front"] button.entity');
    const where = await poll(
      () =>
        page.evaluate(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = (n.nodeValue ?? '').indexOf('al-Nusra Front');
            if (i < 0) continue;
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 14);
            const b = r.getBoundingClientRect();
            return scrollY > 0 && b.top >= 0 && b.bottom <= innerHeight ? { scrollY } : null;
          }
          return null;
        }),
      'the page to scroll al-Nusra Front into view',
    );
    expect(where.scrollY).toBeGreaterThan(0);
  });

  it('the ▸ control opens that entity’s card on the page', async () => {
    await clickSelector(popup, '[data-fc="entity"][data-entity="matthew-rycroft"] [data-fc="open-card"]');
    const card = await poll(() => openCard(page), 'Rycroft’s card on the page');
    expect(card.entity).toBe('matthew-rycroft');
    await page.bringToFront();
    await page.press('Escape');
    await poll(async () => (await openCard(page)) === null, 'the card to close');
  });

  it('"on this site" switches the highlights off and back on, live', async () => {
    const before = await markedCount(page);
    await clickSelector(popup, '[data-fc="toggle-site"]');
    await poll(async () => (await markedCount(page)) === 0, 'the highlights to go');
    await poll(() => popup.evaluate(() => document.querySelector('[data-fc="state-paused"]') !== null), 'the popup to say it is off here');
    await clickSelector(popup, '[data-fc="toggle-site"]');
    await poll(async () => (await markedCount(page)) === before, 'the highlights to come back');
  });

  it('a longer hover delay set in the options takes effect on the open page', async () => {
    const options = await driver.open(driver.extensionUrl('/options.html'));
    await poll(() => options.evaluate(() => document.querySelector('[data-fc="hover-delay"]') !== null), 'the options form');
    await options.evaluate(() => (document.querySelector('[data-fc="hover-delay"]') as HTMLInputElement).focus());
    await options.press('End');
    await poll(() => options.evaluate(() => document.querySelector('[data-fc="hover-delay-value"]')?.textContent === '1500 ms'), 'the delay to read 1500 ms');
    await options.screenshot(join(ARTIFACTS, `${browserName}-options.png`));
    await sleep(300); // storage.onChanged reaches the tab
    await page.bringToFront();
    const { x, y } = await wordCenter(page, 'Churkin', 1);
    await page.mouseMove(x, y + 30, 1);
    await page.mouseMove(x, y, 4);
    await sleep(900);
    expect(await openCard(page)).toBeNull(); // the default 350 ms would have opened it by now
    await poll(() => openCard(page), 'the card after the longer delay', 5000);
    await options.press('Home'); // 0 ms
    await poll(() => options.evaluate(() => document.querySelector('[data-fc="hover-delay-value"]')?.textContent === '0 ms'), 'the delay to read 0 ms');
    await page.press('Escape');
    await options.close();
  });

  it('says so when a page mentions no one from the dataset', async () => {
    const empty = await driver.open(server.url('/empty.html'));
    const id = await driver.tabIdOf(empty.url());
    const p = await driver.open(driver.extensionUrl(`/popup.html?tab=${id}`));
    const text = await poll(
      () => p.evaluate(() => document.querySelector('[data-fc="state-empty"]')?.textContent?.match(/No one from the dataset/)?.[0] ?? null),
      'the empty state, once the page is read',
    );
    expect(text).toBe('No one from the dataset');
    await p.close();
    await empty.close();
  });

  it('says so on a page where Factcard cannot run', async () => {
    const blank = await driver.open('about:blank');
    await blank.close();
    const p = await driver.open(driver.extensionUrl('/popup.html?tab=999999'));
    await poll(() => p.evaluate(() => document.querySelector('[data-fc="state-unsupported"]') !== null), 'the unsupported state');
    await p.close();
  });
});

