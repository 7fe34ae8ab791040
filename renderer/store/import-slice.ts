import type { StateCreator } from 'zustand';
import type { Api, Events } from '../../src/api';
import { api } from '../api/client';
import type { AppState } from './index';
import type { ImportReport } from './types';
import { digestTooLarge, MAX_DIGEST_BYTES } from '../../src/api/vocabulary';

/** How one file or paste went: its report, or why it could not be imported. */
export interface ImportResult {
  name: string;
  report: ImportReport | null;
  error: string | null;
}

export interface ImportSlice {
  importOpen: boolean;
  importBusy: boolean;
  importProgress: { done: number; total: number } | null;
  /** One result per file, in the order they were imported (several when several were chosen or dropped). */
  importResults: ImportResult[];
  openImport(open: boolean): void;
  /** Imports pasted text, named as the reader typed (or from its content). */
  importText(text: string, name?: string): Promise<void>;
  /** Imports files one after another, a report each; a file's name and date name its digest when its content does not. */
  importFiles(files: File[]): Promise<void>;
  /** Shows the report of an import made outside the page (the desktop menu, a file the OS opened). */
  showImportResult(result: Events['import.finished']): void;
}

type Set = Parameters<StateCreator<AppState, [], [], ImportSlice>>[0];

/** One import through the core; its result is added to the dialog's list. */
async function importOne(set: Set, label: string, arg: () => Promise<Api['digests.import']['arg']>): Promise<ImportReport | null> {
  let result: ImportResult;
  try {
    const report = await api.call('digests.import', await arg());
    result = { name: label, report, error: null };
  } catch (error) {
    result = { name: label, report: null, error: (error as Error).message };
  }
  set((s) => ({ importResults: [...s.importResults, result] }));
  return result.report;
}

/** The file's bytes as base64: the core tells UTF-8 from UTF-16 and older encodings, and binary files. */
async function fileBytes(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set, get) => {
  /** Runs imports with the dialog open and busy, then shows the last digest that brought papers. */
  const run = async (imports: (() => Promise<ImportReport | null>)[]) => {
    set({ importOpen: true, importBusy: true, importResults: [], importProgress: null });
    let shown: string | null = null;
    try {
      for (const one of imports) {
        const report = await one();
        if (report?.digest) shown = report.digest.id;
      }
      await get().loadLibrary();
      if (shown) get().setView({ kind: 'digest', id: shown });
    } finally {
      set({ importBusy: false, importProgress: null });
    }
  };
  return {
    importOpen: false,
    importBusy: false,
    importProgress: null,
    importResults: [],
    openImport(open) {
      set({ importOpen: open, importResults: [], importProgress: null });
    },
    async importText(text, name) {
      await run([() => importOne(set, name?.trim() || 'Pasted text', async () => ({ text, source: 'paste', name }))]);
    },
    async importFiles(files) {
      await run(
        files.map((file) => () => {
          // The core's limit, checked here so a huge file is refused before it is read.
          if (file.size > MAX_DIGEST_BYTES) {
            set((s) => ({ importResults: [...s.importResults, { name: file.name, report: null, error: digestTooLarge(`“${file.name}”`, file.size) }] }));
            return Promise.resolve(null);
          }
          return importOne(set, file.name, async () => ({
            bytes: await fileBytes(file),
            source: 'file',
            fileName: file.name,
            modifiedAt: new Date(file.lastModified).toISOString(),
          }));
        }),
      );
    },
    showImportResult({ name, report, error }) {
      // The papers themselves arrive with the 'library.changed' event that the import also sent.
      // The desktop imports several files one by one: while the dialog shows, their reports add up.
      set((s) => ({
        importOpen: true,
        importBusy: false,
        importProgress: null,
        importResults: [...(s.importOpen ? s.importResults : []), { name, report, error }],
      }));
      if (report?.digest) get().setView({ kind: 'digest', id: report.digest.id });
    },
  };
};
