import { useApp } from '../store';
import { formatDate } from '../format';

/** Library navigation: all papers, and each digest with its count. */
export function Sidebar() {
  const digests = useApp((s) => s.digests);
  const paperCount = useApp((s) => s.paperCount);
  const digestId = useApp((s) => s.digestId);
  const setDigest = useApp((s) => s.setDigest);
  const openImport = useApp((s) => s.openImport);

  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">Digest Reader</div>
      <button type="button" className="primary import-button" onClick={() => openImport(true)}>
        Import digest…
      </button>
      <ul className="nav-list" aria-label="Views">
        <li>
          <button type="button" className="nav-item" aria-current={digestId === null ? 'page' : undefined} onClick={() => setDigest(null)}>
            <span className="nav-name">All papers</span>
            <span className="count" aria-label={`${paperCount} papers`}>{paperCount.toLocaleString()}</span>
          </button>
        </li>
      </ul>
      <h2 className="nav-heading" id="digests-heading">Digests</h2>
      {digests.length === 0 ? (
        <p className="nav-empty">No digests yet. Import one to start reading.</p>
      ) : (
        <ul className="nav-list" aria-labelledby="digests-heading">
          {digests.map((d) => (
            <li key={d.id}>
              <button type="button" className="nav-item" aria-current={digestId === d.id ? 'page' : undefined} onClick={() => setDigest(d.id)} title={d.name}>
                <span className="nav-name">
                  {d.name}
                  <span className="nav-sub">{formatDate(d.importedAt)}</span>
                </span>
                <span className="count" aria-label={`${d.paperCount} papers`}>{d.paperCount.toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
