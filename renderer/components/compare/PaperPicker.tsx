import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApp } from '../../store';
import { MAX_PAPERS } from '../../../src/api/vocabulary';
import type { PaperRow } from '../../store/types';
import { inlineLatex } from '../Highlighted';
import { Modal } from '../Modal';

/**
 * Picks papers by search: to add columns to the open comparison, or to compare the paper in the
 * reader with others ("Compare with…").
 */
export function PaperPicker() {
  const picker = useApp((s) => s.picker);
  const openPicker = useApp((s) => s.openPicker);
  const matrix = useApp((s) => s.matrix);
  const compare = useApp((s) => s.compare);
  const addColumns = useApp((s) => s.addColumns);
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<PaperRow[]>([]);
  /** The search the rows answer: until it is the one typed, the list is busy (and says so). */
  const [rowsFor, setRowsFor] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);

  const taken = picker?.mode === 'with' ? [picker.paperId] : (matrix?.columns.map((c) => c.paperId) ?? []);
  const room = MAX_PAPERS - taken.length;

  // Each opening starts afresh (React's "adjust state while rendering", not an effect).
  const [openedFor, setOpenedFor] = useState(picker);
  if (picker !== openedFor) {
    setOpenedFor(picker);
    if (picker) {
      setQuery('');
      setPicked([]);
    }
  }

  useEffect(() => {
    if (!picker) return;
    let live = true;
    const timer = setTimeout(() => {
      const show = (items: PaperRow[]) => {
        if (!live) return;
        setRows(items);
        setRowsFor(query);
      };
      api.call('papers.query', { q: query, limit: 30 }).then(
        (page) => show(page.items),
        () => show([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [picker, query]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < room ? [...p, id] : p));
  const done = () => {
    if (!picker || picked.length === 0) return;
    if (picker.mode === 'with') void compare([picker.paperId, ...picked]);
    else void addColumns(picked);
  };

  return (
    <Modal
      open={picker !== null}
      onClose={() => openPicker(null)}
      label={picker?.mode === 'with' ? 'Compare with' : 'Add papers to the comparison'}
      className="cmp-picker"
    >
      <div className="dialog-head">
        <h2>{picker?.mode === 'with' ? <>Compare “{inlineLatex(picker.title)}” with…</> : 'Add papers to the comparison'}</h2>
      </div>
      <input
        type="search"
        className="cmp-picker-search"
        aria-label="Find papers"
        placeholder="Search titles and abstracts"
        data-autofocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="cmp-picker-room" role="status">
        {room <= 0
          ? `The comparison already has ${MAX_PAPERS} papers, the most it holds.`
          : `${picked.length} picked · up to ${room} more (${MAX_PAPERS} papers at most).`}
      </p>
      <ul className="cmp-picker-list" aria-label="Papers to pick" aria-busy={rowsFor !== query}>
        {rows.map((r) => {
          const already = taken.includes(r.id);
          return (
            <li key={r.id}>
              <label className={already ? 'disabled' : undefined}>
                <input
                  type="checkbox"
                  checked={already || picked.includes(r.id)}
                  disabled={already || (!picked.includes(r.id) && picked.length >= room)}
                  onChange={() => toggle(r.id)}
                />
                <span>{inlineLatex(r.title)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="row-actions">
        <button type="button" className="primary small" disabled={picked.length === 0} onClick={done}>
          {picker?.mode === 'with' ? `Compare ${picked.length + 1} papers` : `Add ${picked.length === 1 ? '1 paper' : `${picked.length} papers`}`}
        </button>
        <button type="button" className="ghost small" onClick={() => openPicker(null)}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
