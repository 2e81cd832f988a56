// The source viewer in both browsers: deep links, stepping through an entity's citations,
// the dataset index, and a clear message for a link to an unknown source.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/dataset-types';
import { DatasetIndex } from '../../core/card-model';
import { viewerHash } from '../../core/links';
import { loadDataset } from './harness/seed-page';
import { assertBuilt, BROWSERS, launch, poll, type Driver, type TestPage } from './harness';

let dataset: Dataset;
let index: DatasetIndex;

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
  index = new DatasetIndex(dataset);
});

const state = (page: TestPage) =>
  page.evaluate(() => ({
    mark: document.querySelector('mark[data-fc="cited"]')?.textContent ?? null,
    position: document.querySelector('[data-fc="position"]')?.textContent ?? null,
    title: document.querySelector('[data-fc="title"]')?.textContent ?? null,
  }));

describe.each(BROWSERS)('%s: the source viewer', (browserName) => {
  let driver: Driver;

  beforeAll(async () => {
    driver = await launch(browserName);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('a copied deep link opens the article at the span, and the reader steps through the entity’s citations', async () => {
    const src = dataset.sources.find((s) => s.text.includes('Churkin'));
    if (!src) throw new Error('no Churkin source');
    const cites = index.citationsOf('vitaly-churkin', src.id);
    expect(cites.length).toBeGreaterThan(1);
    const first = cites[0];
    if (!first) throw new Error('no citations');
    const page = await driver.open(driver.extensionUrl(`/viewer.html${viewerHash({ ...first, entity: 'vitaly-churkin' })}`));
    const s1 = await poll(async () => {
      const s = await state(page);
      return s.mark ? s : null;
    }, 'the cited span');
    expect(s1.mark).toBe(src.text.slice(first.start, first.end));
    expect(s1.position).toBe('1');
    expect(s1.title).toContain(src.title);
    await page.evaluate(() => (document.querySelector('[data-fc="next"]') as HTMLButtonElement).click());
    const second = cites[1];
    const s2 = await poll(async () => {
      const s = await state(page);
      return s.position === '2' ? s : null;
    }, 'the second citation');
    expect(s2.mark).toBe(src.text.slice(second?.start, second?.end));
    await page.close();
  });

  it('without a target it lists the dataset; a link to an unknown source says so', async () => {
    const page = await driver.open(driver.extensionUrl('/viewer.html'));
    const sources = await poll(
      () => page.evaluate(() => [...document.querySelectorAll('[data-fc="source-link"]')].map((a) => a.textContent)),
      'the source list',
    );
    expect(sources).toEqual(dataset.sources.map((s) => s.title));
    await page.goto(driver.extensionUrl('/viewer.html#src=no-such-source&span=1-5'));
    const error = await poll(() => page.evaluate(() => document.querySelector('[data-fc="error"]')?.textContent ?? null), 'the error');
    expect(error).toContain('no-such-source');
    await page.close();
  });
});
