import type { DataContext } from '../shared/context';
import { DEFAULT_APPEARANCE } from '../api/vocabulary';
import type { UserData } from '../storage/schema';
import type { Appearance, Session } from './types';

export type Settings = UserData['settings'] & Appearance;

export function readSettings(data: UserData): Settings {
  return { ...DEFAULT_APPEARANCE, ...data.settings };
}

export function updateSettings(ctx: DataContext, change: Partial<Omit<Settings, 'sampleImported'>>): Settings {
  ctx.store.update((d) => {
    d.settings = { ...d.settings, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
  });
  return readSettings(ctx.store.data);
}

export function saveSession(ctx: DataContext, session: Session): void {
  ctx.store.update((d) => {
    d.session = session;
  });
}
