import { useRef, useState } from 'react';
import { useApp } from '../../store';
import type { MatrixColumn } from '../../store/compare-slice';
import { segments } from '../../text-segments';
import { selectionIn } from '../../selection';
import { NoAbstract } from '../Abstract';

const NONE: never[] = [];

/**
 * A paper's abstract with the shared terms marked and the quoted cells underlined. Selecting a
 * passage offers to fill one of the attribute rows with it, as a quote.
 */
export function AbstractCell({ col, full }: { col: MatrixColumn; full: boolean }) {
  const attributes = useApp((s) => s.matrix?.attributes ?? NONE);
  const quoteCell = useApp((s) => s.quoteCell);
  const ref = useRef<HTMLParagraphElement>(null);
  const [pending, setPending] = useState<{ start: number; end: number; top: number } | null>(null);

  const quoted = attributes.flatMap((a) => {
    const range = col.cells[a.id]?.quote?.range;
    return range ? [{ id: a.id, color: 'quote', range }] : [];
  });

  const capture = () => {
    const root = ref.current;
    const sel = selectionIn(root, col.abstract);
    if (!sel || !root) return;
    setPending({ start: sel.start, end: sel.end, top: sel.box.bottom - root.getBoundingClientRect().top + 6 });
  };

  const fill = async (attributeId: string) => {
    if (!pending) return;
    await quoteCell(col.paperId, attributeId, pending.start, pending.end);
    setPending(null);
    window.getSelection()?.removeAllRanges();
  };

  if (!col.abstract.trim()) return <NoAbstract />;

  return (
    <div className="cmp-abstract-wrap">
      <p className={`cmp-abstract${full ? ' full' : ''}`} ref={ref} onMouseUp={capture} onKeyUp={(e) => e.shiftKey && capture()}>
        {segments(col.abstract, col.termRanges, quoted).map((seg) => {
          const inner = seg.search ? <mark className="cmp-term">{seg.text}</mark> : seg.text;
          return seg.highlight ? (
            <mark key={seg.start} className="cmp-quoted">
              {inner}
            </mark>
          ) : (
            <span key={seg.start}>{inner}</span>
          );
        })}
      </p>
      {pending && (
        <div className="hl-popover cmp-fill" role="dialog" aria-label="Fill a row with the selection" style={{ top: pending.top }}>
          {attributes.length === 0 ? (
            <p>Add a row first (the “+ Add a row” field above), then select the passage again.</p>
          ) : (
            <div className="cmp-fill-buttons">
              {attributes.map((a) => (
                <button key={a.id} type="button" className="small" onClick={() => void fill(a.id)}>
                  Fill “{a.name}”
                </button>
              ))}
            </div>
          )}
          <button type="button" className="ghost small" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
