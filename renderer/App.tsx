import { useEffect, useRef, useState } from 'react';
import { connectEvents, useApp } from './store';
import { Sidebar } from './components/Sidebar';
import { EmptyList, ListHeader, PaperList } from './components/PaperList';
import { Reader } from './components/Reader';
import { ImportDialog } from './components/ImportDialog';
import { Warnings } from './components/Warnings';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App() {
  const rows = useApp((s) => s.rows);
  const listError = useApp((s) => s.listError);
  const fatal = useApp((s) => s.fatal);
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
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const { step } = useApp.getState();
      if (e.key === 'j') step(1);
      else if (e.key === 'k') step(-1);
      else if (e.key === '/') searchRef.current?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hasFiles = (e: React.DragEvent) => e.dataTransfer.types.includes('Files');

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
        <div className="panes">
          <section className="list-pane" aria-label="Paper list">
            <ListHeader searchRef={searchRef} />
            {fatal ? null : listError ? (
              <p className="error list-error" role="alert">
                {listError}
              </p>
            ) : rows.length === 0 ? (
              <EmptyList />
            ) : (
              <PaperList />
            )}
          </section>
          <Reader />
        </div>
      </main>
      <ImportDialog />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop a digest file to import it</div>
        </div>
      )}
    </div>
  );
}
