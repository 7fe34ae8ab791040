import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { Digest, Warning } from './types';

export interface LibrarySlice {
  digests: Digest[];
  paperCount: number;
  warnings: Warning[];
  /** A message for a failure that is not tied to one action (connection lost, say). */
  fatal: string | null;
  loadLibrary(): Promise<void>;
  dismissWarning(index: number): void;
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set) => ({
  digests: [],
  paperCount: 0,
  warnings: [],
  fatal: null,
  async loadLibrary() {
    try {
      const [{ digests, paperCount }, status] = await Promise.all([api.call('digests.list', {}), api.call('app.status', {})]);
      set({ digests, paperCount, warnings: status.warnings, fatal: null });
    } catch (error) {
      set({ fatal: (error as Error).message });
    }
  },
  dismissWarning(index) {
    set((s) => ({ warnings: s.warnings.filter((_, i) => i !== index) }));
  },
});
