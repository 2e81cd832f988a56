// `npx tsx bench/firefox-frames.ts <dir>`: where Firefox's first frame after DOMContentLoaded
// goes, from the two raw profiles `PROFILE_BROWSER=firefox PROFILE_SAVE=<dir> npm run
// bench:profile` keeps (with the extension and without).
//
// For every load of a generated page (its document found through the markers' innerWindowID
// and the profile's pages), from the page's own markers: how long the DOMContentLoaded event
// ran (its listeners: Factcard's first chunk, and the page's), when the first refresh tick that
// paints (the first tick with a display list) started after DOMContentLoaded, how long it
// took, and the `Styles` (restyle) time inside it. Medians over the loads, the warm-up
// included (the profile does not say which load it was). Under the profiler JavaScript runs
// slower than without it: compare the two columns, not these figures with the benchmark's.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmtStat, stat } from './stats';
import { type GeckoProfile, type GeckoThread, threadsOf } from './profile-firefox';

const PAGE = /\/(10k|200k|2m)\.html/;
const LABEL: Record<string, string> = { '10k': '10 KB', '200k': '200 KB', '2m': '2 MB' };

interface FirstFrame {
  page: string;
  dcl: number;
  frameStart: number;
  frameMs: number;
  stylesMs: number;
}

interface Marker { name: string; start: number; end: number; data: Record<string, unknown> | null }

/** The thread's markers as intervals: instants and intervals as they are, start and end markers paired. */
function markersOf(t: GeckoThread): Marker[] {
  const m = t.markers;
  if (!m) return [];
  const S = m.schema;
  const out: Marker[] = [];
  const open = new Map<string, Marker[]>();
  for (const r of m.data) {
    const name = t.stringTable[r[S.name!] as number] ?? '';
    const data = r[S.data!] as Record<string, unknown> | null;
    const start = r[S.startTime!] as number;
    const end = r[S.endTime!] as number;
    const phase = r[S.phase!] as number;
    const key = `${name} ${JSON.stringify(data)}`;
    if (phase === 2) open.set(key, [...(open.get(key) ?? []), { name, start, end: start, data }]);
    else if (phase === 3) {
      const started = open.get(key)?.pop();
      if (started) out.push({ ...started, end });
    } else out.push({ name, start, end: phase === 1 ? end : start, data });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Each page load's first painting frame after DOMContentLoaded, in the profile's web content processes. */
export function firstFrames(profile: GeckoProfile): FirstFrame[] {
  const urls = new Map<number, string>();
  const collect = (p: GeckoProfile): void => {
    for (const pg of p.pages ?? []) urls.set(pg.innerWindowID, pg.url);
    for (const sub of p.processes ?? []) collect(sub);
  };
  collect(profile);
  const out: FirstFrame[] = [];
  for (const { thread } of threadsOf(profile)) {
    if (thread.name !== 'GeckoMain' || thread.processType !== 'tab') continue;
    const markers = markersOf(thread);
    for (const dcl of markers) {
      if (dcl.name !== 'DOMEvent' || dcl.data?.eventType !== 'DOMContentLoaded' || dcl.data.target !== 'document') continue;
      const page = PAGE.exec(urls.get(dcl.data.innerWindowID as number) ?? '')?.[1];
      if (!page) continue;
      // The first tick after DOMContentLoaded that builds a display list: the one that paints.
      const ticks = markers.filter((x) => x.name === 'RefreshDriverTick' && x.start >= dcl.end);
      const tick = ticks.find((x) => markers.some((d) => d.name === 'DisplayList' && d.start >= x.start && d.start <= x.end));
      if (!tick) continue;
      const stylesMs = markers.filter((x) => x.name === 'Styles' && x.start >= tick.start && x.end <= tick.end)
        .reduce((sum, x) => sum + (x.end - x.start), 0);
      out.push({ page, dcl: dcl.end - dcl.start, frameStart: tick.start - dcl.start, frameMs: tick.end - tick.start, stylesMs });
    }
  }
  return out;
}

function main(dir: string): void {
  const runs = ['with', 'without'].map((w) => firstFrames(JSON.parse(readFileSync(join(dir, `firefox-${w}-extension.json`), 'utf8')) as GeckoProfile));
  console.log('Firefox, under the Gecko profiler, ms from DOMContentLoaded, median (min–max) over the loads (with the extension / without)\n');
  console.log('| page | loads | DOMContentLoaded listeners | first painting frame starts | it takes | restyle (`Styles`) in it |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const key of Object.keys(LABEL)) {
    const [w, wo] = runs.map((r) => r.filter((f) => f.page === key));
    const both = (pick: (f: FirstFrame) => number): string => `${fmtStat(stat(w!.map(pick)))} / ${fmtStat(stat(wo!.map(pick)))}`;
    console.log(`| ${LABEL[key]} | ${w!.length} / ${wo!.length} | ${both((f) => f.dcl)} | ${both((f) => f.frameStart)} | ${both((f) => f.frameMs)} | ${both((f) => f.stylesMs)} |`);
  }
}

if (process.argv[1]?.endsWith('firefox-frames.ts')) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx bench/firefox-frames.ts <dir of PROFILE_SAVE>');
    process.exit(2);
  }
  main(dir);
}
