import { useEffect, useId, useState } from 'react';
import { useApp } from '../../store';
import type { SmartCheck, SmartListSummary } from '../../store/types';
import { Modal } from '../Modal';
import { nameFromQuery } from '../../daily';
import { MAX_NAME, MAX_SMART_QUERY } from '../../../src/api/vocabulary';

const SYNTAX: [string, string][] = [
  ['speculative decoding', 'papers with both words'],
  ['"kv cache"', 'the phrase'],
  ['-survey', 'without the word'],
  ['author:vaswani', 'by an author'],
  ['cat:cs.CL', 'in a category (cat:cs. for a branch)'],
  ['tag:to-read', 'with your tag'],
  ['status:starred', 'unread, reading, read, starred, not-interested'],
  ['year:2025', 'a year, or a range: year:2023..2025'],
];

/** Creates or edits a smart list: its name, its query (checked as typed, with where it stops parsing) and its rule. */
export function SmartListEditor() {
  const editor = useApp((s) => s.smartEditor);
  const smartLists = useApp((s) => s.smartLists);
  const close = useApp((s) => s.openSmartEditor);
  const editing = editor?.mode === 'edit' ? smartLists.find((l) => l.id === editor.id) : undefined;
  const key = editor ? (editor.mode === 'edit' ? editor.id : `new:${editor.query}`) : 'closed';
  return (
    <Modal open={Boolean(editor)} onClose={() => close(null)} label={editing ? 'Edit smart list' : 'New smart list'} className="smart-editor">
      {editor && <EditorForm key={key} initialQuery={editor.mode === 'create' ? editor.query : (editing?.query ?? '')} editing={editing} />}
    </Modal>
  );
}

function EditorForm({ initialQuery, editing }: { initialQuery: string; editing: SmartListSummary | undefined }) {
  const lists = useApp((s) => s.lists);
  const close = useApp((s) => s.openSmartEditor);
  const check = useApp((s) => s.checkSmartQuery);
  const create = useApp((s) => s.createSmartList);
  const update = useApp((s) => s.updateSmartList);
  const openSmartList = useApp((s) => s.openSmartList);
  const [name, setName] = useState(editing?.name ?? nameFromQuery(initialQuery));
  const [query, setQuery] = useState(initialQuery);
  const [tag, setTag] = useState(editing?.rule?.tag ?? '');
  const [listId, setListId] = useState(editing?.rule?.listId ?? '');
  const [star, setStar] = useState(editing?.rule?.star ?? false);
  const [checked, setChecked] = useState<{ query: string; result: SmartCheck | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  // Checked a moment after typing stops; an answer for an older text is ignored.
  useEffect(() => {
    const timer = setTimeout(() => void check(query).then((result) => setChecked({ query, result })), 200);
    return () => clearTimeout(timer);
  }, [query, check]);
  const result = checked?.query === query ? checked.result : null;
  const invalid = result !== null && !result.ok;

  const save = async () => {
    setBusy(true);
    const rule = tag.trim() || listId || star ? { ...(tag.trim() ? { tag: tag.trim() } : {}), ...(listId ? { listId } : {}), ...(star ? { star } : {}) } : null;
    if (editing) {
      if (await update(editing.id, { name, query, rule })) close(null);
    } else {
      const created = await create(name, query, rule);
      if (created) {
        close(null);
        // The search became the list: the list shows its papers, not the search within it.
        useApp.getState().setQuery('');
        openSmartList(created);
      }
    }
    setBusy(false);
  };

  return (
    <form
      className="smart-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid && !busy) void save();
      }}
    >
      <header className="dialog-head">
        <h2>{editing ? `Edit “${editing.name}”` : 'New smart list'}</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={() => close(null)}>
          ✕
        </button>
      </header>
      <label className="field">
        <span>Name</span>
        <input value={name} maxLength={MAX_NAME} required onChange={(e) => setName(e.target.value)} data-autofocus={editing ? undefined : true} />
      </label>
      <label className="field">
        <span>Query</span>
        <input
          className="mono"
          value={query}
          maxLength={MAX_SMART_QUERY}
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={`${id}-check`}
          onChange={(e) => setQuery(e.target.value)}
          data-autofocus={editing ? true : undefined}
        />
      </label>
      <div id={`${id}-check`} className={`query-check${invalid ? ' error' : ''}`} role="status">
        {result === null ? (
          '\u00a0'
        ) : result.ok ? (
          <>
            Matches {result.count.toLocaleString()} paper{result.count === 1 ? '' : 's'} now · read as <code>{result.query || '(everything)'}</code>
          </>
        ) : (
          <>
            <span className="visually-hidden">
              The query does not parse: {result.message}, at character {result.offset + 1}.
            </span>
            <pre className="caret" aria-hidden="true">
              {result.caret}
            </pre>
          </>
        )}
      </div>
      <details className="syntax">
        <summary>Query syntax</summary>
        <dl>
          {SYNTAX.map(([example, meaning]) => (
            <div key={example}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
      <fieldset className="rule">
        <legend>For each new paper that matches, at import and fetch</legend>
        <label className="field inline">
          <span>Tag it</span>
          <input value={tag} maxLength={MAX_NAME} placeholder="tag name (optional)" list="tag-names" onChange={(e) => setTag(e.target.value)} />
        </label>
        <label className="field inline">
          <span>Add it to</span>
          <select value={listId} onChange={(e) => setListId(e.target.value)}>
            <option value="">no list</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={star} onChange={(e) => setStar(e.target.checked)} />
          Star it
        </label>
      </fieldset>
      <footer className="dialog-foot">
        <button type="button" onClick={() => close(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={invalid || busy || !name.trim()}>
          {editing ? 'Save changes' : 'Save smart list'}
        </button>
      </footer>
    </form>
  );
}
