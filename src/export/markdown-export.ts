import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileNamer } from './filenames';
import { type Managed, ownerOf, renderManaged, updateManaged } from './managed-region';
import { collectionMarkdown, collectionOwner, paperMarkdown, paperOwner } from './markdown';
import type { ExportPaper } from './paper-record';
import { collectionTitle, type ResolvedScope } from './scope';
import { describeIoError } from '../storage/io-errors';
import { atomicWrite, prepareOutDir, type WriteFile } from './writer';

export interface MarkdownOptions {
  /** `[[wiki links]]` in index files, else standard Markdown links. */
  wikiLinks: boolean;
  /** Replace the app's part of files even where the reader edited it. */
  overwriteChanged?: boolean;
}

export interface PlannedFile {
  name: string;
  managed: Managed;
}

/** What is already in a folder: every file name, and which of them the app wrote for whom. */
export interface FolderState {
  names: string[];
  owners: Map<string, string>;
}

export interface MarkdownReport {
  outDir: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Files the reader edited in the app's part: left as they were. */
  conflicts: { file: string; reason: string }[];
  /** The write that failed, if one did; the export stops there. */
  failed: { file: string; message: string } | null;
  /** Files not written because the export stopped. */
  notWritten: string[];
}

/** Reads what the app owns in a folder from the markers of its Markdown files. */
export function readFolder(dir: string): FolderState {
  const names = fs.readdirSync(dir);
  const owners = new Map<string, string>();
  for (const name of names) {
    if (!name.toLowerCase().endsWith('.md')) continue;
    try {
      const owner = ownerOf(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (owner && !owners.has(owner)) owners.set(owner, name);
    } catch {
      // a folder named *.md, an unreadable file: not ours
    }
  }
  return { names, owners };
}

/**
 * The files for a scope: one per paper and, for a list, tag, digest or comparison, an index linking
 * to them. A paper already exported into the folder keeps its file (even if the reader renamed
 * it); new names avoid every name in the folder and are claimed in id order, so they do not depend
 * on the order of the scope.
 */
export function planMarkdown(
  scope: ResolvedScope,
  records: ExportPaper[],
  options: MarkdownOptions,
  folder: FolderState = { names: [], owners: new Map() },
): PlannedFile[] {
  const namer = new FileNamer(folder.names);
  const nameFor = (owner: string, title: string, id: string) => folder.owners.get(owner) ?? namer.claim(title, id, 'md', `Paper ${id.slice(0, 8)}`);
  const c = scope.collection;
  const indexName = c ? nameFor(collectionOwner(c), collectionTitle(c), c.id) : null;
  const names = new Map<string, string>();
  for (const p of records.toSorted((a, b) => a.id.localeCompare(b.id))) names.set(p.id, nameFor(paperOwner(p.id), p.plainTitle, p.id));

  const files = records.map((p) => ({ name: names.get(p.id)!, managed: paperMarkdown(p) }));
  if (c && indexName) {
    const links = records.map((p) => ({ title: p.plainTitle, file: names.get(p.id)! }));
    files.push({ name: indexName, managed: collectionMarkdown(c, links, options.wikiLinks) });
  }
  return files;
}

/** The files as they are written into an empty place (a zip). */
export function renderPlanned(files: PlannedFile[]): { name: string; text: string }[] {
  return files.map((f) => ({ name: f.name, text: renderManaged(f.managed) }));
}

/**
 * Writes an export into a folder: new files are created, the app's part of earlier exports is
 * updated, files the reader edited there are reported, not overwritten (unless asked). Papers are
 * written before the index, each file atomically; on a failed write the export stops and reports
 * what it wrote and what it did not.
 */
export function writeMarkdown(
  outDir: string,
  scope: ResolvedScope,
  records: ExportPaper[],
  options: MarkdownOptions,
  write: WriteFile = atomicWrite,
): MarkdownReport {
  const dir = prepareOutDir(outDir);
  const folder = readFolder(dir);
  const planned = planMarkdown(scope, records, options, folder);
  const report: MarkdownReport = { outDir: dir, created: [], updated: [], unchanged: [], conflicts: [], failed: null, notWritten: [] };
  const owned = new Set(folder.owners.values());

  for (const [i, file] of planned.entries()) {
    const full = path.join(dir, file.name);
    let text: string;
    let done: string[];
    if (owned.has(file.name)) {
      const result = updateManaged(fs.readFileSync(full, 'utf8'), file.managed, options.overwriteChanged);
      if (result.status === 'unchanged') {
        report.unchanged.push(file.name);
        continue;
      }
      if (result.status === 'conflict') {
        report.conflicts.push({ file: file.name, reason: result.reason });
        continue;
      }
      text = result.text;
      done = report.updated;
    } else {
      text = renderManaged(file.managed);
      done = report.created;
    }
    try {
      write(full, text);
      done.push(file.name);
    } catch (error) {
      report.failed = { file: file.name, message: describeIoError(error) };
      report.notWritten = planned.slice(i).map((f) => f.name);
      break;
    }
  }
  return report;
}
