import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store';
import { plural } from '../format';
import type { ImportResult } from '../store/import-slice';
import { FORMAT_LABELS } from '../../src/api/vocabulary';
import { ImportMatches } from './daily/ImportMatches';

/** Import digests from files (one or many) or pasted text, and report what each import did. */
export function ImportDialog() {
  const open = useApp((s) => s.importOpen);
  const busy = useApp((s) => s.importBusy);
  const progress = useApp((s) => s.importProgress);
  const results = useApp((s) => s.importResults);
  const openImport = useApp((s) => s.openImport);
  const importText = useApp((s) => s.importText);
  const importFiles = useApp((s) => s.importFiles);
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
          From files
        </button>
        <button type="button" role="tab" aria-selected={tab === 'paste'} onClick={() => setTab('paste')}>
          Paste text
        </button>
      </div>
      {tab === 'file' ? (
        <div role="tabpanel" className="tab-panel drop-hint">
          <p>
            Choose one or more digest files, or drop them anywhere on the window: Hugging Face daily papers (JSON), arXiv listings (RSS or Atom), arXiv API
            answers, arXiv e-mails, BibTeX, RIS, CSL-JSON, or a plain-text list of titles and abstracts.
          </p>
          <input
            ref={fileRef}
            type="file"
            multiple
            aria-label="Digest files"
            className="visually-hidden"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length) void importFiles(files);
              e.target.value = '';
            }}
          />
          <button type="button" className="primary" disabled={busy} onClick={() => fileRef.current?.click()}>
            Choose files…
          </button>
        </div>
      ) : (
        <form
          role="tabpanel"
          className="tab-panel"
          onSubmit={(e) => {
            e.preventDefault();
            void importText(pasted, name);
          }}
        >
          <label className="field">
            <span>Name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="From the content, else “Pasted digest” and today’s date"
              maxLength={300}
            />
          </label>
          <label className="field">
            <span>Digest text</span>
            <textarea
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={8}
              placeholder="Paste a digest: an arXiv e-mail, BibTeX, RIS, JSON, or a title line followed by its abstract line for each paper."
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
      {results.map((r, i) => (
        <ImportOutcome key={`${i}-${r.name}`} result={r} several={results.length > 1} />
      ))}
    </dialog>
  );
}

/** One file's outcome: its error, or what its import added, merged, updated and could not read. */
function ImportOutcome({ result, several }: { result: ImportResult; several: boolean }) {
  const { report, error, name } = result;
  if (error || !report) {
    return (
      <p className="error" role="alert">
        {several && <strong>{name}: </strong>}
        {error} <span className="muted">Nothing in your library changed.</span>
      </p>
    );
  }
  return (
    <div className="report" role="status" aria-label={several ? `Import report: ${name}` : 'Import report'}>
      {report.alreadyImported ? (
        <p>
          <strong>Already imported: nothing new.</strong> {several ? `“${name}” has` : 'This text has'} the papers of the digest “{report.alreadyImported.name}”
          {report.updated > 0 ? `; ${report.updated === 1 ? 'one paper' : `${report.updated} papers`} updated (upvotes and other facts)` : ''}.
        </p>
      ) : (
        <p>
          <strong>Imported “{report.digest?.name}”.</strong> <span className="muted">Read as {FORMAT_LABELS[report.format] ?? report.format}.</span>
        </p>
      )}
      <ul className="report-figures">
        <li>
          <strong>{report.added}</strong> {report.added === 1 ? 'paper' : 'papers'} added
        </li>
        <li>
          <strong>{report.merged}</strong> already in your library
        </li>
        {report.withoutAbstract > 0 && (
          <li>
            <strong>{report.withoutAbstract}</strong> without an abstract
          </li>
        )}
        {report.revised.length > 0 && (
          <li>
            <strong>{report.revised.length}</strong> updated to a newer version
          </li>
        )}
        <li>
          <strong>{report.skipped.length}</strong> {report.skipped.length === 1 ? 'entry' : 'entries'} not read
        </li>
      </ul>
      <ImportMatches report={report} />
      {report.revised.length > 0 && (
        <details className="revised">
          <summary>{plural(report.revised.length, 'paper')} updated</summary>
          <ul>
            {report.revised.slice(0, 100).map((p) => (
              <li key={p.id}>
                {p.title} <span className="muted">(now v{p.version})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.skipped.length > 0 && (
        <details className="skipped" open={report.skipped.length <= 5}>
          <summary>{report.skipped.length === 1 ? 'Which, and why' : 'Which ones, and why'}</summary>
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
