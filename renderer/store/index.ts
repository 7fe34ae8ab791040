import { create } from 'zustand';
import { api } from '../api/client';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createListSlice, type ListSlice } from './list-slice';
import { createReaderSlice, type ReaderSlice } from './reader-slice';

export type AppState = LibrarySlice & ListSlice & ReaderSlice & ImportSlice;

/** The renderer's one store, built from a slice per concern. */
export const useApp = create<AppState>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createListSlice(...a),
  ...createReaderSlice(...a),
  ...createImportSlice(...a),
}));

/** Core events that change what is on screen. */
export function connectEvents(): () => void {
  const offs = [
    api.on('import.progress', ({ done, total }) => useApp.setState({ importProgress: { done, total } })),
    api.on('library.changed', () => {
      void useApp.getState().loadLibrary();
      void useApp.getState().refreshList();
    }),
  ];
  return () => offs.forEach((off) => off());
}
