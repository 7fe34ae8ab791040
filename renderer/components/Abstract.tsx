import { memo, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useApp } from '../store';
import type { PaperView } from '../store/types';
import { blockCuts, LONG_TEXT, segments, type Segment } from '../text-segments';
import { paperLinks } from '../paper-links';
import { selectionIn } from '../selection';
import { inlineLatex } from './Highlighted';
import { HIGHLIGHT_COLORS } from '../../src/api/vocabulary';

/**
 * A long abstract's blocks (see blockCuts): each is laid out by the browser only when scrolled to
 * (`content-visibility: auto`), so a 1 MB abstract shows as fast as a short one; its text is all
 * in the page, for selection, highlights and find-in-page.
 */
const BLOCK: CSSProperties = { display: 'block', contentVisibility: 'auto', containIntrinsicSize: 'auto 40em' };

function pieces(segs: Segment[]): ReactNode[] {
  return segs.map((seg) => {
    // Maths shown as maths; a piece cut inside a formula (a mark ending in it) shows its source.
    const text = inlineLatex(seg.text);
    const inner = seg.search ? <mark className="search-hit">{text}</mark> : text;
    return seg.highlight ? (
      <mark key={seg.start} className={`hl hl-${seg.highlight.color}`} data-highlight={seg.highlight.id}>
        {inner}
      </mark>
    ) : (
      <span key={seg.start}>{inner}</span>
    );
  });
}

/** The abstract's text with its marks: in one piece, or in blocks when it is long. */
function AbstractText({ paper }: { paper: PaperView }) {
  const { abstract, abstractRanges, highlights } = paper;
  const cuts = useMemo(() => (abstract.length > LONG_TEXT ? blockCuts(abstract) : []), [abstract]);
  const segs = useMemo(() => segments(abstract, abstractRanges, highlights, cuts), [abstract, abstractRanges, highlights, cuts]);
  if (cuts.length === 0) return <>{pieces(segs)}</>;
  // Segments are cut at the blocks' bounds too: each goes to the block it starts in.
  const blocks: Segment[][] = [[]];
  for (const seg of segs) {
    if (seg.start >= (cuts[blocks.length - 1] ?? Infinity)) blocks.push([]);
    blocks[blocks.length - 1].push(seg);
  }
  return (
    <>
      {blocks.map((block, i) => (
        <Block key={i === 0 ? 0 : cuts[i - 1]} segs={block} />
      ))}
    </>
  );
}

/** A block renders again only when its marks changed: typing on with a long abstract open redraws the blocks whose marks moved. */
const Block = memo(
  function Block({ segs }: { segs: Segment[] }) {
    return <span style={BLOCK}>{pieces(segs)}</span>;
  },
  (a, b) =>
    a.segs.length === b.segs.length &&
    a.segs.every((s, i) => {
      const t = b.segs[i];
      return (
        s.start === t.start &&
        s.text.length === t.text.length &&
        s.search === t.search &&
        s.highlight?.id === t.highlight?.id &&
        s.highlight?.color === t.highlight?.color
      );
    }),
);

/** What shows in place of an abstract a reference came without (Google Scholar's and arXiv's BibTeX have none). */
export function NoAbstract({ hint }: { hint?: string }) {
  return <p className="abstract-missing">No abstract came with this paper.{hint && ` ${hint}`}</p>;
}

