import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import dataset from '../../data/dataset.json';
import { DatasetIndex } from '../../core/card-model';
import type { Dataset, Span } from '../../core/dataset-types';
import { parseViewerHash, viewerHash, type ViewerTarget } from '../../core/links';
import { DatasetIndexView } from '../../components/DatasetIndexView';
import { SourceViewer } from '../../components/SourceViewer';

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

function App() {
  const hash = useHash();
  const target: ViewerTarget | null = useMemo(() => parseViewerHash(hash), [hash]);
  if (!target) return <DatasetIndexView dataset={index.dataset} />;
  const source = index.sources.get(target.source);
  if (!source) {
    return (
      <article class="viewer">
        <p class="error" data-fc="error">
          This link points to a source that is not in the bundled dataset ({target.source}). <a href="#">Browse the dataset</a>
        </p>
      </article>
    );
  }
  const validSpan = target.end > target.start && target.end <= source.text.length;
  const span: Span | null = validSpan ? { source: source.id, start: target.start, end: target.end } : null;
  const entity = target.entity ? index.entities.get(target.entity) : undefined;
  document.title = `${source.title} · Factcard`;
  return (
    <SourceViewer
      source={source}
      span={span}
      entity={entity ? { id: entity.id, name: entity.name } : null}
      citations={entity ? index.citationsOf(entity.id, source.id) : []}
      onStep={(s) => {
        location.hash = viewerHash({ ...s, entity: target.entity });
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
