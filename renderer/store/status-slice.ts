import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import { change } from './mutate';
import type { ReadState } from './types';

/** Read state and stars, for one paper or a selection. */
export interface StatusSlice {
  setStatus(paperIds: string[], change: { state?: ReadState; starred?: boolean; notInterested?: boolean }): Promise<void>;
}

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (_set, get) => ({
  async setStatus(paperIds, c) {
    await change(get, () => api.call('status.set', { paperIds, ...c }));
  },
});
