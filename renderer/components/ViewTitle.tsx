import { useApp } from '../store';
import type { TagMode } from '../../src/api/vocabulary';

/** The name of what the list shows, and for a digest how much of it is still unread. */
export function ViewTitle() {
  const view = useApp((s) => s.view);
  const digests = useApp((s) => s.digests);
  const lists = useApp((s) => s.lists);
  const tags = useApp((s) => s.tags);
  const setView = useApp((s) => s.setView);
  const startTriage = useApp((s) => s.startTriage);
  const smartLists = useApp((s) => s.smartLists);
  const openSmartEditor = useApp((s) => s.openSmartEditor);

  if (view.kind === 'digest') {
    const d = digests.find((x) => x.id === view.id);
    if (!d) return null;
    return (
      <div className="view-title">
        <h2 title={d.name}>{d.name}</h2>
        <div className="view-sub">
          <span>
            {d.unread.toLocaleString()} unread of {d.paperCount.toLocaleString()}
          </span>
          <button type="button" className="small" disabled={d.unread === 0} onClick={() => void startTriage(d.id)}>
            Triage unread
          </button>
          <button type="button" className="small" disabled={d.unread === 0} onClick={() => void startTriage(d.id, { best: true })}>
            Triage best first
          </button>
        </div>
      </div>
    );
  }
  if (view.kind === 'list') {
    const l = lists.find((x) => x.id === view.id);
    return (
      <div className="view-title">
        <h2 title={l?.name}>{l?.name ?? 'List'}</h2>
      </div>
    );
  }
  if (view.kind === 'smart') {
    const l = smartLists.find((x) => x.id === view.id);
    return (
      <div className="view-title">
        <h2 title={l?.name}>{l?.name ?? 'Smart list'}</h2>
        {l && (
          <div className="view-sub">
            <code className="smart-query" title="The smart list's query">
              {l.query}
            </code>
            <button type="button" className="small" onClick={() => openSmartEditor({ mode: 'edit', id: l.id })}>
              Edit…
            </button>
          </div>
        )}
      </div>
    );
  }
  if (view.kind === 'tags') {
    const names = view.ids.map((id) => tags.find((t) => t.id === id)?.name).filter(Boolean);
    return (
      <div className="view-title">
        <h2>{names.length > 1 ? `Tags: ${names.join(', ')}` : `Tag: ${names[0] ?? ''}`}</h2>
        {view.ids.length > 1 && (
          <div className="view-sub">
            <label className="sort">
              <span>Papers with</span>
              <select aria-label="Tag match" value={view.mode} onChange={(e) => setView({ ...view, mode: e.target.value as TagMode })}>
                <option value="and">all of these tags</option>
                <option value="or">any of these tags</option>
              </select>
            </label>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="view-title">
      <h2>{view.kind === 'starred' ? 'Starred' : 'All papers'}</h2>
    </div>
  );
}
