import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import { deleteWithUndo } from './mutate';
import type { SmartCheck, SmartListSummary, SmartRule } from './types';

/** The smart-list editor: a new list (from the current search, say) or an existing one. */
export type SmartEditor = { mode: 'create'; query: string } | { mode: 'edit'; id: string };

/** Smart lists (saved searches): live counts, "new since you last looked", rules, the editor. */
export interface SmartSlice {
  smartLists: SmartListSummary[];
  smartEditor: SmartEditor | null;
  loadSmartLists(): Promise<void>;
  openSmartEditor(editor: SmartEditor | null): void;
  /** Reads a query as typed: its canonical form and count, or where it stops making sense. */
  checkSmartQuery(query: string): Promise<SmartCheck | null>;
  createSmartList(name: string, query: string, rule: SmartRule | null): Promise<string | undefined>;
  updateSmartList(id: string, change: { name?: string; query?: string; rule?: SmartRule | null }): Promise<boolean>;
  deleteSmartList(id: string): Promise<void>;
  /** Opens a smart list in the paper list; its "new" count starts again. */
  openSmartList(id: string): void;
}

export const createSmartSlice: StateCreator<AppState, [], [], SmartSlice> = (set, get) => ({
  smartLists: [],
  smartEditor: null,
  async loadSmartLists() {
    const lists = await api.call('smart.list', {}).catch(() => null);
    if (lists) set({ smartLists: lists });
  },
  openSmartEditor(smartEditor) {
    set({ smartEditor });
  },
  async checkSmartQuery(query) {
    return api.call('smart.check', { query }).catch(() => null);
  },
  async createSmartList(name, query, rule) {
    const list = await get().attempt(() => api.call('smart.create', { name, query, rule }));
    if (!list) return undefined;
    set((s) => ({ smartLists: [...s.smartLists, list] }));
    get().notify(`Saved the smart list “${list.name}” (${list.count.toLocaleString()} papers).`);
    return list.id;
  },
  async updateSmartList(id, { name, query, rule }) {
    const before = get().smartLists.find((l) => l.id === id);
    if (name !== undefined && name !== before?.name && !(await get().attempt(() => api.call('smart.rename', { id, name })))) return false;
    if (query !== undefined || rule !== undefined) {
      const updated = await get().attempt(() => api.call('smart.update', { id, query, rule }));
      if (!updated) return false;
    }
    await get().loadSmartLists();
    if (get().view.kind === 'smart') await get().refreshList();
    return true;
  },
  async deleteSmartList(id) {
    await deleteWithUndo(get, {
      remove: () => api.call('smart.delete', { id }),
      onDeleted: () => {
        const { view } = get();
        if (view.kind === 'smart' && view.id === id) get().setView({ kind: 'all' });
      },
      message: (l) => `Deleted the smart list “${l.name}” (its papers are kept).`,
      restore: (l) => api.call('smart.restore', { id: l.id }),
    });
  },
  openSmartList(id) {
    get().setView({ kind: 'smart', id });
    void api
      .call('smart.seen', { id })
      .then((seen) => set((s) => ({ smartLists: s.smartLists.map((l) => (l.id === id ? seen : l)) })))
      .catch(() => {});
  },
});
