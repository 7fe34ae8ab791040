import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';

const SAVE_DELAY_MS = 600;

export type NoteState = 'saved' | 'editing' | 'saving' | 'error';

/** The open paper's note: edited locally, saved after a pause; a failed save keeps the text. */
export interface NoteSlice {
  noteFor: string | null;
  noteText: string;
  noteState: NoteState;
  noteError: string | null;
  loadNote(paperId: string, text: string): void;
  editNote(text: string): void;
  flushNote(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const createNoteSlice: StateCreator<AppState, [], [], NoteSlice> = (set, get) => ({
  noteFor: null,
  noteText: '',
  noteState: 'saved',
  noteError: null,
  loadNote(paperId, text) {
    const { noteFor, noteState } = get();
    // Never replace what the reader is typing (or could not save) with the stored copy.
    if (noteFor === paperId && noteState !== 'saved') return;
    if (noteFor && noteFor !== paperId && noteState !== 'saved') void get().flushNote();
    set({ noteFor: paperId, noteText: text, noteState: 'saved', noteError: null });
  },
  editNote(text) {
    set({ noteText: text, noteState: 'editing' });
    clearTimeout(timer);
    timer = setTimeout(() => void get().flushNote(), SAVE_DELAY_MS);
  },
  async flushNote() {
    clearTimeout(timer);
    const { noteFor, noteText, noteState } = get();
    if (!noteFor || noteState === 'saved') return;
    set({ noteState: 'saving' });
    try {
      await api.call('notes.save', { paperId: noteFor, text: noteText });
      // Typing may have gone on while saving: only then is it still unsaved.
      if (get().noteFor === noteFor && get().noteText === noteText) set({ noteState: 'saved', noteError: null });
    } catch (error) {
      if (get().noteFor === noteFor) set({ noteState: 'error', noteError: (error as Error).message });
      else get().notify(`Your note on the previous paper could not be saved: ${(error as Error).message}`, { tone: 'error' });
    }
  },
});
