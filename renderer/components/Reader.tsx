import { useLayoutEffect, useRef } from 'react';
import { useApp } from '../store';
import { formatDate } from '../format';
import { Highlighted } from './Highlighted';
import { Abstract, HighlightList } from './Abstract';
import { NoteEditor } from './NoteEditor';
import { RelatedPapers } from './RelatedPapers';
import { PaperIdentity } from './PaperIdentity';
import { TagInput } from './TagInput';
import type { PaperView } from '../store/types';
import { READ_STATE_LABELS, READ_STATES } from '../../src/api/vocabulary';

const STATES = READ_STATES.map((value) => ({ value, label: READ_STATE_LABELS[value] }));

/** The paper being read: title, provenance, status, tags, lists, abstract, highlights and note. */
export function Reader() {
  const paper = useApp((s) => s.paper);
  const error = useApp((s) => s.readerError);
  const rows = useApp((s) => s.rows);
  const total = useApp((s) => s.total);
  const step = useApp((s) => s.step);
  const scroller = useRef<HTMLElement>(null);
  // Another paper starts at its title, not where the last one was scrolled to.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [paper?.id]);

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
    <section className="reader" aria-label="Reader" ref={scroller}>
      <div className="reader-bar">
        <span className="position">{at >= 0 ? `${at + 1} of ${total.toLocaleString()}` : ''}</span>
        <div className="pager">
          <button type="button" onClick={() => step(-1)} disabled={at <= 0} title="Previous paper (k)">
            <span aria-hidden="true">↑</span> <span className="visually-hidden">Previous paper</span> <kbd>k</kbd>
          </button>
          <button type="button" onClick={() => step(1)} disabled={at < 0 || at >= total - 1} title="Next paper (j)">
            <span aria-hidden="true">↓</span> <span className="visually-hidden">Next paper</span> <kbd>j</kbd>
          </button>
        </div>
      </div>
      <article className="reader-body" aria-labelledby="reader-title">
        <h1 id="reader-title" tabIndex={-1}>
          <Highlighted text={paper.title} ranges={paper.titleRanges} />
        </h1>
        <PaperIdentity paper={paper} />
        <ul className="provenance" aria-label="Appeared in">
          {paper.appearances.map((a) => (
            <li key={`${a.digestId}-${a.position}`}>
              <span className="prov-digest">{a.digestName}</span> · paper {a.position} · imported {formatDate(a.importedAt)}
            </li>
          ))}
        </ul>
        <PaperActions paper={paper} />
        <Abstract paper={paper} />
        <HighlightList paper={paper} />
        <NoteEditor />
        <RelatedPapers paperId={paper.id} />
      </article>
    </section>
  );
}

function PaperActions({ paper }: { paper: PaperView }) {
  const setStatus = useApp((s) => s.setStatus);
  const lists = useApp((s) => s.lists);
  const addToList = useApp((s) => s.addToList);
  const removeFromList = useApp((s) => s.removeFromList);
  const removeTag = useApp((s) => s.removeTag);
  const openPicker = useApp((s) => s.openPicker);
  const ids = [paper.id];

  return (
    <div className="paper-actions">
      <div className="action-row">
        <div className="segmented" role="group" aria-label="Read status">
          {STATES.map((s) => (
            <button key={s.value} type="button" aria-pressed={paper.state === s.value} onClick={() => void setStatus(ids, { state: s.value })}>
              {s.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={`star${paper.starred ? ' on' : ''}`}
          aria-pressed={paper.starred}
          aria-label="Star"
          title="Star"
          onClick={() => void setStatus(ids, { starred: !paper.starred })}
        >
          {paper.starred ? '★' : '☆'}
        </button>
        <select aria-label="Add to list" value="" onChange={(e) => e.target.value && void addToList(e.target.value, ids)}>
          <option value="">Add to list…</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id} disabled={paper.lists.some((x) => x.id === l.id)}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="button" className="small" onClick={() => openPicker({ mode: 'with', paperId: paper.id, title: paper.title })}>
          Compare with…
        </button>
        <button
          type="button"
          className="small"
          aria-pressed={paper.notInterested}
          title="Fewer papers like this one in “Best for you”"
          onClick={() => void setStatus(ids, { notInterested: !paper.notInterested })}
        >
          Not interested
        </button>
      </div>
      <div className="action-row chips-row">
        <ul className="chips" aria-label="Tags">
          {paper.tags.map((t) => (
            <li key={t.id} className={`chip tag-${t.color}`} title={t.name}>
              <span className="chip-label">{t.name}</span>
              <button type="button" className="chip-x" aria-label={`Remove tag ${t.name}`} onClick={() => void removeTag(ids, t.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <TagInput paperIds={ids} label="Add tag" placeholder="Add tag…" />
      </div>
      {paper.lists.length > 0 && (
        <div className="action-row in-lists">
          <span className="label">In</span>
          <ul className="chips" aria-label="Lists">
            {paper.lists.map((l) => (
              <li key={l.id} className="chip list-chip" title={l.name}>
                <span className="chip-label">{l.name}</span>
                <button type="button" className="chip-x" aria-label={`Remove from list ${l.name}`} onClick={() => void removeFromList(l.id, ids)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
