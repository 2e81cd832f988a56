import type { Dataset } from '../core/dataset-types';
import { viewerHash } from '../core/links';
import { formatDate, TYPE_LABEL } from './format';

/** The viewer without a target: every source and entity in the bundled dataset. */
export function DatasetIndexView({ dataset }: { dataset: Dataset }) {
  const entities = [...dataset.entities].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <article class="viewer" data-fc="index">
      <header class="meta">
        <h1>The Factcard dataset</h1>
        <p class="kicker">
          {dataset.sources.length} sources · {dataset.entities.length} entities · {dataset.quotes.filter((q) => q.speaker).length} attributed quotes
        </p>
      </header>
      <h2>Sources</h2>
      <ul class="index">
        {dataset.sources.map((s) => (
          <li key={s.id}>
            <a href={viewerHash({ source: s.id, start: 0, end: 0 })} data-fc="source-link">
              {s.title}
            </a>{' '}
            <span class="muted">
              {s.outlet}, {formatDate(s.published)}
            </span>
          </li>
        ))}
      </ul>
      <h2>Entities</h2>
      <ul class="index cols">
        {entities.map((e) => {
          const first = e.description ?? e.citations[0];
          return (
            <li key={e.id}>
              {first ? <a href={viewerHash({ source: first.source, start: first.start, end: first.end, entity: e.id })}>{e.name}</a> : e.name}{' '}
              <span class="muted">{TYPE_LABEL[e.type]}</span>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
