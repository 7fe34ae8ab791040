/**
 * The shape of the reader's data, one version at a time. A migration takes version N-1 to N;
 * a store written by a newer app is refused, never overwritten.
 */
export const CURRENT_SCHEMA = 4;

export const TAG_COLORS = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
export type TagColor = (typeof TAG_COLORS)[number];
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const READ_STATES = ['unread', 'reading', 'read'] as const;
export type ReadState = (typeof READ_STATES)[number];

export interface Tag {
  id: string;
  name: string;
  color: TagColor;
  createdAt: string;
}

export interface ReadingList {
  id: string;
  name: string;
  /** The list's own order of papers. */
  paperIds: string[];
  createdAt: string;
  builtIn?: boolean;
}

export interface PaperStatus {
  state: ReadState;
  starred: boolean;
  readAt?: string;
  updatedAt: string;
}

export interface Note {
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** A W3C TextQuoteSelector (exact + context) plus the offsets it had when made, for speed. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Highlight {
  id: string;
  paperId: string;
  quote: QuoteSelector;
  color: HighlightColor;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserData {
  schemaVersion: number;
  /** Counts every write: the search index records the revision it reflects. */
  revision?: number;
  settings: {
    /** The sample digest is imported once, on the first run only (deleting it later sticks). */
    sampleImported: boolean;
    /** Opening a paper marks it read. */
    markReadOnOpen: boolean;
  } & Partial<Appearance>;
  /** Where the reader was (view, paper, search, scroll), restored at the next start. */
  session?: Session;
  tags: Record<string, Tag>;
  /** paper id → tag ids */
  paperTags: Record<string, string[]>;
  lists: Record<string, ReadingList>;
  listOrder: string[];
  /** paper id → status; a paper with no entry is unread and not starred. */
  status: Record<string, PaperStatus>;
  /** paper id → its one note */
  notes: Record<string, Note>;
  /** paper id → its highlights, in the order made */
  highlights: Record<string, Highlight[]>;
  /** Side-by-side comparisons of papers (src/compare), by id. */
  comparisons: Record<string, Comparison>;
  /** Names of comparison attributes ever used, offered again in any comparison. */
  attributeNames: string[];
}

/** A row the reader defines in a comparison (Method, Dataset, Speed-up…). */
export interface ComparisonAttribute {
  id: string;
  name: string;
}

/** One paper's value for one attribute: free text, or a quote of its abstract anchored like a highlight. */
export interface ComparisonCell {
  value: string;
  quote?: QuoteSelector;
  updatedAt: string;
}

export interface Comparison {
  id: string;
  name: string;
  /** False until the reader names it: the one comparison being put together. */
  saved: boolean;
  /** The columns, in order. A paper no longer in the library stays, shown as missing. */
  paperIds: string[];
  /** paper id → its title when added, to name a column whose paper went missing */
  titles: Record<string, string>;
  /** The attribute rows, in order. */
  attributes: ComparisonAttribute[];
  /** paper id → attribute id → cell */
  values: Record<string, Record<string, ComparisonCell>>;
  createdAt: string;
  updatedAt: string;
}

export const READ_LATER_ID = 'read-later';

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const FONTS = ['serif', 'sans'] as const;

/** How the reader likes to read; absent fields take their defaults (src/settings). */
export interface Appearance {
  theme: (typeof THEMES)[number];
  font: (typeof FONTS)[number];
  fontSize: number;
  lineHeight: number;
  /** Width of the reading column, in characters. */
  readingWidth: number;
}

export type SessionView =
  { kind: 'all' } | { kind: 'starred' } | { kind: 'digest' | 'list' | 'comparison'; id: string } | { kind: 'tags'; ids: string[]; mode: 'and' | 'or' };

export interface Session {
  view: SessionView;
  selectedId: string | null;
  query: string;
  scrollTop: number;
}

export class StoreTooNewError extends Error {
  constructor(found: number) {
    super(
      `Your data was written by a newer version of Digest Reader (data version ${found}; this app reads up to ${CURRENT_SCHEMA}). Update the app; your data was left untouched.`,
    );
    this.name = 'StoreTooNewError';
  }
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] upgrades a version n-1 store to version n. Version 0 is an empty or new store. */
const migrations: Record<number, Migration> = {
  1: (data) => ({ ...data, settings: { sampleImported: false, ...(data.settings as object | undefined) } }),
  // 2: the reader's own data (tags, lists, status, notes, highlights), with a built-in "Read later".
  2: (data) => ({
    ...data,
    settings: { markReadOnOpen: false, ...(data.settings as object) },
    tags: {},
    paperTags: {},
    lists: { [READ_LATER_ID]: { id: READ_LATER_ID, name: 'Read later', paperIds: [], createdAt: new Date(0).toISOString(), builtIn: true } },
    listOrder: [READ_LATER_ID],
    status: {},
    notes: {},
    highlights: {},
  }),
  // 3: comparisons of papers, and the attribute names they use (additive: everything else is kept).
  3: (data) => ({ comparisons: {}, attributeNames: [], ...data }),
  // 4: the same data, kept as a snapshot plus a journal of changes (user-store.ts); a v3 store is its first snapshot.
  4: (data) => data,
};

export function migrate(raw: unknown): UserData {
  let data = { ...(raw as Record<string, unknown>) };
  const from = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (from > CURRENT_SCHEMA) throw new StoreTooNewError(from);
  for (let v = from + 1; v <= CURRENT_SCHEMA; v++) data = { ...migrations[v](data), schemaVersion: v };
  return data as unknown as UserData;
}
