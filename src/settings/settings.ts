import type { DataContext } from '../shared/context';
import type { Appearance, Session, UserData } from '../storage/schema';

export const DEFAULT_APPEARANCE: Appearance = { theme: 'system', font: 'serif', fontSize: 18, lineHeight: 1.65, readingWidth: 70 };
export const FONT_SIZE = { min: 13, max: 28 } as const;
export const LINE_HEIGHT = { min: 1.3, max: 2.1 } as const;
export const READING_WIDTH = { min: 45, max: 100 } as const;

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