/** The abstract, with search hits and the reader's highlights; selecting text offers to highlight it. */
export function Abstract({ paper }: { paper: PaperView }) {
  const addHighlight = useApp((s) => s.addHighlight);
  const ref = useRef<HTMLParagraphElement>(null);
  const [pending, setPending] = useState<{ start: number; end: number; top: number; left: number } | null>(null);
  const [comment, setComment] = useState('');

  const captureSelection = () => {
    const root = ref.current;
    const sel = selectionIn(root, paper.abstract);
    if (!sel || !root) return;
    const frame = root.getBoundingClientRect();
    setComment('');
    setPending({
      start: sel.start,
      end: sel.end,
      top: sel.box.bottom - frame.top + 6,
      left: Math.max(0, Math.min(sel.box.left - frame.left, frame.width - 320)),
    });
  };

  const save = async (color: (typeof HIGHLIGHT_COLORS)[number]) => {
    if (!pending) return;
    await addHighlight(paper.id, pending.start, pending.end, color, comment.trim());
    setPending(null);
    window.getSelection()?.removeAllRanges();
  };

  if (!paper.abstract.trim()) return <NoAbstract hint={paperLinks(paper).found ? 'The links above lead to its page.' : 'The links above search for it.'} />;

  return (
    <div className="abstract-wrap">
      <p className="abstract" ref={ref} onMouseUp={captureSelection} onKeyUp={(e) => e.shiftKey && captureSelection()}>
        <AbstractText paper={paper} />
      </p>
      {pending && (
        <div className="hl-popover" role="dialog" aria-label="Highlight selection" style={{ top: pending.top, left: pending.left }}>
          <input
            aria-label="Highlight comment"
            placeholder="Comment (optional)"
            value={comment}
            autoFocus
            onChange={(e) => setComment(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save(HIGHLIGHT_COLORS[0]);
              if (e.key === 'Escape') setPending(null);
            }}
          />
          <div className="hl-colors">
            {HIGHLIGHT_COLORS.map((c) => (
              <button key={c} type="button" className={`swatch hl-${c}`} aria-label={`Highlight ${c}`} title={`Highlight ${c}`} onClick={() => void save(c)} />
            ))}
            <button type="button" className="ghost small" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The paper's highlights in reading order: jump to one, edit its comment or colour, delete it. */
export function HighlightList({ paper }: { paper: PaperView }) {
  const updateHighlight = useApp((s) => s.updateHighlight);
  const deleteHighlight = useApp((s) => s.deleteHighlight);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  if (paper.highlights.length === 0) return null;

  const jump = (id: string) => {
    const mark = document.querySelector<HTMLElement>(`mark[data-highlight="${CSS.escape(id)}"]`);
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark?.classList.add('flash');
    setTimeout(() => mark?.classList.remove('flash'), 1200);
  };

  return (
    <section className="highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading" className="section-heading">
        Highlights <span className="count">{paper.highlights.length}</span>
      </h2>
      <ul>
        {paper.highlights.map((h) => (
          <li key={h.id} className={`hl-item hl-border-${h.color}`}>
            <blockquote>{inlineLatex(h.quote.exact)}</blockquote>
            {!h.range && <p className="hl-orphan">This passage is no longer in the abstract.</p>}
            {editing === h.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void updateHighlight(h.id, { comment: draft }).then(() => setEditing(null));
                }}
              >
                <textarea aria-label="Edit comment" value={draft} autoFocus rows={2} onChange={(e) => setDraft(e.target.value)} />
                <div className="row-actions">
                  <button type="submit" className="small primary">
                    Save
                  </button>
                  <button type="button" className="small ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            ) : (
              h.comment && <p className="hl-comment">{h.comment}</p>
            )}
            <div className="row-actions">
              {h.range && (
                <button type="button" className="small ghost" onClick={() => jump(h.id)}>
                  Jump to
                </button>
              )}
              <button
                type="button"
                className="small ghost"
                onClick={() => {
                  setDraft(h.comment);
                  setEditing(h.id);
                }}
              >
                {h.comment ? 'Edit comment' : 'Add comment'}
              </button>
              {HIGHLIGHT_COLORS.filter((c) => c !== h.color).map((c) => (
                <button
                  key={c}
                  type="button"
                  className={`swatch small-swatch hl-${c}`}
                  aria-label={`Make ${c}`}
                  title={`Make ${c}`}
                  onClick={() => void updateHighlight(h.id, { color: c })}
                />
              ))}
              <button type="button" className="small ghost danger" onClick={() => void deleteHighlight(h.id)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
