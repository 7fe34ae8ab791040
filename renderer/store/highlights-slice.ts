import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import { change, deleteWithUndo } from './mutate';
import type { HighlightColor } from './types';

/** Highlights of the open paper's abstract: added from a selection, edited, deleted with undo. */
export interface HighlightsSlice {
  addHighlight(paperId: string, start: number, end: number, color: HighlightColor, comment?: string): Promise<void>;
  updateHighlight(id: string, change: { color?: HighlightColor; comment?: string }): Promise<void>;
  deleteHighlight(id: string): Promise<void>;
}

export const createHighlightsSlice: StateCreator<AppState, [], [], HighlightsSlice> = (_set, get) => ({
  async addHighlight(paperId, start, end, color, comment) {
    await change(get, () => api.call('highlights.add', { paperId, start, end, color, comment }));
  },
  async updateHighlight(id, c) {
    await change(get, () => api.call('highlights.update', { id, ...c }));
  },
  async deleteHighlight(id) {
    await deleteWithUndo(get, {
      remove: () => api.call('highlights.delete', { id }),
      message: () => 'Highlight deleted.',
      restore: (gone) => api.call('highlights.restore', { id: gone.id }),
    });
  },
});
