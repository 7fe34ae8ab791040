import { useApp } from '../store';
import { preparingSearch } from '../format';

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
        <p>{preparingSearch(indexing)}. Your results appear as soon as it is ready.</p>
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
