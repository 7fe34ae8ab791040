import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useApp } from '../store';
import { formatDate, plural } from '../format';
import { Highlighted } from './Highlighted';
import type { SortOrder } from '../store/types';

/** The papers of the current view or search, virtualised so a large library scrolls smoothly. */
export function PaperList() {
  const rows = useApp((s) => s.rows);
  const total = useApp((s) => s.total);
  const selectedId = useApp((s) => s.selectedId);
  const openPaper = useApp((s) => s.openPaper);
  const loadMore = useApp((s) => s.loadMore);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 104,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (rows.length < total && last >= rows.length - 20) void loadMore();
  }, [last, rows.length, total, loadMore]);

  useEffect(() => {
    const at = rows.findIndex((r) => r.id === selectedId);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [selectedId, rows, virtualizer]);

  return (
    <div className="list-scroll" ref={scrollRef}>
      <div role="listbox" aria-label="Papers" className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          const selected = row.id === selectedId;
          return (
            <div
              key={row.id}
              role="option"
              aria-selected={selected}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`paper-row${selected ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => void openPaper(row.id)}
            >
              <div className="row-title">
                <Highlighted text={row.title} ranges={row.titleRanges} />
              </div>
              <div className="row-snippet">
                <Highlighted text={row.snippet.text} ranges={row.snippet.ranges} />
              </div>
              <div className="row-meta">
                <span className="row-digest">{row.digests[0]?.name}</span>
                {row.digests.length > 1 && <span className="also"> +{row.digests.length - 1}</span>}
                <span aria-hidden="true"> · </span>
                <span>{formatDate(row.importedAt)}</span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The search box, counts and sort order above the list. */
export function ListHeader({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const query = useApp((s) => s.query);
  const total = useApp((s) => s.total);
  const searched = useApp((s) => s.searched);
  const sort = useApp((s) => s.sort);
  const setQuery = useApp((s) => s.setQuery);
  const setSort = useApp((s) => s.setSort);

  return (
    <div className="list-header">
      <div className="search-field">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search papers"
          placeholder="Search titles and abstracts  ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              e.currentTarget.blur();
            }
          }}
        />
      </div>
      <div className="list-tools">
        <span className="result-count" role="status">
          {searched ? `${plural(total, 'result')} · best first` : plural(total, 'paper')}
        </span>
        <label className="sort">
          <span>Sort</span>
          <select aria-label="Sort by" value={sort} disabled={searched} onChange={(e) => setSort(e.target.value as SortOrder)}>
            <option value="digest">Digest order</option>
            <option value="date">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </label>
      </div>
    </div>
  );
}

/** What an empty list means, and what to do about it. */
export function EmptyList() {
  const query = useApp((s) => s.query);
  const digestId = useApp((s) => s.digestId);
  const digests = useApp((s) => s.digests);
  const setDigest = useApp((s) => s.setDigest);
  const setQuery = useApp((s) => s.setQuery);
  const openImport = useApp((s) => s.openImport);
  const digest = digests.find((d) => d.id === digestId);

  if (query.trim()) {
    return (
      <div className="empty" role="status">
        <h2>No papers match “{query.trim()}”</h2>
        <p>No title or abstract {digest ? `in “${digest.name}” ` : ''}contains these words, or words close to them.</p>
        <div className="empty-actions">
          {digest && (
            <button type="button" onClick={() => setDigest(null)}>
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
