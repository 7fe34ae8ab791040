import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useApp } from '../store';
import { plural } from '../format';
import type { ReadState, SortOrder } from '../store/types';
import { READ_STATE_LABELS, READ_STATES, type TagMode } from '../../src/api/vocabulary';
import { clickMode, PaperRowView } from './PaperRowView';

/** The papers of the current view or search, virtualised so a large library scrolls smoothly. */
export function PaperList() {
  const rows = useApp((s) => s.rows);
  const total = useApp((s) => s.total);
  const selectedId = useApp((s) => s.selectedId);
  const selectedIds = useApp((s) => s.selectedIds);
  const selectRow = useApp((s) => s.selectRow);
  const loadMore = useApp((s) => s.loadMore);
  const pendingScroll = useApp((s) => s.pendingScroll);
  const setListScroll = useApp((s) => s.setListScroll);
  const rowsFor = useApp((s) => s.rowsFor);
  const scrollRef = useRef<HTMLDivElement>(null);
  const shownFor = useRef(rowsFor);

  // Back where the reader left off, once the rows are there.
  useEffect(() => {
    if (pendingScroll === null || rows.length === 0 || !scrollRef.current) return;
    scrollRef.current.scrollTop = pendingScroll;
    shownFor.current = useApp.getState().rowsFor;
    useApp.setState({ pendingScroll: null });
  }, [pendingScroll, rows.length]);

  // Heights are remembered per paper, not per position: after a search a row keeps its own. One
  // function per list of rows: a new one each render would have the virtualiser measure again.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 110,
    overscan: 8,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (rows.length < total && last >= rows.length - 20) void loadMore();
  }, [last, rows.length, total, loadMore]);

  // A new search (or view, sort, filter) shows its best rows from the top; a reload of the same
  // list, and j/k, keep the open paper in view.
  useEffect(() => {
    if (useApp.getState().pendingScroll !== null) return;
    if (shownFor.current !== rowsFor) {
      shownFor.current = rowsFor;
      virtualizer.scrollToOffset(0);
      return;
    }
    const at = rows.findIndex((r) => r.id === selectedId);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [selectedId, rows, rowsFor, virtualizer]);

  return (
    <div className="list-scroll" ref={scrollRef} onScroll={(e) => setListScroll(e.currentTarget.scrollTop)}>
      <div role="listbox" aria-label="Papers" aria-multiselectable="true" className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <PaperRowView
              key={row.id}
              ref={virtualizer.measureElement}
              data-index={item.index}
              row={row}
              selected={row.id === selectedId}
              checked={selectedIds.includes(row.id)}
              style={{ transform: `translateY(${item.start}px)` }}
              tabIndex={row.id === selectedId || (!selectedId && item.index === 0) ? 0 : -1}
              onClick={(e) => selectRow(row.id, clickMode(e))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  selectRow(row.id, e.shiftKey ? 'range' : e.ctrlKey || e.metaKey || e.key === ' ' ? 'toggle' : 'open');
                }
              }}
            />
          );
        })}
      </div>
    </div>
  );
}

/** The name of what the list shows, and for a digest how much of it is still unread. */
function ViewTitle() {
  const view = useApp((s) => s.view);
  const digests = useApp((s) => s.digests);
  const lists = useApp((s) => s.lists);
  const tags = useApp((s) => s.tags);
  const setView = useApp((s) => s.setView);
  const startTriage = useApp((s) => s.startTriage);

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

/** The search box, counts, filter and sort order above the list. */
export function ListHeader({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const query = useApp((s) => s.query);
  const total = useApp((s) => s.total);
  const matched = useApp((s) => s.matched);
  const indexing = useApp((s) => s.indexing);
  const searched = useApp((s) => s.searched);
  const sort = useApp((s) => s.sort);
  const view = useApp((s) => s.view);
  const stateFilter = useApp((s) => s.stateFilter);
  const setQuery = useApp((s) => s.setQuery);
  const setSort = useApp((s) => s.setSort);
  const setStateFilter = useApp((s) => s.setStateFilter);

  return (
    <div className="list-header">
      <ViewTitle />
      <div className="search-field">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search papers"
          placeholder="Search papers, tags, notes  ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              e.currentTarget.blur();
            }
            // Enter or ↓ goes from the search to its results: the first one opens.
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              const open = e.key === 'Enter';
              void useApp
                .getState()
                .listSettled()
                .then(() => {
                  const first = useApp.getState().rows[0];
                  if (!first) return;
                  if (open) useApp.getState().selectRow(first.id, 'open');
                  requestAnimationFrame(() => document.querySelector<HTMLElement>('[role=listbox] [role=option][tabindex="0"]')?.focus());
                });
            }
          }}
        />
      </div>
      <div className="list-tools">
        <span className="result-count" role="status">
          {indexing
            ? preparing(indexing)
            : searched
              ? `${plural(matched, 'result')} · ${matched > total ? `best ${total.toLocaleString()} first` : 'best first'}`
              : plural(total, 'paper')}
        </span>
        <div className="list-controls">
          <select aria-label="Show" value={stateFilter ?? ''} onChange={(e) => setStateFilter((e.target.value || null) as ReadState | null)}>
            <option value="">All</option>
            {READ_STATES.map((state) => (
              <option key={state} value={state}>
                {READ_STATE_LABELS[state]}
              </option>
            ))}
          </select>
          <select aria-label="Sort by" value={sort} disabled={searched} onChange={(e) => setSort(e.target.value as SortOrder)}>
            {view.kind === 'list' && <option value="list">List order</option>}
            <option value="digest">Digest order</option>
            <option value="date">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
      <SelectionBar />
    </div>
  );
}

