import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useGripSensors } from './drag';
import { useApp } from '../store';
import type { PaperRow } from '../store/types';
import { clickMode, PaperRowView } from './PaperRowView';

/** A reading list in its own order: drag a row by its grip, or press Alt+↑/↓ on the open paper. */
export function ListOrder({ listId }: { listId: string }) {
  const rows = useApp((s) => s.rows);
  const moveInList = useApp((s) => s.moveInList);
  const sensors = useGripSensors();

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rows.findIndex((r) => r.id === active.id);
    const to = rows.findIndex((r) => r.id === over.id);
    useApp.setState({ rows: arrayMove(rows, from, to) });
    void moveInList(listId, String(active.id), to);
  };

  return (
    <div className="list-scroll">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={rows.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <div role="listbox" aria-label="Papers" className="list-static">
            {rows.map((row, i) => (
              <SortableRow key={row.id} row={row} position={i + 1} />
            ))}
          </div>
        </SortableContext>
      </DndContext>
    </div>
  );
}

function SortableRow({ row, position }: { row: PaperRow; position: number }) {
  const selectedId = useApp((s) => s.selectedId);
  const selectedIds = useApp((s) => s.selectedIds);
  const selectRow = useApp((s) => s.selectRow);
  const { listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.id });
  return (
    <PaperRowView
      ref={setNodeRef}
      row={row}
      selected={row.id === selectedId}
      checked={selectedIds.includes(row.id)}
      className={`static${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      onClick={(e) => selectRow(row.id, clickMode(e))}
      handle={
        // A grip for the mouse only: a control inside a list option is not allowed, and the
        // keyboard reorders with Alt+↑/↓ on the open paper.
        <span
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-hidden="true"
          title={`Drag to move (position ${position})`}
          {...listeners}
          onClick={(e) => e.stopPropagation()}
        >
          ⠿
        </span>
      }
    />
  );
}
