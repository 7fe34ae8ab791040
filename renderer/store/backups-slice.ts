import type { StateCreator } from 'zustand';
import type { Api } from '../../src/api';
import { api } from '../api/client';
import type { AppState } from './index';

export type Backup = Api['backups.list']['result'][number];

/** The Backups screen: copies of the reader's data, restoring one (with undo). */
export interface BackupsSlice {
  backups: Backup[] | null;
  loadBackups(): Promise<void>;
  backupNow(): Promise<void>;
  restoreBackup(backup: Backup): Promise<void>;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const createBackupsSlice: StateCreator<AppState, [], [], BackupsSlice> = (set, get) => ({
  backups: null,
  async loadBackups() {
    const backups = await get().attempt(() => api.call('backups.list', {}));
    if (backups) set({ backups });
  },
  async backupNow() {
    const made = await get().attempt(() => api.call('backups.create', {}));
    if (!made) return;
    await get().loadBackups();
    get().notify(`Backed up (${when(made.createdAt)}).`);
  },
  async restoreBackup(backup) {
    const result = await get().attempt(() => api.call('backups.restore', { id: backup.id }));
    if (!result) return;
    await Promise.all([get().loadBackups(), get().refreshAll()]);
    get().notify(`Restored the backup of ${when(backup.createdAt)}. Your data as it was is backed up too.`, {
      undo: async () => {
        await api.call('backups.restore', { id: result.undoId });
        await get().loadBackups();
      },
    });
  },
});
