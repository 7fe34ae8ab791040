import { useApp } from '../store';
import { plural, preparingSearch } from '../format';
import type { ReadState, SortOrder } from '../store/types';
import { READ_STATE_LABELS, READ_STATES } from '../../src/api/vocabulary';
import { SelectionBar } from './SelectionBar';
import { ViewTitle } from './ViewTitle';
import { FacetChips, FacetSelects } from './FacetBar';
import { RankingNote } from './daily/RankingNote';
import { smartQueryFromSearch } from '../daily';

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
  const facets = useApp((s) => s.facets);
  const openSmartEditor = useApp((s) => s.openSmartEditor);

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
            ? preparingSearch(indexing)
            : searched
              ? `${plural(matched, 'result')} · ${matched > total ? `best ${total.toLocaleString()} first` : 'best first'}`
              : plural(total, 'paper')}
        </span>
        <div className="list-controls">
          <FacetSelects />
          <select aria-label="Show" value={stateFilter ?? ''} onChange={(e) => setStateFilter((e.target.value || null) as ReadState | null)}>
            <option value="">All</option>
            {READ_STATES.map((state) => (
              <option key={state} value={state}>
                {READ_STATE_LABELS[state]}
              </option>
            ))}
          </select>
          {searched ? (
            // A search is ordered by how well papers match, or "Best for you" among its matches.
            <select aria-label="Sort by" value={sort === 'best' ? 'best' : 'digest'} onChange={(e) => setSort(e.target.value as SortOrder)}>
              <option value="digest">Best match</option>
              <option value="best">Best for you</option>
            </select>
          ) : (
            <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
              {view.kind === 'list' && <option value="list">List order</option>}
              <option value="digest">Digest order</option>
              <option value="date">Newest imported</option>
              <option value="published">Newest published</option>
              <option value="title">Title A–Z</option>
              <option value="best">Best for you</option>
            </select>
          )}
        </div>
      </div>
      <FacetChips />
      {query.trim() && view.kind !== 'smart' && (
        <div className="save-search">
          <button type="button" className="small" onClick={() => openSmartEditor({ mode: 'create', query: smartQueryFromSearch(query, facets, stateFilter) })}>
            Save search as smart list…
          </button>
        </div>
      )}
      {sort === 'best' && <RankingNote />}
      <SelectionBar />
    </div>
  );
}
