import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import { change, deleteWithUndo } from './mutate';
import type { TagColor } from './types';

/** Tags: given by name (created as needed), renamed or merged, recoloured, deleted with undo. */
export interface TagsSlice {
  addTags(paperIds: string[], names: string[]): Promise<void>;
  removeTag(paperIds: string[], tagId: string): Promise<void>;
  renameTag(tagId: string, name: string): Promise<boolean>;
  setTagColor(tagId: string, color: TagColor): Promise<void>;
  deleteTag(tagId: string): Promise<void>;
}

export const createTagsSlice: StateCreator<AppState, [], [], TagsSlice> = (_set, get) => ({
  async addTags(paperIds, names) {
    const clean = names.map((n) => n.trim()).filter(Boolean);
    if (clean.length) await change(get, () => api.call('tags.add', { paperIds, names: clean }));
    else get().notify('A tag needs a name: it cannot be empty.', { tone: 'error' });
  },
  async removeTag(paperIds, tagId) {
    await change(get, () => api.call('tags.remove', { paperIds, tagId }));
  },
  async renameTag(tagId, name) {
    const before = get().tags.map((t) => t.id);
    const ok = await change(get, () => api.call('tags.rename', { id: tagId, name }));
    if (ok && !get().tags.some((t) => t.id === tagId) && before.includes(tagId)) get().notify(`Merged into the existing tag “${name.trim()}”.`);
    return ok;
  },
  async setTagColor(tagId, color) {
    await change(get, () => api.call('tags.setColor', { id: tagId, color }));
  },
  async deleteTag(tagId) {
    await deleteWithUndo(get, {
      remove: () => api.call('tags.delete', { id: tagId }),
      onDeleted: () => {
        const { view } = get();
        if (view.kind === 'tags' && view.ids.includes(tagId)) get().setView({ kind: 'all' });
      },
      message: (tag) => `Deleted the tag “${tag.name}” (its papers are kept).`,
      restore: (tag) => api.call('tags.restore', { id: tag.id }),
    });
  },
});
