import type { StateCreator } from 'zustand';
import type { Events } from '../../src/api';
import { api } from '../api/client';
import type { AppState } from './index';
import type { ImportReport } from './types';
import { digestTooLarge, MAX_DIGEST_BYTES } from '../../src/api/vocabulary';

export interface ImportSlice {
  importOpen: boolean;
  importBusy: boolean;
  importProgress: { done: number; total: number } | null;
  importReport: ImportReport | null;
  importError: string | null;
  openImport(open: boolean): void;
  /** Imports text; a file's name and date name the digest when its content does not. */
  importText(text: string, source: 'file' | 'paste', hints?: { name?: string; fileName?: string; modifiedAt?: string }): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Shows the report of an import made outside the page (the desktop menu, a file the OS opened). */
  showImportResult(result: Events['import.finished']): void;
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set, get) => ({
  importOpen: false,
  importBusy: false,
  importProgress: null,
  importReport: null,
  importError: null,
  openImport(open) {
    set({ importOpen: open, importReport: null, importError: null, importProgress: null });
  },
  async importText(text, source, hints = {}) {
    set({ importOpen: true, importBusy: true, importReport: null, importError: null, importProgress: null });
    try {
      const report = await api.call('digests.import', { ...hints, text, source });
      set({ importReport: report });
      await get().loadLibrary();
      if (report.digest) {
        get().setView({ kind: 'digest', id: report.digest.id });
      }
    } catch (error) {
      set({ importError: (error as Error).message });
    } finally {
      set({ importBusy: false, importProgress: null });
    }
  },
  async importFile(file) {
    // The core's limit, checked here so a huge file is refused before it is read.
    if (file.size > MAX_DIGEST_BYTES) {
      set({ importOpen: true, importReport: null, importError: digestTooLarge(`“${file.name}”`, file.size) });
      return;
    }
    const text = await file.text();
    await get().importText(text, 'file', { fileName: file.name, modifiedAt: new Date(file.lastModified).toISOString() });
  },
  showImportResult({ report, error }) {
    // The papers themselves arrive with the 'library.changed' event that the import also sent.
    set({ importOpen: true, importBusy: false, importProgress: null, importReport: report, importError: error });
    if (report?.digest) get().setView({ kind: 'digest', id: report.digest.id });
  },
});
