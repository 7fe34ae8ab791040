import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** Present for destructive actions: puts things back as they were. */
  undo?: () => Promise<unknown>;
}

export interface ToastSlice {
  toast: Toast | null;
  notify(message: string, options?: { tone?: Toast['tone']; undo?: Toast['undo'] }): void;
  dismissToast(): void;
  undoToast(): Promise<void>;
  /** Runs a call to the core; a failure becomes an error toast instead of an exception. */
  attempt<T>(action: () => Promise<T>): Promise<T | undefined>;
}

let counter = 0;

export const createToastSlice: StateCreator<AppState, [], [], ToastSlice> = (set, get) => ({
  toast: null,
  notify(message, options = {}) {
    set({ toast: { id: ++counter, message, tone: options.tone ?? 'info', undo: options.undo } });
  },
  dismissToast() {
    set({ toast: null });
  },
  async undoToast() {
    const undo = get().toast?.undo;
    set({ toast: null });
    if (undo) await get().attempt(undo);
    await get().refreshAll();
  },
  async attempt(action) {
    try {
      return await action();
    } catch (error) {
      get().notify((error as Error).message, { tone: 'error' });
      return undefined;
    }
  },
});
