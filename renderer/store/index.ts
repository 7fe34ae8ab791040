import { create } from 'zustand';
import { api } from '../api/client';
import { createExportSlice, type ExportSlice } from './export-slice';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createPaperListSlice, type PaperListSlice } from './paper-list-slice';
import { createNoteSlice, type NoteSlice } from './note-slice';
import { createStatusSlice, type StatusSlice } from './status-slice';
import { createTagsSlice, type TagsSlice } from './tags-slice';
import { createReadingListsSlice, type ReadingListsSlice } from './reading-lists-slice';
import { createHighlightsSlice, type HighlightsSlice } from './highlights-slice';
import { createReaderSlice, type ReaderSlice } from './reader-slice';
import { createToastSlice, type ToastSlice } from './toast-slice';
import { createTriageSlice, type TriageSlice } from './triage-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createOverlaySlice, type OverlaySlice } from './overlay-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createBackupsSlice, type BackupsSlice } from './backups-slice';
import { createSourcesSlice, type SourcesSlice } from './sources-slice';
import { createSmartSlice, type SmartSlice } from './smart-slice';
import { createTrendsSlice, type TrendsSlice } from './trends-slice';

export type AppState = LibrarySlice &
  PaperListSlice &
  ReaderSlice &
  ImportSlice &
  ToastSlice &
  StatusSlice &
  TagsSlice &
  ReadingListsSlice &
  HighlightsSlice &
  NoteSlice &
  TriageSlice &
  SessionSlice &
  OverlaySlice &
  ExportSlice &
  CompareSlice &
  BackupsSlice &
  SourcesSlice &
  SmartSlice &
  TrendsSlice;

/** The renderer's one store, built from a slice per domain (the paper list, reading lists, tags…). */
export const useApp = create<AppState>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createPaperListSlice(...a),
  ...createReaderSlice(...a),
  ...createImportSlice(...a),
  ...createToastSlice(...a),
  ...createStatusSlice(...a),
  ...createTagsSlice(...a),
  ...createReadingListsSlice(...a),
  ...createHighlightsSlice(...a),
  ...createNoteSlice(...a),
  ...createTriageSlice(...a),
  ...createSessionSlice(...a),
  ...createOverlaySlice(...a),
  ...createExportSlice(...a),
  ...createCompareSlice(...a),
  ...createBackupsSlice(...a),
  ...createSourcesSlice(...a),
  ...createSmartSlice(...a),
  ...createTrendsSlice(...a),
}));

/** Core events that change what is on screen (also changes made in another window). */
export function connectEvents(): () => void {
  const offs = [
    api.on('import.progress', ({ done, total }) => useApp.setState({ importProgress: { done, total } })),
    api.on('library.changed', () => void useApp.getState().refreshAll()),
    api.on('import.finished', (result) => useApp.getState().showImportResult(result)),
    api.on('library.changed', () => void useApp.getState().refreshComparison()),
    api.on('fetch.progress', (p) => useApp.getState().noteFetchProgress(p)),
    api.on('fetch.finished', (run) => useApp.getState().noteFetchFinished(run)),
    api.on('sources.changed', () => void useApp.getState().loadSources()),
    // A new model: a list sorted "Best for you" is asked for again.
    api.on('ranking.changed', () => useApp.getState().sort === 'best' && void useApp.getState().refreshList()),
  ];
  return () => offs.forEach((off) => off());
}
