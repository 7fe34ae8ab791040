import { useRef, useState } from 'react';
import { useApp } from '../../store';
import type { Matrix, MatrixColumn } from '../../store/compare-slice';

type Attribute = Matrix['attributes'][number];

/**
 * A paper's value for an attribute, edited in place: saved when the field is left or on Enter
 * (Shift+Enter for a new line); Escape puts the saved value back.
 */
export function AttributeCell({ col, attribute }: { col: MatrixColumn; attribute: Attribute }) {
  const setCell = useApp((s) => s.setCell);
  const cell = col.cells[attribute.id];
  const saved = cell?.value ?? '';
  const [draft, setDraft] = useState(saved);
  const [editing, setEditing] = useState(false);
  const cancelled = useRef(false);

  const save = async () => {
    setEditing(false);
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    if (draft !== saved) await setCell(col.paperId, attribute.id, draft);
  };

  return (
    <div className="cmp-cell">
      <textarea
        className="cmp-cell-input"
        aria-label={`${attribute.name} of “${col.title}”`}
        placeholder="—"
        rows={1}
        // A change from elsewhere (a quote, an undo, another window) shows unless the reader is typing.
        value={editing ? draft : saved}
        onFocus={() => {
          setDraft(saved);
          setEditing(true);
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.blur();
          }
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancelled.current = true;
            e.currentTarget.blur();
          }
        }}
      />
      {cell?.quote && (
        <span className={`cmp-quote-tag${cell.quote.range ? '' : ' cmp-quote-lost'}`}>
          {cell.quote.range ? '“ quoted from the abstract' : 'quote no longer found in the abstract'}
        </span>
      )}
    </div>
  );
}
