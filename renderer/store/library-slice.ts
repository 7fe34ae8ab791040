import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { Digest, ListSummary, Settings, TagSummary, Warning } from './types';

export interface LibrarySlice {
  digests: Digest[];
  lists: ListSummary[];
  tags: TagSummary[];
  settings: Settings | null;
  paperCount: number;
  warnings: Warning[];
  /** A message for a failure that is not tied to one action (connection lost, say). */
  fatal: string | null;
  loadLibrary(): Promise<void>;
  /** Reloads the sidebar, the list and the open paper after a change. */
  refreshAll(): Promise<void>;
  dismissWarning(index: number): void;
  setSetting(change: Partial<Settings>): Promise<void>;
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => ({
  digests: [],
  lists: [],
  tags: [],
  settings: null,
  paperCount: 0,
  warnings: [],
  fatal: null,
  async loadLibrary() {
    try {
      const [{ digests, paperCount }, lists, tags, settings, status] = await Promise.all([
        api.call('digests.list', {}),
        api.call('lists.list', {}),
        api.call('tags.list', {}),
        api.call('settings.get', {}),
        api.call('app.status', {}),
      ]);
      set({ digests, paperCount, lists, tags, settings, warnings: status.warnings, fatal: null });
      // Counts of smart lists follow every change of the library or the reader's data.
      void get().loadSmartLists();
    } catch (error) {
      set({ fatal: (error as Error).message });
    }
  },
  async refreshAll() {
    await Promise.all([get().loadLibrary(), get().refreshList()]);
  },
  dismissWarning(index) {
    set((s) => ({ warnings: s.warnings.filter((_, i) => i !== index) }));
  },
  async setSetting(change) {
    // Applied at once (the reader sees the change live), then confirmed by the core.
    const before = get().settings;
    if (before) set({ settings: { ...before, ...change } });
    const settings = await get().attempt(() => api.call('settings.set', change));
    set({ settings: settings ?? before });
  },
});
