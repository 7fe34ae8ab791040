import { useEffect, useRef, useState } from 'react';
import { connectEvents, useApp } from './store';
import { Sidebar } from './components/Sidebar';
import { EmptyList, ListHeader, PaperList } from './components/PaperList';
import { ListOrder } from './components/ListOrder';
import { Reader } from './components/Reader';
import { ImportDialog } from './components/ImportDialog';
import { Warnings } from './components/Warnings';
import { Triage } from './components/Triage';
import { Toast } from './components/Toast';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Alt+↑/↓ in a reading list moves the open paper up or down. */
function moveInCurrentList(delta: -1 | 1) {
  const { view, rows, selectedId, moveInList, searched } = useApp.getState();
  if (view.kind !== 'list' || searched || !selectedId) return;
  const at = rows.findIndex((r) => r.id === selectedId);
  if (at < 0 || at + delta < 0 || at + delta >= rows.length) return;
  void moveInList(view.id, selectedId, at + delta);
}

export function App() {
  const rows = useApp((s) => s.rows);
  const listError = useApp((s) => s.listError);
  const fatal = useApp((s) => s.fatal);
  const view = useApp((s) => s.view);
  const searched = useApp((s) => s.searched);
  const sort = useApp((s) => s.sort);
  const triage = useApp((s) => s.triage);
  const tags = useApp((s) => s.tags);
  const searchRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const off = connectEvents();
    void useApp.getState().loadLibrary();
    void useApp.getState().refreshList();
    return off;
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !isTyping(e.target)) {
        e.preventDefault();
        moveInCurrentList(e.key === 'ArrowUp' ? -1 : 1);
        return;
      }
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]') || useApp.getState().triage) return;
      const { step, clearSelection } = useApp.getState();
      if (e.key === 'j') step(1);
      else if (e.key === 'k') step(-1);
      else if (e.key === '/') searchRef.current?.focus();
      else if (e.key === 'Escape') clearSelection();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hasFiles = (e: React.DragEvent) => e.dataTransfer.types.includes('Files');
  const ordered = view.kind === 'list' && !searched && sort === 'list';

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void useApp.getState().importFile(file);
      }}
    >
      <Sidebar />
      <main className="main">
        <Warnings />
        {triage ? (
          <Triage />
        ) : (
          <div className="panes">
            <section className="list-pane" aria-label="Paper list">
              <ListHeader searchRef={searchRef} />
              {fatal ? null : listError ? (
                <p className="error list-error" role="alert">
                  {listError}
                </p>
              ) : rows.length === 0 ? (
                <EmptyList />
              ) : ordered ? (
                <ListOrder listId={view.id} />
              ) : (
                <PaperList />
              )}
            </section>
            <Reader />
          </div>
        )}
      </main>
      <ImportDialog />
      <Toast />
      <datalist id="tag-names">
        {tags.map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop a digest file to import it</div>
        </div>
      )}
    </div>
  );
}
