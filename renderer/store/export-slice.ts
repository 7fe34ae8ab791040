import type { StateCreator } from 'zustand';
import type { Api } from '../../src/api';
import { EXPORT_FILE_FORMATS } from '../../src/api/vocabulary';
import { api } from '../api/client';
import { saveDownload } from '../api/download';
import { shell } from '../api/shell';
import type { AppState } from './index';

export type ExportFormat = Api['export.zip']['arg']['format'];
export type ExportScope = Api['export.zip']['arg']['scope'];

/** A scope the dialog offers, with what the reader reads for it. */
export interface ScopeChoice {
  key: string;
  label: string;
  scope: ExportScope;
}

export interface ExportSlice {
  exportOpen: boolean;
  exportBusy: boolean;
  exportError: string | null;
  /** What the last export did, in words. */
  exportDone: string | null;
  /** The last export into a folder: its report, and what to run again to overwrite its conflicts. */
  folderReport: (Api['export.markdown']['result'] & { again: Api['export.markdown']['arg'] }) | null;
  openExport(open: boolean): void;
  runExport(format: ExportFormat, scope: ExportScope, wikiLinks: boolean): Promise<void>;
  /** Markdown into the folder the shell gives (see api/shell.ts); `again` re-runs a report's export. */
  exportToFolder(arg: Omit<Api['export.markdown']['arg'], 'outDir'> & { outDir?: string }): Promise<void>;
}

/** What can be exported from where the reader is: the open paper, the selection, the view, everything. */
export function scopeChoices(s: Pick<AppState, 'paper' | 'selectedIds' | 'view' | 'lists' | 'tags' | 'digests'>): ScopeChoice[] {
  const choices: ScopeChoice[] = [];
  const { view } = s;
  if (view.kind === 'list') {
    const name = s.lists.find((l) => l.id === view.id)?.name ?? 'this list';
    choices.push({ key: 'view', label: `Reading list “${name}”`, scope: { kind: 'list', ids: [view.id] } });
  } else if (view.kind === 'digest') {
    const name = s.digests.find((d) => d.id === view.id)?.name ?? 'this digest';
    choices.push({ key: 'view', label: `Digest “${name}”`, scope: { kind: 'digest', ids: [view.id] } });
  } else if (view.kind === 'tags' && view.ids.length === 1) {
    const name = s.tags.find((t) => t.id === view.ids[0])?.name ?? 'this tag';
    choices.push({ key: 'view', label: `Tag “${name}”`, scope: { kind: 'tag', ids: view.ids } });
  }
  if (s.selectedIds.length)
    choices.push({ key: 'selection', label: `The ${s.selectedIds.length} selected papers`, scope: { kind: 'selection', ids: s.selectedIds } });
  if (s.paper) choices.push({ key: 'paper', label: `This paper: “${s.paper.title}”`, scope: { kind: 'paper', ids: [s.paper.id] } });
  choices.push({ key: 'library', label: 'The whole library', scope: { kind: 'library' } });
  return choices;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set) => ({
  exportOpen: false,
  exportBusy: false,
  exportError: null,
  exportDone: null,
  folderReport: null,
  openExport(open) {
    set({ exportOpen: open, exportError: null, exportDone: null, folderReport: null });
  },
  async exportToFolder(arg) {
    const outDir = arg.outDir ?? (await shell()?.chooseFolder());
    if (!outDir) return;
    set({ exportBusy: true, exportError: null, exportDone: null, folderReport: null });
    try {
      const again = { ...arg, outDir };
      set({ folderReport: { ...(await api.call('export.markdown', again)), again } });
    } catch (error) {
      set({ exportError: (error as Error).message });
    } finally {
      set({ exportBusy: false });
    }
  },
  async runExport(format, scope, wikiLinks) {
    set({ exportBusy: true, exportError: null, exportDone: null, folderReport: null });
    try {
      // Markdown is many files: a zip. The other formats are one file each: downloaded as they are.
      if (format === 'markdown') {
        const zip = await api.call('export.zip', { format, scope, wikiLinks });
        saveDownload(
          zip.fileName,
          Uint8Array.from(atob(zip.base64), (c) => c.charCodeAt(0)),
          'application/zip',
        );
        set({ exportDone: `Downloaded “${zip.fileName}”: ${zip.count === 1 ? '1 paper' : `${zip.count} papers`} in ${zip.files.length} Markdown files.` });
      } else {
        const { handler, mime } = EXPORT_FILE_FORMATS[format];
        const r = await api.call(handler, { scope });
        saveDownload(r.fileName, r.text ?? '', mime);
        set({ exportDone: `Downloaded “${r.fileName}”: ${r.count === 1 ? '1 paper' : `${r.count} papers`}.` });
      }
    } catch (error) {
      set({ exportError: (error as Error).message });
    } finally {
      set({ exportBusy: false });
    }
  },
});
