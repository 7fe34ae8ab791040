import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type Overlay = 'palette' | 'settings' | 'shortcuts' | 'backups' | null;

/** Which modal is open (command palette, settings, cheat sheet, backups); one at a time. */
export interface OverlaySlice {
  overlay: Overlay;
  openOverlay(overlay: Overlay): void;
}

export const createOverlaySlice: StateCreator<AppState, [], [], OverlaySlice> = (set) => ({
  overlay: null,
  openOverlay(overlay) {
    set({ overlay });
  },
});
