import { useMemo, useState } from 'react';
import { EXPORT_FILE_FORMATS } from '../../src/api/vocabulary';
import { shell } from '../api/shell';
import { useApp } from '../store';
import { type ExportFormat, scopeChoices } from '../store/export-slice';
import { Modal } from './Modal';

const FORMATS: [ExportFormat, string, string][] = [
  ['markdown', 'Markdown', 'one file per paper with its tags, highlights and note, for Obsidian or any Markdown folder'],
  ['bibtex', 'BibTeX', 'a .bib file of references, arXiv papers as arXiv cites them'],
  ['ris', 'RIS', 'references for Zotero, Mendeley or EndNote'],
  ['csl-json', 'CSL-JSON', 'references for pandoc, citeproc or Zotero'],
  ['csv', 'CSV', 'a spreadsheet of papers with their authors, dates, ids, status, tags and lists'],
];

/** The last part of a folder path, on any platform. */
const folderName = (dir: string) => dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;

/** Export papers as Markdown, BibTeX, RIS, CSL-JSON or CSV: downloaded, or Markdown into a folder the shell offers. */
export function ExportDialog() {
  const open = useApp((s) => s.exportOpen);
  const openExport = useApp((s) => s.openExport);
  return (
    <Modal open={open} onClose={() => openExport(false)} label="Export">
      <ExportForm />
    </Modal>
  );
}

function ExportForm() {
  const openExport = useApp((s) => s.openExport);
  const busy = useApp((s) => s.exportBusy);
  const error = useApp((s) => s.exportError);
  const done = useApp((s) => s.exportDone);
  const runExport = useApp((s) => s.runExport);
  const exportToFolder = useApp((s) => s.exportToFolder);
  const paper = useApp((s) => s.paper);
  const selectedIds = useApp((s) => s.selectedIds);
  const view = useApp((s) => s.view);
  const lists = useApp((s) => s.lists);
  const tags = useApp((s) => s.tags);
  const digests = useApp((s) => s.digests);
  // What the reader is looking at; a paper still loading when the dialog opened joins when it arrives.
  const choices = useMemo(() => scopeChoices({ paper, selectedIds, view, lists, tags, digests }), [paper, selectedIds, view, lists, tags, digests]);
  // The first choice until the reader picks one: a paper that arrives late becomes the default.
  const [scopeKey, setScopeKey] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [wikiLinks, setWikiLinks] = useState(true);
  const chosen = choices.find((c) => c.key === scopeKey) ?? choices[0];
  const scope = chosen.scope;
  const folders = shell();
  const toFolder = Boolean(folders) && format === 'markdown';

  return (
    <form
      className="settings"
      onSubmit={(e) => {
        e.preventDefault();
        void runExport(format, scope, wikiLinks);
      }}
    >
      <header className="dialog-head">
        <h2>Export</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={() => openExport(false)}>
          ✕
        </button>
      </header>
      <fieldset>
        <legend>Papers</legend>
        {choices.map((c) => (
          <label key={c.key} className="radio">
            <input type="radio" name="export-scope" checked={chosen.key === c.key} onChange={() => setScopeKey(c.key)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Format</legend>
        {FORMATS.map(([value, label, hint]) => (
          <label key={value} className="radio" title={hint}>
            <input type="radio" name="export-format" checked={format === value} onChange={() => setFormat(value)} />
            {label}
          </label>
        ))}
        {format === 'markdown' && (
          <label className="radio">
            <input type="checkbox" checked={wikiLinks} onChange={(e) => setWikiLinks(e.target.checked)} />
            Link papers with [[wiki links]] (Obsidian, Logseq)
          </label>
        )}
      </fieldset>
      <div className="empty-actions">
        {toFolder && (
          <button type="button" className="primary" disabled={busy} onClick={() => void exportToFolder({ scope, wikiLinks, overwriteChanged: false })}>
            {folders?.fixedFolder ? `Export into “${folderName(folders.fixedFolder)}”` : 'Export into a folder…'}
          </button>
        )}
        <button type="submit" className={toFolder ? undefined : 'primary'} disabled={busy}>
          {format === 'markdown' ? 'Download .zip' : `Download .${EXPORT_FILE_FORMATS[format].ext}`}
        </button>
      </div>
      {busy && <p aria-live="polite">Exporting…</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="report" role="status">
          {done}
        </p>
      )}
      <FolderReport />
    </form>
  );
}

/** What an export into a folder did, and what it left alone because the reader edited it there. */
function FolderReport() {
  const report = useApp((s) => s.folderReport);
  const busy = useApp((s) => s.exportBusy);
  const exportToFolder = useApp((s) => s.exportToFolder);
  if (!report) return null;
  return (
    <div className="report" role="status" aria-label="Export report">
      <p>
        <strong>{report.count === 1 ? '1 paper' : `${report.count} papers`}</strong> into {report.outDir}: {report.created.length} created,{' '}
        {report.updated.length} updated, {report.unchanged.length} unchanged.
      </p>
      {report.failed && (
        <p className="error" role="alert">
          Stopped: could not write {report.failed.file} ({report.failed.message}); {report.notWritten.length} files not written. Every file written is complete.
        </p>
      )}
      {report.conflicts.length > 0 && (
        <>
          <p>These files were edited inside their exported part since the last export, so they were left as they are:</p>
          <ul>
            {report.conflicts.map((c) => (
              <li key={c.file}>{c.file}</li>
            ))}
          </ul>
          <button type="button" disabled={busy} onClick={() => void exportToFolder({ ...report.again, overwriteChanged: true })}>
            Overwrite them
          </button>
        </>
      )}
    </div>
  );
}
