// Renders the toolbar icons from one SVG with the system Chromium (run by hand when the
// design changes: `npx tsx scripts/make-icons.ts`; the PNGs are committed).
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

function svg(fill: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="6" y="6" width="116" height="116" rx="26" fill="${fill}"/>
  <rect x="26" y="34" width="76" height="60" rx="10" fill="#fff"/>
  <path d="M46 58c-6 0-10 4-10 10s4 9 9 9c-1 5-4 8-8 10 9-1 16-8 16-18 0-7-3-11-7-11zm26 0c-6 0-10 4-10 10s4 9 9 9c-1 5-4 8-8 10 9-1 16-8 16-18 0-7-3-11-7-11z" fill="${fill}"/>
  <rect x="34" y="100" width="60" height="7" rx="3.5" fill="#fff" opacity="0.85"/>
</svg>`;
}

const variants = { '': '#2f5d8a', '-paused': '#8a929e' } as const;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [suffix, fill] of Object.entries(variants)) {
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(fill).replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(`public/icon/${size}${suffix}.png`, png);
  }
}
await browser.close();
console.log('wrote public/icon/*.png');
