import * as path from 'node:path';
import { EXPORT_FILE_FORMATS, EXPORT_FORMATS, type ExportFileFormat, type ExportFormat } from '../api/vocabulary';
import type { Command } from './commands';
import { CliError, UsageError } from './errors';
import { scopeOf, SCOPE_HELP } from './names';
import { plural } from '../shared/plural';

const isFormat = (f: string): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f);

/** What `--json` prints: every file written or left as it was, the counts, and what was skipped and why. */
export interface ExportReport {
  ok: boolean;
  format: ExportFormat;
  scope: string;
  outDir: string | null;
  papers: number;
  files: { name: string; path: string | null; status: 'written' | 'created' | 'updated' | 'unchanged' }[];
  counts: { written: number; created: number; updated: number; unchanged: number; skipped: number; notWritten: number };
  /** Files left alone (the reader edited their exported part) or not written (the export stopped). */
  skipped: { name: string; path: string; reason: string }[];
  failed: { name: string; message: string } | null;
  /** Without --out: the exported text itself. */
  text?: string;
  error?: string;
}

const emptyCounts = () => ({ written: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, notWritten: 0 });

export const exportCommand: Command = {
  summary: 'Export papers as Markdown files, BibTeX, CSV, RIS or CSL-JSON',
  usage: `digest-reader export markdown|bibtex|csv|ris|csl-json [--scope <scope>] [--out <dir>] [options]

  --scope <scope>        what to export: ${SCOPE_HELP}
  --out <dir>            the folder to write into (created if missing); required for markdown.
                         Without it, bibtex, csv, ris and csl-json are printed.
  --standard-links       markdown: link papers from index files with [title](file.md), not [[wiki links]]
  --overwrite-changed    markdown: replace the exported part of files even where it was edited since
  --json                 print a report of what was written as JSON (files, counts, what was skipped)

BibTeX follows arXiv's own convention (@misc with eprint, archivePrefix, primaryClass); RIS and
CSL-JSON are read by Zotero, Mendeley, EndNote and pandoc. Markdown re-exports into the same folder
update only what the app wrote (between its marker comments, and its front matter keys); files
whose exported part was edited are reported and left alone, and the exit code is then 1.`,
  options: {
    scope: { type: 'string' },
    out: { type: 'string' },
    'standard-links': { type: 'boolean' },
    'overwrite-changed': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  args: [1, 1],
  async run(session, values, [format], io) {
    if (!isFormat(format)) throw new UsageError(`Unknown export format “${format}”: expected ${EXPORT_FORMATS.join(', ')}.`, 'export');
    const out = values.out === undefined ? undefined : path.resolve(values.out as string);
    if (format === 'markdown' && !out) throw new UsageError('A Markdown export needs --out <dir>.', 'export');
    const scopeSpec = (values.scope as string | undefined) ?? 'library';
    const report: ExportReport = {
      ok: true,
      format,
      scope: scopeSpec,
      outDir: out ?? null,
      papers: 0,
      files: [],
      counts: emptyCounts(),
      skipped: [],
      failed: null,
    };
    try {
      const scope = await scopeOf(session, scopeSpec);
      if (format === 'markdown') await markdown(session, out!, scope, values, report);
      else await oneFile(session, format, out, scope, report);
    } catch (error) {
      if (!values.json || !(error instanceof CliError)) throw error;
      io.out(JSON.stringify({ ...report, ok: false, error: error.message }, null, 2));
      return 1;
    }
    report.ok = !report.failed && report.skipped.length === 0;
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else if (report.text !== undefined) io.out(report.text.replace(/\r?\n$/, ''));
    else print(report, io);
    return report.ok ? 0 : 1;
  },
};

type Session = Parameters<Command['run']>[0];
type Values = Parameters<Command['run']>[1];
type Scope = Awaited<ReturnType<typeof scopeOf>>;

async function oneFile(session: Session, format: ExportFileFormat, out: string | undefined, scope: Scope, report: ExportReport) {
  const r = await session.call(EXPORT_FILE_FORMATS[format].handler, { scope, outDir: out });
  report.papers = r.count;
  if (r.text !== null) {
    report.text = r.text;
    return;
  }
  report.files.push({ name: r.fileName, path: r.path, status: 'written' });
  report.counts.written = 1;
}

async function markdown(session: Session, out: string, scope: Scope, values: Values, report: ExportReport) {
  const r = await session.call('export.markdown', {
    scope,
    outDir: out,
    wikiLinks: !values['standard-links'],
    overwriteChanged: Boolean(values['overwrite-changed']),
  });
  const at = (name: string) => path.join(r.outDir, name);
  report.outDir = r.outDir;
  report.papers = r.count;
  for (const status of ['created', 'updated', 'unchanged'] as const) {
    for (const name of r[status]) report.files.push({ name, path: at(name), status });
    report.counts[status] = r[status].length;
  }
  report.counts.written = r.created.length + r.updated.length;
  report.skipped = [
    ...r.conflicts.map((c) => ({ name: c.file, path: at(c.file), reason: c.reason })),
    ...r.notWritten.map((name) => ({ name, path: at(name), reason: 'not written: the export stopped before it' })),
  ];
  report.counts.skipped = r.conflicts.length;
  report.counts.notWritten = r.notWritten.length;
  report.failed = r.failed && { name: r.failed.file, message: r.failed.message };
}

function print(report: ExportReport, io: Parameters<Command['run']>[3]) {
  if (report.format !== 'markdown') {
    io.err(`Wrote ${plural(report.papers, 'paper')} to ${report.files[0]?.path}`);
    return;
  }
  const { created, updated, unchanged } = report.counts;
  io.out(`${plural(report.papers, 'paper')} into ${report.outDir}: ${created} created, ${updated} updated, ${unchanged} unchanged`);
  const conflicts = report.skipped.filter((s) => !s.reason.startsWith('not written'));
  for (const c of conflicts) io.err(`Not overwritten: ${c.name}: ${c.reason}`);
  if (conflicts.length) io.err('Keep your edits outside the marked part of a file, or run again with --overwrite-changed to replace them.');
  if (report.failed)
    io.err(
      `Stopped: could not write ${report.failed.name}: ${report.failed.message}. ${plural(report.counts.notWritten, 'file')} not written; every file written is complete.`,
    );
}
