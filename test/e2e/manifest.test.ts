// Pins what the built extension asks for, so a new permission, host access, content-script
// reach or a looser CSP cannot slip in unnoticed. Changing any of this is a decision: update
// the README's "Guarantees" section and this test together.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PAGES_CSP } from '../../wxt.config';
import { assertBuilt } from './harness';
import { EXT_DIRS } from './harness/paths';

type Manifest = Record<string, unknown> & { content_scripts?: Record<string, unknown>[] };

const read = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self'; img-src 'self' data:";

/**
 * Two content scripts, on every page and frame (about:blank/srcdoc included): the scan at
 * document_start, the card UI once the page is idle (entrypoints/content/card-ui.ts).
 */
const CONTENT_SCRIPTS = [
  { matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_idle', js: ['content-scripts/card.js'] },
  { matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_start', js: ['content-scripts/content.js'] },
];

describe('the generated manifests ask for the minimum', () => {
  it('Chrome MV3: storage only; no host permissions; the two content scripts; strict CSP for extension pages', () => {
    assertBuilt();
    const m = read(EXT_DIRS.chrome);
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
    expect(m.content_scripts).toEqual(CONTENT_SCRIPTS);
    expect(m.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
    expect(EXTENSION_PAGES_CSP).toBe(STRICT_CSP);
    // Nothing a web page could reach: no exposed resources, no external messaging.
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.background).toEqual({ service_worker: 'background.js' });
  });

  it('Firefox MV2: the same, with the gecko id and "collects no data"', () => {
    assertBuilt();
    const m = read(EXT_DIRS.firefox);
    expect(m.manifest_version).toBe(2);
    // MV2 puts host access in "permissions": there is none, so this list is the whole story.
    expect(m.permissions).toEqual(['storage']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.content_scripts).toEqual(CONTENT_SCRIPTS);
    expect(m.content_security_policy).toBe(STRICT_CSP);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.browser_specific_settings).toEqual({
      gecko: { id: 'factcard@factcard.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('no remote code: every script an extension page loads is a file of the build', () => {
    for (const dir of Object.values(EXT_DIRS)) {
      for (const page of ['popup.html', 'options.html', 'viewer.html']) {
        const html = readFileSync(join(dir, page), 'utf8');
        const srcs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((x) => x[1] as string);
        expect(srcs.length, `${dir}/${page} loads its bundle`).toBeGreaterThan(0);
        for (const s of srcs) expect(s, `${dir}/${page}`).toMatch(/^\/(chunks|assets)\/[\w.-]+\.(js|css)$/);
        // No inline script (the CSP would block it anyway).
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      }
    }
  });
});
