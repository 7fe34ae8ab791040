import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useApp } from '../../store';
import type { MatrixColumn } from '../../store/compare-slice';
import { inlineLatex } from '../Highlighted';

/** A column's head: the paper's title, its grip to drag it, and its menu (move, remove). */
export function ColumnHead({ col, index, count }: { col: MatrixColumn; index: number; count: number }) {
  const moveColumn = useApp((s) => s.moveColumn);
  const removeColumn = useApp((s) => s.removeColumn);
  const name = col.title.length > 60 ? `${col.title.slice(0, 57)}…` : col.title;
  const { listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: col.paperId });
  return (
    <th
      scope="col"
      ref={setNodeRef}
      className={`cmp-col${col.missing ? ' cmp-missing' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="cmp-col-head">
        {/* A grip for the mouse; from the keyboard the ← → buttons move the column. */}
        <span ref={setActivatorNodeRef} className="drag-handle" aria-hidden="true" title="Drag to move this column" {...listeners}>
          ⠿
        </span>
        <span className="cmp-col-name">
          <span className="cmp-col-title">
            {col.missing && <span className="cmp-missing-badge">Missing</span>}
            {inlineLatex(col.title)}
          </span>
          {col.byline && <span className="cmp-col-byline">{col.byline}</span>}
        </span>
        <span className="cmp-col-tools">
          <button
            type="button"
            className="ghost icon"
            disabled={index === 0}
            aria-label={`Move “${name}” left`}
            title="Move left"
            onClick={() => void moveColumn(col.paperId, index - 1)}
          >
            ←
          </button>
          <button
            type="button"
            className="ghost icon"
            disabled={index === count - 1}
            aria-label={`Move “${name}” right`}
            title="Move right"
            onClick={() => void moveColumn(col.paperId, index + 1)}
          >
            →
          </button>
          <button
            type="button"
            className="ghost icon"
            aria-label={`Remove “${name}” from the comparison`}
            title="Remove from the comparison"
            onClick={() => void removeColumn(col.paperId)}
          >
            ✕
          </button>
        </span>
      </div>
      {col.missing && <p className="cmp-missing-note">No longer in the library; its cells are kept.</p>}
    </th>
  );
}
