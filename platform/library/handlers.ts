// The library's message handlers: thin, typed, over the service (unit-tested directly).

import type { LibraryProtocol } from '../../core/protocol';
import type { Handlers } from '../messaging';
import type { LibraryService } from './service';

export function createLibraryHandlers(service: LibraryService): Handlers<LibraryProtocol> {
  return {
    libraryPreview: async ({ article }) => service.preview(article),
    librarySave: async ({ article }) => service.save(article),
    libraryList: async () => service.list(),
    libraryCounts: async () => service.counts(),
    libraryDelete: async ({ id }) => service.remove(String(id)),
    libraryRestore: async ({ entry }) => service.restore(entry),
    libraryReextract: async ({ id }) => service.reextract(typeof id === 'string' ? id : undefined),
    libraryExport: async () => service.exportFile(),
    libraryImport: async ({ json, file }) =>
      typeof json === 'string' ? service.importFile(json, typeof file === 'string' && file ? file : 'the file') : { ok: false, error: 'The import carried no file text.' },
    viewerSource: async ({ source, entity }) => service.viewerData(String(source), typeof entity === 'string' ? entity : undefined),
  };
}
