// The library's IndexedDB store (through `idb`). One owner: the background. Schema history:
//   v1  object store "sources" (keyPath id)
//   v2  unique index "hash" on sources (the same text saved twice is recognised), and every
//       record carries `extractor` (records from v1 get 0: "re-run extraction" updates them)
// Each upgrade step runs in order from the version found, in the upgrade transaction, so a
// failed step leaves the old database as it was.

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LibraryEntry } from '../../core/library/types';

export const DB_NAME = 'factcard-library';
export const DB_VERSION = 2;

interface LibrarySchema extends DBSchema {
  sources: { key: string; value: LibraryEntry; indexes: { hash: string } };
}

type UpgradeTx = IDBPTransaction<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'versionchange'>;

/** Thrown with a message a reader can act on; nothing was changed when it is thrown. */
export class LibraryStoreError extends Error {
  constructor(message: string, readonly kind: 'quota' | 'duplicate' | 'missing' | 'other') {
    super(message);
    this.name = 'LibraryStoreError';
  }
}

export function storeError(e: unknown, doing: string): LibraryStoreError {
  if (e instanceof LibraryStoreError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return new LibraryStoreError(`${doing}: the browser has no more room for the library (storage quota reached). Nothing was changed; delete some articles or free disk space.`, 'quota');
  if (name === 'ConstraintError') return new LibraryStoreError(`${doing}: this article is already in the library.`, 'duplicate');
  return new LibraryStoreError(`${doing}: the browser's storage failed (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`, 'other');
}

const MIGRATIONS: Record<number, (db: IDBPDatabase<LibrarySchema>, tx: UpgradeTx) => Promise<void> | void> = {
  1: (db) => {
    db.createObjectStore('sources', { keyPath: 'id' });
  },
  2: async (_db, tx) => {
    const store = tx.objectStore('sources');
    store.createIndex('hash', 'hash', { unique: true });
    for (let c = await store.openCursor(); c; c = await c.continue()) {
      const v = c.value as LibraryEntry & { extractor?: number };
      if (typeof v.extractor !== 'number') await c.update({ ...v, extractor: 0 });
    }
  },
};

export class LibraryStore {
  private constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  static async open(name = DB_NAME, version = DB_VERSION): Promise<LibraryStore> {
    const db = await openDB<LibrarySchema>(name, version, {
      async upgrade(db, oldVersion, newVersion, tx) {
        for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v]?.(db, tx);
      },
    });
    return new LibraryStore(db);
  }

  async all(): Promise<LibraryEntry[]> {
    return this.db.getAll('sources');
  }

  async get(id: string): Promise<LibraryEntry | undefined> {
    return this.db.get('sources', id);
  }

  async byHash(hash: string): Promise<LibraryEntry | undefined> {
    return this.db.getFromIndex('sources', 'hash', hash);
  }

  async count(): Promise<number> {
    return this.db.count('sources');
  }

  /** Adds a new entry; a duplicate (same id or hash) is refused. */
  async add(entry: LibraryEntry): Promise<void> {
    try {
      await this.db.add('sources', entry);
    } catch (e) {
      throw storeError(e, `Saving "${entry.meta.title}"`);
    }
  }

  /** Replaces an existing entry (re-run extraction). */
  async replace(entry: LibraryEntry): Promise<void> {
    try {
      await this.db.put('sources', entry);
    } catch (e) {
      throw storeError(e, `Updating "${entry.meta.title}"`);
    }
  }

  /** Adds many entries in one transaction: all of them or, on any failure, none. */
  async addAll(entries: readonly LibraryEntry[]): Promise<void> {
    const tx = this.db.transaction('sources', 'readwrite');
    try {
      await Promise.all([...entries.map((e) => tx.store.add(e)), tx.done]);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already aborted by the failing request
      }
      throw storeError(e, 'Importing');
    }
  }

  async delete(id: string): Promise<LibraryEntry | undefined> {
    const tx = this.db.transaction('sources', 'readwrite');
    const entry = await tx.store.get(id);
    if (entry) await tx.store.delete(id);
    await tx.done;
    return entry;
  }

  close(): void {
    this.db.close();
  }
}
