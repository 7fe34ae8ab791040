import { useApp } from './store';

/**
 * Every single-key shortcut of the library view, in one table: the key handler, the cheat sheet
 * and the command palette all read it. Shortcuts never fire while typing in a field.
 */
export interface Shortcut {
  keys: string[];
  label: string;
  run: () => void;
}

const state = () => useApp.getState();
const paper = () => state().paper;
const focus = (selector: string) => document.querySelector<HTMLElement>(selector)?.focus();

export const SHORTCUTS: Shortcut[] = [
  { keys: ['j'], label: 'Next paper', run: () => state().step(1) },
  { keys: ['k'], label: 'Previous paper', run: () => state().step(-1) },
  { keys: ['o', 'Enter'], label: 'Open: move focus to the paper', run: () => focus('#reader-title') },
  {
    keys: ['Escape'],
    label: 'Back: to the list, clear the selection',
    run: () => {
      state().clearSelection();
      if (!document.querySelector('.paper-row.selected')) focus('[aria-label="Papers"]');
      else focus('.paper-row.selected');
    },
  },
  { keys: ['/'], label: 'Search', run: () => focus('input[aria-label="Search papers"]') },
  {
    keys: ['s'],
    label: 'Star or unstar the paper',
    run: () => {
      const p = paper();
      if (p) void state().setStatus([p.id], { starred: !p.starred });
    },
  },
  {
    keys: ['r'],
    label: 'Mark the paper read (again: unread)',
    run: () => {
      const p = paper();
      if (p) void state().setStatus([p.id], { state: p.state === 'read' ? 'unread' : 'read' });
    },
  },
  { keys: ['t'], label: 'Tag the paper', run: () => focus('input[aria-label="Add tag"]') },
  { keys: ['l'], label: 'Add the paper to a list', run: () => focus('.paper-actions select[aria-label="Add to list"]') },
  { keys: ['n'], label: 'Write in the note', run: () => focus('textarea[aria-label="Note"]') },
  { keys: ['?'], label: 'Show keyboard shortcuts', run: () => state().openOverlay('shortcuts') },
];

/** Shortcuts with a modifier, listed in the cheat sheet; handled in App. */
export const CHORDS: { keys: string; label: string }[] = [
  { keys: 'Ctrl/⌘ K', label: 'Command palette: every action' },
  { keys: 'Ctrl/⌘ O', label: 'Import a digest' },
  { keys: 'Ctrl/⌘ ,', label: 'Settings' },
  { keys: 'Ctrl/⌘ + / −', label: 'Larger or smaller reading text (0 resets)' },
  { keys: 'Alt ↑ / ↓', label: 'Move the open paper in a reading list' },
];

export function shortcutFor(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key));
}
