import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import dataset from '../../data/dataset.json';
import { DatasetIndex } from '../../core/card-model';
import type { Dataset, Span } from '../../core/dataset-types';
import type { CitationKind } from '../../core/citation';
import { parseViewerHash, viewerHash, type ViewerTarget } from '../../core/links';
import { DatasetIndexView } from '../../components/DatasetIndexView';
import { SourceViewer } from '../../components/SourceViewer';
import type { ViewerData } from '../../core/library/types';
import { sendToLibrary } from '../../platform/messaging';

const index = new DatasetIndex(dataset as Dataset);

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** A source that is not bundled may be in the reader's library, which the background holds. */
function useLibrarySource(target: ViewerTarget | null): ViewerData | null | 'loading' {
  const [data, setData] = useState<{ key: string; value: ViewerData | null } | null>(null);
  const key = target && !index.sources.has(target.source) ? `${target.source}|${target.entity ?? ''}` : null;
  useEffect(() => {
    if (!key || !target) return;
    let live = true;
    sendToLibrary('viewerSource', { source: target.source, ...(target.entity ? { entity: target.entity } : {}) }).then(
      (value) => live && setData({ key, value }),
      () => live && setData({ key, value: null }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!key) return null;
  return data?.key === key ? data.value : 'loading';
}

/** What a bundled span is, for its copied citation: someone's quote, a statement about someone, or an excerpt. */
function citeOf(span: Span): { kind: CitationKind; speaker: string | null } {
  const at = (x: Span) => x.source === span.source && x.start === span.start && x.end === span.end;
  const nameOf = (id: string | null) => (id ? (index.entities.get(id)?.name ?? null) : null);
  const quote = index.dataset.quotes.find(at);
  if (quote) return { kind: 'quote', speaker: nameOf(quote.speaker) };
  const statement = index.dataset.statements.find(at);
  if (statement) return { kind: 'statement', speaker: nameOf(statement.entity) };
  return { kind: 'excerpt', speaker: null };
}

function App() {
  const hash = useHash();
  const target: ViewerTarget | null = useMemo(() => parseViewerHash(hash), [hash]);
  const fromLibrary = useLibrarySource(target);
  if (!target) return <DatasetIndexView dataset={index.dataset} />;
  if (fromLibrary === 'loading') return <p class="viewer">Opening the article from your library…</p>;
  const source = index.sources.get(target.source) ?? fromLibrary?.source;
  if (!source) {
    return (
      <article class="viewer">
        <p class="error" data-fc="error">
          This link points to a source that is neither in the bundled dataset nor in your library ({target.source}). <a href="#">Browse the dataset</a>
        </p>
      </article>
    );
  }
  const validSpan = target.end > target.start && target.end <= source.text.length;
  const span: Span | null = validSpan ? { source: source.id, start: target.start, end: target.end } : null;
  const bundledEntity = target.entity ? index.entities.get(target.entity) : undefined;
  const entity = fromLibrary ? fromLibrary.entity : bundledEntity ? { id: bundledEntity.id, name: bundledEntity.name } : null;
  document.title = `${source.title} · Factcard`;
  return (
    <SourceViewer
      source={source}
      library={fromLibrary?.library ?? false}
      span={span}
      {...(span && !fromLibrary ? { cite: citeOf(span) } : {})}
      entity={entity}
      citations={fromLibrary ? fromLibrary.citations : entity ? index.citationsOf(entity.id, source.id) : []}
      onStep={(s) => {
        location.hash = viewerHash({ ...s, entity: target.entity });
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