/** Actions on a multi-selection: add to a list, tag, mark read, star, compare. */
function SelectionBar() {
  const selectedIds = useApp((s) => s.selectedIds);
  const lists = useApp((s) => s.lists);
  const clearSelection = useApp((s) => s.clearSelection);
  const addToList = useApp((s) => s.addToList);
  const setStatus = useApp((s) => s.setStatus);
  const addTags = useApp((s) => s.addTags);
  const compare = useApp((s) => s.compare);
  const tagRef = useRef<HTMLInputElement>(null);
  if (selectedIds.length === 0) return null;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <strong>{selectedIds.length} selected</strong>
      <select aria-label="Add selection to list" value="" onChange={(e) => e.target.value && void addToList(e.target.value, selectedIds)}>
        <option value="">Add to list…</option>
        {lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const value = tagRef.current?.value ?? '';
          void addTags(selectedIds, value.split(',')).then(() => {
            if (tagRef.current) tagRef.current.value = '';
          });
        }}
      >
        <input ref={tagRef} aria-label="Tag selection" placeholder="Tag…" list="tag-names" />
      </form>
      <button type="button" className="small" onClick={() => void setStatus(selectedIds, { state: 'read' })}>
        Mark read
      </button>
      <button type="button" className="small" onClick={() => void setStatus(selectedIds, { starred: true })}>
        Star
      </button>
      <button type="button" className="small" title="Compare 2 to 6 papers side by side" onClick={() => void compare(selectedIds)}>
        Compare
      </button>
      <button type="button" className="ghost small" onClick={clearSelection}>
        Clear
      </button>
    </div>
  );
}

/** The search index is still opening in the core (a large library's first start builds it). */
function preparing({ done, total }: { done: number; total: number }): string {
  return total ? `Preparing search: ${done.toLocaleString()} of ${plural(total, 'paper')} indexed` : 'Preparing search';
}

/** What an empty list means, and what to do about it. */
export function EmptyList() {
  const query = useApp((s) => s.query);
  const view = useApp((s) => s.view);
  const stateFilter = useApp((s) => s.stateFilter);
  const paperCount = useApp((s) => s.paperCount);
  const setView = useApp((s) => s.setView);
  const setQuery = useApp((s) => s.setQuery);
  const setStateFilter = useApp((s) => s.setStateFilter);
  const openImport = useApp((s) => s.openImport);
  const indexing = useApp((s) => s.indexing);

  if (query.trim() && indexing) {
    return (
      <div className="empty" role="status">
        <h2>Preparing search…</h2>
        <p>{preparing(indexing)}. Your results appear as soon as it is ready.</p>
      </div>
    );
  }
  if (query.trim()) {
    return (
      <div className="empty" role="status">
        <h2>No papers match “{query.trim()}”</h2>
        <p>No title, abstract, tag or note {view.kind !== 'all' ? 'in this view ' : ''}contains these words, or words close to them.</p>
        <div className="empty-actions">
          {view.kind !== 'all' && (
            <button type="button" onClick={() => setView({ kind: 'all' })}>
              Search all papers
            </button>
          )}
          <button type="button" onClick={() => setQuery('')}>
            Clear search
          </button>
        </div>
      </div>
    );
  }
  if (stateFilter) {
    return (
      <div className="empty" role="status">
        <h2>No {stateFilter} papers here</h2>
        <div className="empty-actions">
          <button type="button" onClick={() => setStateFilter(null)}>
            Show all
          </button>
        </div>
      </div>
    );
  }
  if (view.kind === 'list') {
    return (
      <div className="empty" role="status">
        <h2>This list is empty</h2>
        <p>Add papers from the reader (“Add to list”), or select several in a list and use “Add to list…”.</p>
      </div>
    );
  }
  if (view.kind === 'starred' || view.kind === 'tags') {
    return (
      <div className="empty" role="status">
        <h2>{view.kind === 'starred' ? 'No starred papers yet' : 'No papers with these tags'}</h2>
        <p>{view.kind === 'starred' ? 'Star a paper from the reader (☆) or in triage (s).' : 'Tag papers from the reader.'}</p>
      </div>
    );
  }
  if (paperCount === 0) {
    return (
      <div className="empty" role="status">
        <h2>Your library is empty</h2>
        <p>Import a digest (a file of paper titles, each followed by its abstract) to start reading.</p>
        <button type="button" className="primary" onClick={() => openImport(true)}>
          Import digest…
        </button>
      </div>
    );
  }
  return (
    <div className="empty" role="status">
      <h2>Nothing to show</h2>
    </div>
  );
}
