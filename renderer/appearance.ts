import type { Settings } from './store/types';

const dark = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Applies the reader's theme and typography to the page (CSS variables; no inline styles). */
export function applyAppearance(s: Settings | null): void {
  const root = document.documentElement;
  const theme = s?.theme ?? 'system';
  root.dataset.theme = theme === 'system' ? (dark().matches ? 'dark' : 'light') : theme;
  if (!s) return;
  root.style.setProperty('--read', s.font === 'sans' ? 'var(--ui)' : 'var(--read-serif)');
  root.style.setProperty('--read-size', `${s.fontSize}px`);
  root.style.setProperty('--read-line', String(s.lineHeight));
  root.style.setProperty('--read-width', `${s.readingWidth}ch`);
}

/** Follows the system's light/dark switch while the theme is 'system'. */
export function followSystemTheme(current: () => Settings | null): () => void {
  const query = dark();
  const onChange = () => applyAppearance(current());
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
