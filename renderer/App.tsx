import { useEffect, useRef, useState } from 'react';
import { connectEvents, useApp } from './store';
import { Sidebar } from './components/Sidebar';
import { PaperList } from './components/PaperList';
import { ListHeader } from './components/ListHeader';
import { EmptyList } from './components/EmptyList';
import { ListOrder } from './components/ListOrder';
import { Reader } from './components/Reader';
import { ImportDialog } from './components/ImportDialog';
import { ExportDialog } from './components/ExportDialog';
import { Warnings } from './components/Warnings';
import { Triage } from './components/Triage';
import { Toast } from './components/Toast';
import { CommandPalette } from './components/CommandPalette';
import { SettingsDialog } from './components/SettingsDialog';
import { BackupsDialog } from './components/BackupsDialog';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { applyAppearance, followSystemTheme } from './appearance';
import { connectWebShell, shell } from './api/shell';
import { shortcutFor } from './shortcuts';
import { readerChoice, saveSessionOnChange } from './store/session-slice';
import { ComparisonView } from './components/compare/ComparisonView';
import { PaperPicker } from './components/compare/PaperPicker';
import { SourcesView } from './components/daily/SourcesView';
import { TrendsView } from './components/daily/TrendsView';
import { SmartListEditor } from './components/daily/SmartListEditor';
import { DEFAULT_APPEARANCE, FONT_SIZE } from '../src/api/vocabulary';

/** Views that take the place of the list and the reader. */
const FULL_VIEWS = new Set(['comparison', 'sources', 'trends']);

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
    const offTheme = followSystemTheme(() => useApp.getState().settings);
    const offAppearance = useApp.subscribe((s, prev) => s.settings !== prev.settings && applyAppearance(s.settings));
    let offSession = () => {};
    // The desktop menu's File → Export… opens the same dialog as the sidebar's button.
    const offShell = shell()?.onCommand?.((command) => command === 'export' && useApp.getState().openExport(true)) ?? (() => {});
    void connectWebShell();
    applyAppearance(null);
    // What the reader has chosen so far: a search typed while the library loads is not undone by the saved one.
    const before = readerChoice(useApp.getState());
    void (async () => {
      await useApp.getState().loadLibrary();
      void useApp.getState().loadSources();
      await useApp.getState().restoreSession(before);
      offSession = saveSessionOnChange(useApp);
    })();
    return () => {
      off();
      offTheme();
      offAppearance();
      offSession();
      offShell();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const s = useApp.getState();
      if (mod && !e.altKey) {
        const size = s.settings?.fontSize ?? DEFAULT_APPEARANCE.fontSize;
        const chords: Record<string, () => void> = {
          k: () => s.openOverlay(s.overlay === 'palette' ? null : 'palette'),
          o: () => s.openImport(true),
          ',': () => s.openOverlay('settings'),
          '=': () => void s.setSetting({ fontSize: Math.min(FONT_SIZE.max, size + FONT_SIZE.step) }),
          '+': () => void s.setSetting({ fontSize: Math.min(FONT_SIZE.max, size + FONT_SIZE.step) }),
          '-': () => void s.setSetting({ fontSize: Math.max(FONT_SIZE.min, size - FONT_SIZE.step) }),
          '0': () => void s.setSetting({ fontSize: DEFAULT_APPEARANCE.fontSize }),
        };
        const chord = chords[e.key.toLowerCase()];
        if (chord) {
          e.preventDefault();
          chord();
        }
        return;
      }
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !isTyping(e.target)) {
        e.preventDefault();
        moveInCurrentList(e.key === 'ArrowUp' ? -1 : 1);
        return;
      }
      // Escape leaves a text field, so the single-key shortcuts work again.
      if (e.key === 'Escape' && isTyping(e.target) && !document.querySelector('dialog[open]')) {
        (e.target as HTMLElement).blur();
        return;
      }
      if (e.defaultPrevented || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]') || s.triage) return;
      // A comparison, the sources and the trends hide the list and the reader: their single-key shortcuts would act unseen.
      if (FULL_VIEWS.has(s.view.kind) && e.key !== '?') return;
      // Enter on a focused control (a button, a link, a list row) does that control's job.
      if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a, [role=option], summary')) return;
      const shortcut = shortcutFor(e.key);
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run();
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
        const files = [...e.dataTransfer.files];
        if (files.length) void useApp.getState().importFiles(files);
      }}
    >
      <Sidebar />
      <main className="main">
        <Warnings />
        {triage ? (
          <Triage />
        ) : view.kind === 'comparison' ? (
          <ComparisonView id={view.id} />
        ) : view.kind === 'sources' ? (
          <SourcesView />
        ) : view.kind === 'trends' ? (
          <TrendsView />
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
      <PaperPicker />
      <ExportDialog />
      <Toast />
      <CommandPalette />
      <SettingsDialog />
      <BackupsDialog />
      <SmartListEditor />
      <ShortcutsDialog />
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
