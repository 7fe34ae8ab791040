import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, horizontalListSortingStrategy } from '@dnd-kit/sortable';
import { useGripSensors } from '../drag';
import { useState } from 'react';
import { formatDate } from '../../format';
import { useApp } from '../../store';
import type { Matrix } from '../../store/compare-slice';
import { AbstractCell } from './AbstractCell';
import { AttributeCell } from './AttributeCell';

import { AttributeLabel, NewAttributeRow } from './AttributeRows';
import { Claims } from './Claims';
import { ColumnHead } from './ColumnHead';
import { Chips, Row } from './MatrixRow';
import { READ_STATE_LABELS } from '../../../src/api/vocabulary';

/**
 * The comparison table: a column per paper, rows aligned across columns, the row labels fixed
 * while the columns scroll sideways.
 */
export function ComparisonTable({ matrix }: { matrix: Matrix }) {
  const [fullAbstracts, setFullAbstracts] = useState(false);
  const moveColumn = useApp((s) => s.moveColumn);
  const sensors = useGripSensors();
  const n = matrix.columns.length;
  const ids = matrix.columns.map((c) => c.paperId);

  // A column dropped on another takes its place; shown at once, saved behind.
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = ids.indexOf(String(over.id));
    useApp.setState({ matrix: { ...matrix, columns: arrayMove(matrix.columns, ids.indexOf(String(active.id)), to) } });
    void moveColumn(String(active.id), to);
  };

  return (
    <div className="cmp-scroll" tabIndex={0} role="region" aria-label="Comparison table, scrolls sideways">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <table className="cmp-table" aria-labelledby="comparison-title">
          <thead>
            <tr>
              <th scope="col" className="cmp-corner">
                <span className="visually-hidden">Row</span>
              </th>
              <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
                {matrix.columns.map((col, i) => (
                  <ColumnHead key={col.paperId} col={col} index={i} count={n} />
                ))}
              </SortableContext>
            </tr>
          </thead>
          <tbody>
            <Row label="Provenance">
              {(col) => (
                <ul className="cmp-prov">
                  {col.appearances.map((a) => (
                    <li key={`${a.digestName}-${a.position}`}>
                      <span className="prov-digest">{a.digestName}</span> · paper {a.position} · {formatDate(a.importedAt)}
                    </li>
                  ))}
                </ul>
              )}
            </Row>
            <Row label="Status and tags">
              {(col) => (
                <div className="cmp-status">
                  <span className={`cmp-state cmp-state-${col.state}`}>{col.state ? READ_STATE_LABELS[col.state] : ''}</span>
                  {col.starred && (
                    <span className="star-mark" aria-label="Starred" title="Starred">
                      ★
                    </span>
                  )}
                  {col.tags && col.tags.length > 0 && (
                    <ul className="chips" aria-label="Tags">
                      {col.tags.map((t) => (
                        <li key={t.id} className={`chip tag-${t.color}`} title={t.name}>
                          <span className="chip-label">{t.name}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </Row>
            <Row label="Key claims" sub="sentences with figures or comparisons">
              {(col) => <Claims claims={col.claims} hasAbstract={Boolean(col.abstract.trim())} />}
            </Row>
            {matrix.attributes.map((a, i) => (
              <Row key={a.id} className="cmp-attr" label={<AttributeLabel id={a.id} name={a.name} index={i} count={matrix.attributes.length} />}>
                {(col) => <AttributeCell col={col} attribute={a} />}
              </Row>
            ))}
            <NewAttributeRow colSpan={n} />
            <Row
              label="Shared terms"
              sub={matrix.sharedTerms.length ? `${matrix.sharedTerms.length} distinctive terms in common` : 'no distinctive term in common'}
            >
              {(col) => <Chips terms={col.sharedTerms} label="Shared terms" className="cmp-shared" />}
            </Row>
            <Row label="Own terms" sub="distinctive, not in the others">
              {(col) => <Chips terms={col.ownTerms} label="Own terms" />}
            </Row>
            <Row label="Highlights and notes">
              {(col) =>
                col.highlights.length === 0 && !col.note ? (
                  <span className="placeholder">—</span>
                ) : (
                  <div className="cmp-notes">
                    {col.highlights.length > 0 && (
                      <ul className="cmp-highlights" aria-label="Highlights">
                        {col.highlights.map((h) => (
                          <li key={h.id} className={`hl-border-${h.color}`}>
                            <q>{h.exact}</q>
                            {h.comment && <span className="hl-comment">{h.comment}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                    {col.note && (
                      <p className="cmp-note" aria-label="Note">
                        {col.note}
                      </p>
                    )}
                  </div>
                )
              }
            </Row>
            <Row
              label={
                <span className="cmp-abstract-label">
                  Abstract
                  <button type="button" className="small" aria-expanded={fullAbstracts} onClick={() => setFullAbstracts(!fullAbstracts)}>
                    {fullAbstracts ? 'Collapse' : 'Show full'}
                  </button>
                </span>
              }
              sub="select a passage to fill a row"
            >
              {(col) => <AbstractCell col={col} full={fullAbstracts} />}
            </Row>
          </tbody>
        </table>
      </DndContext>
    </div>
  );
}
