// One browser with the built extension and one local page server per describe block.

import { afterAll, beforeAll } from 'vitest';
import type { BrowserName, Driver } from './driver';
import { launch } from './index';
import { startServer, type PageServer, type Routes } from './server';

export interface BrowserSession {
  driver: Driver;
  server: PageServer;
}

/** Registers beforeAll/afterAll that start and stop the browser and the server. */
export function browserSession(name: BrowserName, routes: Routes = {}): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startServer(routes);
    session.driver = await launch(name);
  });
  afterAll(async () => {
    await session.driver?.close();
    await session.server?.close();
  });
  return session;
}
