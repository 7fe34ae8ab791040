import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useApp } from '../store';
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
    overscan: 5,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  // The last row in view (not those drawn beyond it).
  const seen = virtualizer.range?.endIndex ?? 0;

  useEffect(() => {
    // The next page is asked for when the view comes within a screenful of the end: not under a new
    // search (a page is 25 rows, two screenfuls of a tall window), and before the reader gets there.
    if (rows.length < total && seen >= rows.length - 8) void loadMore();
  }, [seen, rows.length, total, loadMore]);

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
