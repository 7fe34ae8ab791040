import type { FONTS, TagMode, THEMES } from '../api/vocabulary';

/** How the reader likes to read; absent fields take their defaults (settings.ts). */
export interface Appearance {
  theme: (typeof THEMES)[number];
  font: (typeof FONTS)[number];
  fontSize: number;
  lineHeight: number;
  /** Width of the reading column, in characters. */
  readingWidth: number;
}

export type SessionView =
  | { kind: 'all' | 'starred' | 'sources' | 'trends' }
  | { kind: 'digest' | 'list' | 'comparison' | 'smart'; id: string }
  | { kind: 'tags'; ids: string[]; mode: TagMode };

/** Where the reader was (view, paper, search, scroll), restored at the next start. */
export interface Session {
  view: SessionView;
  selectedId: string | null;
  query: string;
  scrollTop: number;
  /** Filters on what sources said (an author, a category, a year), over any view. */
  facets?: { author: string | null; category: string | null; year: number | null };
}
