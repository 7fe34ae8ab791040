import { useState } from 'react';
import { useApp } from '../store';
import { formatDate } from '../format';
import { InlineEdit } from './Menu';
import { EditableNavRow, NavButton } from './NavRow';
import type { View } from '../store/types';
import { ComparisonsNav } from './compare/ComparisonsNav';
import { SmartListsNav } from './daily/SmartListsNav';
import { SourcesNavBadge } from './daily/SourcesView';

import { TAG_COLORS } from '../../src/api/vocabulary';

function isCurrent(view: View, kind: View['kind'], id?: string) {
  if (view.kind !== kind) return false;
  if (view.kind === 'digest' || view.kind === 'list' || view.kind === 'smart') return view.id === id;
  if (view.kind === 'tags') return id !== undefined && view.ids.includes(id);
  return true;
}

/** Library navigation: all papers, starred, reading lists, tags and digests, each with counts. */
export function Sidebar() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const paperCount = useApp((s) => s.paperCount);
  const openImport = useApp((s) => s.openImport);
  const openExport = useApp((s) => s.openExport);
  const openOverlay = useApp((s) => s.openOverlay);

  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">Digest Reader</div>
      <button type="button" className="primary import-button" onClick={() => openImport(true)}>
        Import digest…
      </button>
      <button type="button" className="import-button" onClick={() => openExport(true)}>
        Export…
      </button>
      <ul className="nav-list" aria-label="Views">
        <li>
          <NavButton current={isCurrent(view, 'all')} onClick={() => setView({ kind: 'all' })} name="All papers" count={paperCount} />
        </li>
        <li>
          <NavButton current={isCurrent(view, 'starred')} onClick={() => setView({ kind: 'starred' })} name="Starred" />
        </li>
        <li className="nav-row">
          <NavButton current={isCurrent(view, 'sources')} onClick={() => setView({ kind: 'sources' })} name="Sources" />
          <SourcesNavBadge />
        </li>
        <li>
          <NavButton current={isCurrent(view, 'trends')} onClick={() => setView({ kind: 'trends' })} name="Trends" />
        </li>
      </ul>
      <SmartListsNav />
      <ListsSection />
      <ComparisonsNav />
      <TagsSection />
      <DigestsSection />
      <div className="sidebar-foot">
        <button type="button" className="ghost small" onClick={() => openOverlay('settings')}>
          Settings
        </button>
        <button type="button" className="ghost small" onClick={() => openOverlay('backups')}>
          Backups
        </button>
        <button type="button" className="ghost small" onClick={() => openOverlay('palette')} title="Command palette (Ctrl/⌘ K)">
          Commands
        </button>
        <button type="button" className="ghost small" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => openOverlay('shortcuts')}>
          ?
        </button>
      </div>
    </nav>
  );
}

function ListsSection() {
  const lists = useApp((s) => s.lists);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const createList = useApp((s) => s.createList);
  const renameList = useApp((s) => s.renameList);
  const deleteList = useApp((s) => s.deleteList);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);

  return (
    <section aria-labelledby="lists-heading">
      <div className="nav-heading-row">
        <h2 className="nav-heading" id="lists-heading">
          Reading lists
        </h2>
        <button type="button" className="ghost icon" aria-label="New list" title="New list" onClick={() => setCreating(true)}>
          +
        </button>
      </div>
      <ul className="nav-list" aria-labelledby="lists-heading">
        {lists.map((l) => (
          <EditableNavRow
            key={l.id}
            nav={{ current: isCurrent(view, 'list', l.id), onClick: () => setView({ kind: 'list', id: l.id }), name: l.name, count: l.count }}
            editing={renaming === l.id}
            editLabel="List name"
            onRename={(name) => renameList(l.id, name)}
            onEditEnd={() => setRenaming(null)}
            menuLabel={`Actions for list ${l.name}`}
            menu={
              l.builtIn
                ? undefined
                : [
                    { label: 'Rename…', onSelect: () => setRenaming(l.id) },
                    { label: 'Delete list', danger: true, onSelect: () => void deleteList(l.id) },
                  ]
            }
          />
        ))}
        {creating && (
          <li>
            <InlineEdit
              initial=""
              label="New list name"
              onSave={async (name) => {
                const id = await createList(name);
                if (id) setView({ kind: 'list', id });
                return Boolean(id);
              }}
              onCancel={() => setCreating(false)}
            />
          </li>
        )}
      </ul>
    </section>
  );
}

function TagsSection() {
  const tags = useApp((s) => s.tags);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const renameTag = useApp((s) => s.renameTag);
  const setTagColor = useApp((s) => s.setTagColor);
  const deleteTag = useApp((s) => s.deleteTag);
  const [renaming, setRenaming] = useState<string | null>(null);

  const pick = (id: string, add: boolean) => {
    if (add && view.kind === 'tags') {
      const ids = view.ids.includes(id) ? view.ids.filter((t) => t !== id) : [...view.ids, id];
      setView(ids.length ? { kind: 'tags', ids, mode: view.mode } : { kind: 'all' });
    } else setView({ kind: 'tags', ids: [id], mode: 'and' });
  };

  return (
    <section aria-labelledby="tags-heading">
      <h2 className="nav-heading" id="tags-heading" title="Ctrl/Cmd-click to filter by several tags">
        Tags
      </h2>
      {tags.length === 0 ? (
        <p className="nav-empty">No tags yet. Tag a paper from the reader.</p>
      ) : (
        <ul className="nav-list" aria-labelledby="tags-heading">
          {tags.map((t) => (
            <EditableNavRow
              key={t.id}
              nav={{ current: isCurrent(view, 'tags', t.id), onClick: (e) => pick(t.id, e.ctrlKey || e.metaKey), name: t.name, count: t.count, dot: t.color }}
              editing={renaming === t.id}
              editLabel="Tag name"
              onRename={(name) => renameTag(t.id, name)}
              onEditEnd={() => setRenaming(null)}
              menuLabel={`Actions for tag ${t.name}`}
              menu={[
                { label: 'Rename or merge…', onSelect: () => setRenaming(t.id) },
                ...TAG_COLORS.filter((c) => c !== t.color).map((c) => ({ label: `Colour: ${c}`, onSelect: () => void setTagColor(t.id, c) })),
                { label: 'Delete tag', danger: true, onSelect: () => void deleteTag(t.id) },
              ]}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DigestsSection() {
  const digests = useApp((s) => s.digests);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  return (
    <section aria-labelledby="digests-heading">
      <h2 className="nav-heading" id="digests-heading">
        Digests
      </h2>
      {digests.length === 0 ? (
        <p className="nav-empty">No digests yet. Import one to start reading.</p>
      ) : (
        <ul className="nav-list" aria-labelledby="digests-heading">
          {digests.map((d) => (
            <li key={d.id}>
              <NavButton
                current={isCurrent(view, 'digest', d.id)}
                onClick={() => setView({ kind: 'digest', id: d.id })}
                name={d.name}
                sub={`${formatDate(d.importedAt)} · ${d.unread.toLocaleString()} unread`}
                count={d.paperCount}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
