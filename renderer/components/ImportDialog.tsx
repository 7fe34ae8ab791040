import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store';
import { plural } from '../format';

/** Import a digest from a file or pasted text, and report what the import did. */
export function ImportDialog() {
  const open = useApp((s) => s.importOpen);
  const busy = useApp((s) => s.importBusy);
  const progress = useApp((s) => s.importProgress);
  const report = useApp((s) => s.importReport);
  const error = useApp((s) => s.importError);
  const openImport = useApp((s) => s.openImport);
  const importText = useApp((s) => s.importText);
  const importFile = useApp((s) => s.importFile);
  const [tab, setTab] = useState<'file' | 'paste'>('file');
  const [pasted, setPasted] = useState('');
  const [name, setName] = useState('');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="import-title" onClose={() => openImport(false)}>
      <header className="dialog-head">
        <h2 id="import-title">Import a digest</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={() => openImport(false)}>
          ✕
        </button>
      </header>
      <div role="tablist" className="tabs" aria-label="Import from">
        <button type="button" role="tab" aria-selected={tab === 'file'} onClick={() => setTab('file')}>
          From a file
        </button>
        <button type="button" role="tab" aria-selected={tab === 'paste'} onClick={() => setTab('paste')}>
          Paste text
        </button>
      </div>
      {tab === 'file' ? (
        <div role="tabpanel" className="tab-panel drop-hint">
          <p>Choose a digest file (plain text: each paper’s title, then its abstract on the next line), or drop one anywhere on the window.</p>
          <input
            ref={fileRef}
            type="file"
            accept=".txt,text/plain"
            aria-label="Digest file"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
          <button type="button" className="primary" disabled={busy} onClick={() => fileRef.current?.click()}>
            Choose file…
          </button>
        </div>
      ) : (
        <form
          role="tabpanel"
          className="tab-panel"
          onSubmit={(e) => {
            e.preventDefault();
            void importText(pasted, 'paste', { name });
          }}
        >
          <label className="field">
            <span>Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Pasted digest" maxLength={300} />
          </label>
          <label className="field">
            <span>Digest text</span>
            <textarea
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={8}
              placeholder="Paste the digest here: a title line, then its abstract line, for each paper."
            />
          </label>
          <button type="submit" className="primary" disabled={busy || pasted.trim() === ''}>
            Import pasted text
          </button>
        </form>
      )}
      {busy && (
        <div className="progress" aria-live="polite">
          <progress aria-label="Import progress" max={progress?.total ?? 1} value={progress?.done ?? undefined} />
          <span>{progress ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} papers read` : 'Reading…'}</span>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && <ImportSummary />}
    </dialog>
  );
}

function ImportSummary() {
  const report = useApp((s) => s.importReport)!;
  return (
    <div className="report" role="status" aria-label="Import report">
      {report.alreadyImported ? (
        <p>
          <strong>Already imported.</strong> This text is the digest “{report.alreadyImported.name}”: nothing was added.
        </p>
      ) : (
        <p>
          <strong>Imported “{report.digest?.name}”.</strong>
        </p>
      )}
      <ul className="report-figures">
        <li>
          <strong>{report.added}</strong> {report.added === 1 ? 'paper' : 'papers'} added
        </li>
        <li>
          <strong>{report.merged}</strong> already in your library
        </li>
        <li>
          <strong>{report.skipped.length}</strong> {report.skipped.length === 1 ? 'line' : 'lines'} not read
        </li>
      </ul>
      {report.skipped.length > 0 && (
        <details className="skipped" open={report.skipped.length <= 5}>
          <summary>{plural(report.skipped.length, 'line')} could not be read</summary>
          <ul>
            {report.skipped.slice(0, 200).map((s) => (
              <li key={s.line}>
                <span className="line-no">Line {s.line}</span>: {s.reason} — “{s.text}”
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
