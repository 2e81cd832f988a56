// A static server on 127.0.0.1 for the e2e pages: the saved fixture pages, and news-like
// pages made from the seed sources (so the tests read the same words as the dataset).

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { seedPage } from './seed-page';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/pages');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface PageServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Extra routes a test can add: path → [content type, body, headers]. */
export type Routes = Record<string, { type: string; body: string; headers?: Record<string, string> }>;

export async function startServer(routes: Routes = {}): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const extra = routes[path];
      if (extra) {
        res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-store', ...extra.headers });
        res.end(extra.body);
        return;
      }
      const seed = /^\/seed\/([\w-]+)\.html$/.exec(path);
      if (seed?.[1]) {
        const html = await seedPage(seed[1]);
        if (html) {
          res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
          res.end(html);
          return;
        }
      }
      const file = normalize(join(FIXTURES, path.replace(/^\/pages\//, '/')));
      if (path.startsWith('/pages/') && file.startsWith(FIXTURES)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => origin + p,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
