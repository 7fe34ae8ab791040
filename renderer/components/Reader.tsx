import { useApp } from '../store';
import { formatDate } from '../format';
import { Highlighted } from './Highlighted';

/** The paper being read: title, provenance, and the full abstract. */
export function Reader() {
  const paper = useApp((s) => s.paper);
  const error = useApp((s) => s.readerError);
  const rows = useApp((s) => s.rows);
  const total = useApp((s) => s.total);
  const step = useApp((s) => s.step);

  if (error) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        <p role="alert">{error}</p>
      </section>
    );
  }
  if (!paper) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        <div className="empty">
          <h2>Select a paper to read it</h2>
          <p>
            Press <kbd>j</kbd> and <kbd>k</kbd> to move through the list, <kbd>/</kbd> to search.
          </p>
        </div>
      </section>
    );
  }
  const at = rows.findIndex((r) => r.id === paper.id);
  return (
    <section className="reader" aria-label="Reader">
      <div className="reader-bar">
        <span className="position">{at >= 0 ? `${at + 1} of ${total.toLocaleString()}` : ''}</span>
        <div className="pager">
          <button type="button" onClick={() => step(-1)} disabled={at <= 0} aria-label="Previous paper" title="Previous paper (k)">
            ↑ <kbd>k</kbd>
          </button>
          <button type="button" onClick={() => step(1)} disabled={at < 0 || at >= total - 1} aria-label="Next paper" title="Next paper (j)">
            ↓ <kbd>j</kbd>
          </button>
        </div>
      </div>
      <article className="reader-body" aria-labelledby="reader-title">
        <h1 id="reader-title">
          <Highlighted text={paper.title} ranges={paper.titleRanges} />
        </h1>
        <ul className="provenance" aria-label="Appeared in">
          {paper.appearances.map((a) => (
            <li key={`${a.digestId}-${a.position}`}>
              <span className="prov-digest">{a.digestName}</span> · paper {a.position} · imported {formatDate(a.importedAt)}
            </li>
          ))}
        </ul>
        <p className="abstract">
          <Highlighted text={paper.abstract} ranges={paper.abstractRanges} />
        </p>
      </article>
    </section>
  );
}
