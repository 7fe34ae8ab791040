import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, horizontalListSortingStrategy, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useGripSensors } from '../drag';
import { useState, type ReactNode } from 'react';
import { formatDate } from '../../format';
import { useApp } from '../../store';
import type { Matrix, MatrixColumn } from '../../store/compare-slice';
import { inlineLatex } from '../Highlighted';
import { InlineEdit, Menu } from '../Menu';
import { AbstractCell } from './AbstractCell';
import { AttributeCell } from './AttributeCell';
import { segments } from '../../text-segments';

/** One empty array for selectors: a new `[]` each time would make every store update re-render forever. */
const NONE: never[] = [];
const CLAIMS_SHOWN = 4;
const STATE_LABEL = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const;

/** `text[from, to)` with the shared terms that fall in it marked. */
function withTerms(text: string, from: number, to: number, terms: [number, number][]): ReactNode[] {
  const inside = terms.filter(([s, e]) => s < to && e > from).map(([s, e]): [number, number] => [Math.max(s, from) - from, Math.min(e, to) - from]);
  return segments(text.slice(from, to), inside, []).map((seg) =>
    seg.search ? (
      <mark key={from + seg.start} className="cmp-term">
        {seg.text}
      </mark>
    ) : (
      seg.text
    ),
  );
}

/** A claim: each figure in bold, the shared terms marked as in the abstract. Plain React nodes, never HTML. */
function ClaimText({ claim }: { claim: MatrixColumn['claims'][number] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of claim.figures) {
    parts.push(...withTerms(claim.text, at, start, claim.termRanges));
    parts.push(
      <strong key={`f${start}`} className="cmp-figure">
        {withTerms(claim.text, start, end, claim.termRanges)}
      </strong>,
    );
    at = end;
  }
  parts.push(...withTerms(claim.text, at, claim.text.length, claim.termRanges));
  return <>{parts}</>;
}

/** A few claims, so a very long abstract does not stretch the row; the rest on demand. */
function Claims({ claims }: { claims: MatrixColumn['claims'] }) {
  const [all, setAll] = useState(false);
  if (claims.length === 0) return <span className="placeholder">No figures or comparisons in the abstract.</span>;
  const shown = all ? claims : claims.slice(0, CLAIMS_SHOWN);
  return (
    <>
      <ul className="cmp-claims" aria-label="Key claims">
        {shown.map((c, i) => (
          <li key={i}>
            <ClaimText claim={c} />
          </li>
        ))}
      </ul>
      {claims.length > CLAIMS_SHOWN && (
        <button type="button" className="ghost small cmp-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Fewer claims' : `${claims.length - CLAIMS_SHOWN} more claims`}
        </button>
      )}
    </>
  );
}

/** One row: a fixed label on the left, a cell per paper. */
function Row({ label, sub, className = '', children }: { label: ReactNode; sub?: string; className?: string; children: (col: MatrixColumn) => ReactNode }) {
  const columns = useApp((s) => s.matrix?.columns ?? NONE);
  return (
    <tr className={className}>
      <th scope="row" className="cmp-label">
        {label}
        {sub && <span className="cmp-sub">{sub}</span>}
      </th>
      {columns.map((col) => (
        <td key={col.paperId} className={col.missing ? 'cmp-missing' : undefined}>
          {col.missing && !className.includes('cmp-attr') ? null : children(col)}
        </td>
      ))}
    </tr>
  );
}

const Chips = ({ terms, label, className = '' }: { terms: string[]; label: string; className?: string }) =>
  terms.length === 0 ? (
    <span className="placeholder">—</span>
  ) : (
    <ul className={`chips cmp-chips ${className}`} aria-label={label}>
      {terms.map((t) => (
        <li key={t} className="chip">
          {t}
        </li>
      ))}
    </ul>
  );

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
                  <span className={`cmp-state cmp-state-${col.state}`}>{col.state ? STATE_LABEL[col.state] : ''}</span>
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
              {(col) => <Claims claims={col.claims} />}
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

function ColumnHead({ col, index, count }: { col: MatrixColumn; index: number; count: number }) {
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
        <span className="cmp-col-title">
          {col.missing && <span className="cmp-missing-badge">Missing</span>}
          {inlineLatex(col.title)}
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

function AttributeLabel({ id, name, index, count }: { id: string; name: string; index: number; count: number }) {
  const renameAttribute = useApp((s) => s.renameAttribute);
  const removeAttribute = useApp((s) => s.removeAttribute);
  const moveAttribute = useApp((s) => s.moveAttribute);
  const [renaming, setRenaming] = useState(false);
  if (renaming) return <InlineEdit initial={name} label="Attribute name" onSave={(value) => renameAttribute(id, value)} onCancel={() => setRenaming(false)} />;
  return (
    <span className="cmp-attr-label">
      <span className="cmp-attr-name">{name}</span>
      <Menu
        label={`Actions for row ${name}`}
        className="ghost icon row-menu"
        items={[
          { label: 'Rename…', onSelect: () => setRenaming(true) },
          { label: 'Move up', disabled: index === 0, onSelect: () => void moveAttribute(id, index - 1) },
          { label: 'Move down', disabled: index === count - 1, onSelect: () => void moveAttribute(id, index + 1) },
          { label: 'Remove row', danger: true, onSelect: () => void removeAttribute(id) },
        ]}
      >
        ⋯
      </Menu>
    </span>
  );
}

/** A row to define a new attribute; names used in any comparison are offered. */
function NewAttributeRow({ colSpan }: { colSpan: number }) {
  const addAttribute = useApp((s) => s.addAttribute);
  const names = useApp((s) => s.attributeNames);
  const attributes = useApp((s) => s.matrix?.attributes ?? NONE);
  const used = attributes.map((a) => a.name.toLowerCase());
  const [value, setValue] = useState('');
  return (
    <tr className="cmp-new-attr">
      <th scope="row" className="cmp-label">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!value.trim()) return;
            if (await addAttribute(value)) setValue('');
          }}
        >
          <input
            aria-label="New attribute row"
            placeholder="+ Add a row…"
            title="Add a row: Method, Dataset, Speed-up…"
            list="attribute-names"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <datalist id="attribute-names">
            {names
              .filter((n) => !used.includes(n.toLowerCase()))
              .map((n) => (
                <option key={n} value={n} />
              ))}
          </datalist>
        </form>
      </th>
      <td colSpan={colSpan} className="cmp-new-attr-hint">
        Rows you define (Method, Dataset, Speed-up…) get a cell per paper: type in it, or select a passage of an abstract below.
      </td>
    </tr>
  );
}
