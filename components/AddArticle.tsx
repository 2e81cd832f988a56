import type { ArticlePreview } from '../core/library/types';
import { formatDate, plural } from './format';

export type AddState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; message: string }
  | { kind: 'preview'; preview: ArticlePreview }
  | { kind: 'saving'; preview: ArticlePreview }
  | { kind: 'saved'; preview: ArticlePreview; duplicate: boolean; newPeople: number };

export interface AddArticleProps {
  state: AddState;
  onAdd: () => void;
  onSave: () => void;
  onCancel: () => void;
  onOpenLibrary: () => void;
}

/** The popup's "Add this article": read the page, show what was found, then save. All text is rendered as text. */
export function AddArticle({ state, onAdd, onSave, onCancel, onOpenLibrary }: AddArticleProps) {
  if (state.kind === 'idle') {
    return (
      <section class="add" data-fc="add">
        <button type="button" class="primary" data-fc="add-article" onClick={onAdd}>
          Add this article to your library
        </button>
      </section>
    );
  }
  if (state.kind === 'reading') {
    return (
      <section class="add" data-fc="add">
        <p class="state" data-fc="add-reading">Reading the article…</p>
      </section>
    );
  }
  if (state.kind === 'refused') {
    return (
      <section class="add" data-fc="add">
        <p class="refused" role="alert" data-fc="add-refused">
          {state.message}
        </p>
        <button type="button" class="link" onClick={onCancel}>
          OK
        </button>
      </section>
    );
  }
  const p = state.preview;
  const quoted = p.quotes.filter((q) => q.speakerName);
  return (
    <section class="add" data-fc="add-preview">
      <h2>{state.kind === 'saved' ? 'Saved to your library' : 'Add to your library?'}</h2>
      <p class="add-title" data-fc="add-title">
        {p.title}
      </p>
      <p class="add-meta">
        {p.outlet}
        {p.published ? ` · ${formatDate(p.published)}` : ''}
      </p>
      {p.duplicate || (state.kind === 'saved' && state.duplicate) ? (
        <p class="note" data-fc="add-duplicate">
          This article is already in your library.
        </p>
      ) : null}
      <h3>{plural(p.people.length, 'person', 'people')}</h3>
      {p.people.length === 0 ? <p class="note">No people found.</p> : null}
      <ul class="people" data-fc="add-people">
        {p.people.slice(0, 12).map((person) => (
          <li key={person.id} data-fc="add-person" data-entity={person.id}>
            <span class="name">{person.name}</span>
            {person.isNew ? <span class="new">new</span> : null}
            {person.role ? <span class="role">{person.role}</span> : null}
          </li>
        ))}
      </ul>
      <h3>
        {plural(quoted.length, 'quote')} with speaker · {plural(p.statements, 'statement')}
      </h3>
      <ul class="quotes" data-fc="add-quotes">
        {quoted.slice(0, 4).map((q, i) => (
          <li key={i} data-fc="add-quote">
            <q>{q.text}</q> <span class="who">— {q.speakerName}</span>
          </li>
        ))}
      </ul>
      {state.kind === 'saved' ? (
        <p class="note" data-fc="add-saved">
          {state.duplicate ? 'Nothing new was saved.' : `Saved. ${state.newPeople ? `${plural(state.newPeople, 'new person', 'new people')} now marked in your open tabs.` : 'Open tabs are updated.'}`}{' '}
          <button type="button" class="link" data-fc="open-library" onClick={onOpenLibrary}>
            Open your library
          </button>
        </p>
      ) : (
        <div class="add-actions">
          <button type="button" class="primary" data-fc="add-save" disabled={state.kind === 'saving' || p.duplicate} onClick={onSave}>
            {state.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="link" data-fc="add-cancel" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
