import type { StateCreator } from 'zustand';
import type { Api } from '../../src/api';
import { comparisonCountProblem, MIN_PAPERS } from '../../src/api/vocabulary';
import { api } from '../api/client';
import type { AppState } from './index';
import { deleteWithUndo } from './mutate';

export type Matrix = Api['compare.get']['result'];
export type MatrixColumn = Matrix['columns'][number];
export type ComparisonSummary = Api['compare.list']['result'][number];

/** Who asked for the paper picker: the open comparison (add columns) or the reader (compare with…). */
export type Picker = { mode: 'add' } | { mode: 'with'; paperId: string; title: string };

/** Side-by-side comparisons: the saved ones (sidebar), the open one, and what the reader does to it. */
export interface CompareSlice {
  comparisons: ComparisonSummary[];
  /** The open comparison, as the core builds it. */
  matrix: Matrix | null;
  matrixError: string | null;
  attributeNames: string[];
  picker: Picker | null;
  loadComparisons(): Promise<void>;
  /** Opens a new (draft) comparison of these papers, or explains why it cannot. */
  compare(paperIds: string[]): Promise<void>;
  openComparison(id: string): void;
  loadMatrix(id: string): Promise<void>;
  refreshComparison(): Promise<void>;
  openPicker(picker: Picker | null): void;
  renameComparison(id: string, name: string): Promise<boolean>;
  deleteComparison(id: string): Promise<void>;
  addColumns(paperIds: string[]): Promise<void>;
  removeColumn(paperId: string): Promise<void>;
  moveColumn(paperId: string, to: number): Promise<void>;
  addAttribute(name: string): Promise<boolean>;
  renameAttribute(attributeId: string, name: string): Promise<boolean>;
  removeAttribute(attributeId: string): Promise<void>;
  moveAttribute(attributeId: string, to: number): Promise<void>;
  setCell(paperId: string, attributeId: string, value: string): Promise<boolean>;
  quoteCell(paperId: string, attributeId: string, start: number, end: number): Promise<void>;
  comparisonMarkdown(): Promise<string | undefined>;
}

/** Each matrix request carries a number; an answer overtaken by a newer request is dropped. */
let latest = 0;

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => {
  const openId = () => (get().view.kind === 'comparison' ? (get().view as { id: string }).id : null);

  /** Runs a change to the open comparison, then shows the result. Returns whether it worked. */
  const edit = async (action: (id: string) => Promise<unknown>): Promise<boolean> => {
    const id = openId();
    if (!id) return false;
    let ok = false;
    await get().attempt(async () => {
      await action(id);
      ok = true;
    });
    await get().refreshComparison();
    return ok;
  };

  return {
    comparisons: [],
    matrix: null,
    matrixError: null,
    attributeNames: [],
    picker: null,
    async loadComparisons() {
      const [comparisons, attributeNames] = await Promise.all([api.call('compare.list', {}), api.call('compare.attributeNames', {})]);
      set({ comparisons, attributeNames });
    },
    async compare(paperIds) {
      const ids = [...new Set(paperIds)];
      const problem = comparisonCountProblem(ids.length);
      if (problem) {
        get().notify(ids.length < MIN_PAPERS ? `${problem} Ctrl/⌘-click papers in the list to select them.` : problem, { tone: 'error' });
        return;
      }
      const created = await get().attempt(() => api.call('compare.create', { paperIds: ids }));
      if (!created) return;
      set({ picker: null });
      get().clearSelection();
      get().openComparison(created.id);
    },
    openComparison(id) {
      if (openId() !== id) set({ matrix: null, matrixError: null });
      get().setView({ kind: 'comparison', id });
    },
    async loadMatrix(id) {
      const ticket = ++latest;
      try {
        const matrix = await api.call('compare.get', { id });
        if (ticket === latest) set({ matrix, matrixError: null });
      } catch (error) {
        if (ticket === latest) set({ matrix: null, matrixError: (error as Error).message });
      }
    },
    async refreshComparison() {
      const id = openId();
      await Promise.all([
        get()
          .loadComparisons()
          .catch(() => {}),
        id ? get().loadMatrix(id) : null,
      ]);
    },
    openPicker(picker) {
      set({ picker });
    },
    async renameComparison(id, name) {
      let ok = false;
      await get().attempt(async () => {
        await api.call('compare.rename', { id, name });
        ok = true;
      });
      await get().refreshComparison();
      return ok;
    },
    async deleteComparison(id) {
      await deleteWithUndo(get, {
        remove: () => api.call('compare.delete', { id }),
        onDeleted: () => openId() === id && get().setView({ kind: 'all' }),
        message: (deleted) => `Deleted the comparison “${deleted.name}” (its papers are kept).`,
        restore: async (deleted) => {
          await api.call('compare.restore', { id: deleted.id });
          get().openComparison(deleted.id);
        },
        refresh: () => get().refreshComparison(),
      });
    },
    async addColumns(paperIds) {
      if (await edit((id) => api.call('compare.addPapers', { id, paperIds }))) set({ picker: null });
    },
    async removeColumn(paperId) {
      const title = get().matrix?.columns.find((c) => c.paperId === paperId)?.title ?? 'the paper';
      let position = -1;
      const ok = await edit(async (id) => ({ position } = await api.call('compare.removePaper', { id, paperId })));
      const id = openId();
      if (!ok || !id) return;
      // The core keeps a removed column's cells, so putting it back is adding it again.
      get().notify(`Removed “${title}” from the comparison.`, {
        undo: async () => {
          await api.call('compare.addPapers', { id, paperIds: [paperId] });
          await api.call('compare.movePaper', { id, paperId, to: position });
        },
      });
    },
    async moveColumn(paperId, to) {
      await edit((id) => api.call('compare.movePaper', { id, paperId, to }));
    },
    async addAttribute(name) {
      return edit((id) => api.call('compare.addAttribute', { id, name }));
    },
    async renameAttribute(attributeId, name) {
      return edit((id) => api.call('compare.renameAttribute', { id, attributeId, name }));
    },
    async removeAttribute(attributeId) {
      const id = openId();
      if (!id) return;
      await deleteWithUndo(get, {
        remove: () => api.call('compare.removeAttribute', { id, attributeId }),
        message: (row) => `Removed the row “${row.name}”.`,
        restore: (row) => api.call('compare.restoreAttribute', { id, attributeId: row.id }),
        refresh: () => get().refreshComparison(),
      });
    },
    async moveAttribute(attributeId, to) {
      await edit((id) => api.call('compare.moveAttribute', { id, attributeId, to }));
    },
    async setCell(paperId, attributeId, value) {
      return edit((id) => api.call('compare.setCell', { id, paperId, attributeId, value }));
    },
    async quoteCell(paperId, attributeId, start, end) {
      await edit((id) => api.call('compare.quoteCell', { id, paperId, attributeId, start, end }));
    },
    async comparisonMarkdown() {
      const id = openId();
      if (!id) return undefined;
      return (await get().attempt(() => api.call('compare.markdown', { id })))?.markdown;
    },
  };
};
