import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import { change, deleteWithUndo } from './mutate';

/** Reading lists: created, renamed, deleted with undo; papers added, removed and put in order. */
export interface ReadingListsSlice {
  createList(name: string): Promise<string | undefined>;
  renameList(listId: string, name: string): Promise<boolean>;
  deleteList(listId: string): Promise<void>;
  addToList(listId: string, paperIds: string[]): Promise<void>;
  removeFromList(listId: string, paperIds: string[]): Promise<void>;
  moveInList(listId: string, paperId: string, to: number): Promise<void>;
}

export const createReadingListsSlice: StateCreator<AppState, [], [], ReadingListsSlice> = (_set, get) => {
  const listName = (id: string) => get().lists.find((l) => l.id === id)?.name ?? 'the list';
  return {
    async createList(name) {
      const list = await get().attempt(() => api.call('lists.create', { name }));
      if (list) await get().refreshAll();
      return list?.id;
    },
    async renameList(listId, name) {
      return change(get, () => api.call('lists.rename', { id: listId, name }));
    },
    async deleteList(listId) {
      await deleteWithUndo(get, {
        remove: () => api.call('lists.delete', { id: listId }),
        onDeleted: () => {
          const { view } = get();
          if (view.kind === 'list' && view.id === listId) get().setView({ kind: 'all' });
        },
        message: (list) => `Deleted the list “${list.name}” (its papers are kept).`,
        restore: (list) => api.call('lists.restore', { id: list.id }),
      });
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
      await change(get, () => api.call('lists.remove', { id: listId, paperIds }));
    },
    async moveInList(listId, paperId, to) {
      await change(get, () => api.call('lists.move', { id: listId, paperId, to }));
    },
  };
};
