import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { HighlightColor, ReadState, TagColor } from './types';

/** What the reader does to their own data: status, tags, lists, highlights. Each refreshes the views. */
export interface OrganiseSlice {
  setStatus(paperIds: string[], change: { state?: ReadState; starred?: boolean }): Promise<void>;
  addTags(paperIds: string[], names: string[]): Promise<void>;
  removeTag(paperIds: string[], tagId: string): Promise<void>;
  renameTag(tagId: string, name: string): Promise<boolean>;
  setTagColor(tagId: string, color: TagColor): Promise<void>;
  deleteTag(tagId: string): Promise<void>;
  createList(name: string): Promise<string | undefined>;
  renameList(listId: string, name: string): Promise<boolean>;
  deleteList(listId: string): Promise<void>;
  addToList(listId: string, paperIds: string[]): Promise<void>;
  removeFromList(listId: string, paperIds: string[]): Promise<void>;
  moveInList(listId: string, paperId: string, to: number): Promise<void>;
  addHighlight(paperId: string, start: number, end: number, color: HighlightColor, comment?: string): Promise<void>;
  updateHighlight(id: string, change: { color?: HighlightColor; comment?: string }): Promise<void>;
  deleteHighlight(id: string): Promise<void>;
}

export const createOrganiseSlice: StateCreator<AppState, [], [], OrganiseSlice> = (_set, get) => {
  /** Runs a change; on success refreshes everything on screen. Returns whether it succeeded. */
  const change = async (action: () => Promise<unknown>): Promise<boolean> => {
    let ok = true;
    await get().attempt(async () => {
      try {
        await action();
      } catch (error) {
        ok = false;
        throw error;
      }
    });
    if (ok) await get().refreshAll();
    return ok;
  };
  const listName = (id: string) => get().lists.find((l) => l.id === id)?.name ?? 'the list';

  return {
    async setStatus(paperIds, c) {
      await change(() => api.call('status.set', { paperIds, ...c }));
    },
    async addTags(paperIds, names) {
      const clean = names.map((n) => n.trim()).filter(Boolean);
      if (clean.length) await change(() => api.call('tags.add', { paperIds, names: clean }));
      else get().notify('A tag needs a name: it cannot be empty.', { tone: 'error' });
    },
    async removeTag(paperIds, tagId) {
      await change(() => api.call('tags.remove', { paperIds, tagId }));
    },
    async renameTag(tagId, name) {
      const before = get().tags.map((t) => t.id);
      const ok = await change(() => api.call('tags.rename', { id: tagId, name }));
      if (ok && !get().tags.some((t) => t.id === tagId) && before.includes(tagId)) get().notify(`Merged into the existing tag “${name.trim()}”.`);
      return ok;
    },
    async setTagColor(tagId, color) {
      await change(() => api.call('tags.setColor', { id: tagId, color }));
    },
    async deleteTag(tagId) {
      const deleted = await get().attempt(() => api.call('tags.delete', { id: tagId }));
      if (!deleted) return;
      const { view } = get();
      if (view.kind === 'tags' && view.ids.includes(tagId)) get().setView({ kind: 'all' });
      get().notify(`Deleted the tag “${deleted.name}” (its papers are kept).`, { undo: () => api.call('tags.restore', { id: deleted.id }) });
      await get().refreshAll();
    },
    async createList(name) {
      const list = await get().attempt(() => api.call('lists.create', { name }));
      if (list) await get().refreshAll();
      return list?.id;
    },
    async renameList(listId, name) {
      return change(() => api.call('lists.rename', { id: listId, name }));
    },
    async deleteList(listId) {
      const deleted = await get().attempt(() => api.call('lists.delete', { id: listId }));
      if (!deleted) return;
      const { view } = get();
      if (view.kind === 'list' && view.id === listId) get().setView({ kind: 'all' });
      get().notify(`Deleted the list “${deleted.name}” (its papers are kept).`, { undo: () => api.call('lists.restore', { id: deleted.id }) });
      await get().refreshAll();
    },
    async addToList(listId, paperIds) {
      const result = await get().attempt(() => api.call('lists.add', { id: listId, paperIds }));
      if (!result) return;
      const n = paperIds.length;
      get().notify(
        result.added === 0
          ? `Already in “${listName(listId)}”.`
          : `Added ${result.added === 1 && n === 1 ? 'the paper' : `${result.added} papers`} to “${listName(listId)}”.`,
      );
      await get().refreshAll();
    },
    async removeFromList(listId, paperIds) {
      await change(() => api.call('lists.remove', { id: listId, paperIds }));
    },
    async moveInList(listId, paperId, to) {
      await change(() => api.call('lists.move', { id: listId, paperId, to }));
    },
    async addHighlight(paperId, start, end, color, comment) {
      await change(() => api.call('highlights.add', { paperId, start, end, color, comment }));
    },
    async updateHighlight(id, c) {
      await change(() => api.call('highlights.update', { id, ...c }));
    },
    async deleteHighlight(id) {
      const gone = await get().attempt(() => api.call('highlights.delete', { id }));
      if (!gone) return;
      get().notify('Highlight deleted.', { undo: () => api.call('highlights.restore', { id: gone.id }) });
      await get().refreshAll();
    },
  };
};
