import { useEffect } from 'react';
import { formatDate } from '../format';
import { useApp } from '../store';
import type { PaperView } from '../store/types';
import { NoAbstract } from './Abstract';
import { inlineLatex } from './Highlighted';
import { TagInput } from './TagInput';

/** Triage: one unread paper at a time, decided with single keys. */
export function Triage() {
  const triage = useApp((s) => s.triage)!;
  const lists = useApp((s) => s.lists);
  const stop = useApp((s) => s.stopTriage);
  const read = useApp((s) => s.triageRead);
  const star = useApp((s) => s.triageStar);
  const skip = useApp((s) => s.triageSkip);
  const notInterested = useApp((s) => s.triageNotInterested);
  const undo = useApp((s) => s.triageUndo);
  const addToList = useApp((s) => s.addToList);
  const { paper, index, queue } = triage;
  const done = index >= queue.length;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
      // Esc in the list or tag field gives the keys back to triage (it does not end it).
      if (typing && e.key === 'Escape') (e.target as HTMLElement).blur();
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      const actions: Record<string, () => void> = {
        r: () => void read(),
        s: () => void star(),
        x: () => void skip(),
        d: () => void notInterested(),
        u: () => void undo(),
        l: () => document.getElementById('triage-list')?.focus(),
        t: () => document.getElementById('triage-tag')?.focus(),
        Escape: stop,
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [read, star, skip, notInterested, undo, stop]);

  return (
    <section className="triage" aria-label="Triage">
      <header className="triage-head">
        <div>
          <h1>
            Triage · {triage.name}
            {triage.best && <span className="triage-best"> · best for you first</span>}
          </h1>
          <div className="view-sub" role="status">
            {done ? `Done: ${queue.length} of ${queue.length} seen` : `Paper ${index + 1} of ${queue.length} unread`}
          </div>
        </div>
        <button type="button" onClick={stop}>
          Done <kbd>Esc</kbd>
        </button>
      </header>
      <progress className="triage-progress" aria-label="Triage progress" max={queue.length || 1} value={Math.min(index, queue.length)} />
      {done ? (
        <div className="empty">
          <h2>All caught up</h2>
          <p>
            Every unread paper of this digest has been seen. Press <kbd>u</kbd> to undo the last decision.
          </p>
        </div>
      ) : !paper ? (
        <div className="empty" aria-busy={triage.loading}>
          <p>
            {triage.loading ? (
              'Opening the next paper…'
            ) : (
              <>
                This paper could not be opened. Press <kbd>x</kbd> to skip it.
              </>
            )}
          </p>
        </div>
      ) : (
        <article className="triage-card" aria-labelledby="triage-title">
          <h2 id="triage-title">
            {inlineLatex(paper.title)}
            {paper.starred && (
              <span className="star-mark" aria-label="Starred">
                {' '}
                ★
              </span>
            )}
          </h2>
          <TriageByline paper={paper} />
          {triage.reasons[paper.id] && <p className="reason">{triage.reasons[paper.id]}</p>}
          {paper.abstract.trim() ? <p className="abstract">{inlineLatex(paper.abstract)}</p> : <NoAbstract />}
          <div className="triage-tools">
            <select
              id="triage-list"
              aria-label="Add to list"
              value=""
              onChange={(e) => {
                if (e.target.value) void addToList(e.target.value, [paper.id]);
                e.target.blur();
              }}
            >
              <option value="">Add to list… (l)</option>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <TagInput paperIds={[paper.id]} id="triage-tag" label="Tag" placeholder="Tag… (t)" blurAfter />
          </div>
        </article>
      )}
      <footer className="triage-keys" aria-label="Triage keys">
        <span>
          <kbd>r</kbd> read
        </span>
        <span>
          <kbd>s</kbd> star
        </span>
        <span>
          <kbd>l</kbd> add to list
        </span>
        <span>
          <kbd>t</kbd> tag
        </span>
        <span>
          <kbd>x</kbd> skip
        </span>
        <span>
          <kbd>d</kbd> not interested
        </span>
        <span>
          <kbd>u</kbd> undo
        </span>
      </footer>
    </section>
  );
}

/** Who wrote it, when it came out and where: what a decision in a second rests on, beside the abstract. */
function TriageByline({ paper }: { paper: PaperView }) {
  const authors = paper.authors ?? [];
  const parts = [
    authors.length > 6 ? `${authors.slice(0, 6).join(', ')} et al.` : authors.join(', '),
    paper.published ? formatDate(paper.published) : '',
    paper.primaryCategory ?? paper.categories?.[0] ?? '',
    paper.upvotes ? `▲ ${paper.upvotes}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? <p className="triage-byline">{parts.join(' · ')}</p> : null;
}
