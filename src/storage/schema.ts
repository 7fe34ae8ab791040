import type { Comparison } from '../compare/types';
import type { Highlight } from '../highlights/types';
import type { ReadingList } from '../lists/types';
import type { Note } from '../notes/types';
import type { Appearance, Session } from '../settings/types';
import type { RuleMark } from '../smart/rule-marks';
import type { SmartList } from '../smart/types';
import type { FetchSchedule, Source } from '../sources/types';
import type { PaperStatus } from '../status/types';
import type { Tag } from '../tags/types';

/**
 * The shape of the reader's data as stored, one version at a time (each domain declares its own
 * types in its folder; this file assembles them). A migration takes version N-1 to N;
 * a store written by a newer app is refused, never overwritten.
 */
export const CURRENT_SCHEMA = 5;
/** The first version kept as a snapshot plus a journal: from it on, a journal beside an older snapshot holds its latest writes. */
export const JOURNAL_SCHEMA = 4;
/** The oldest version `downgrade` writes. */
export const OLDEST_DOWNGRADE = 3;

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
  /** Subscriptions (src/sources), by id, in the reader's order. */
  sources: Record<string, Source>;
  sourceOrder: string[];
  fetchSchedule: FetchSchedule;
  /** Saved searches (src/smart), by id, in the reader's order. */
  smartLists: Record<string, SmartList>;
  smartOrder: string[];
  /** paper id → the tags, lists and star smart lists' rules set on it, not the reader (src/smart/rule-marks.ts); absent when none. */
  ruleMarks?: Record<string, RuleMark>;
}

export const READ_LATER_ID = 'read-later';
/** Fetch at start-up, and every morning at 8 while the app runs. */
export const DEFAULT_SCHEDULE: FetchSchedule = { atStartup: true, dailyHour: 8 };

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
  // 5: the daily loop: sources and their schedule, smart lists (additive: new keys with defaults). Down: downgrade.ts.
  5: (data) => ({ sources: {}, sourceOrder: [], fetchSchedule: { ...DEFAULT_SCHEDULE }, smartLists: {}, smartOrder: [], ...data }),
};

export function migrate(raw: unknown): UserData {
  let data = { ...(raw as Record<string, unknown>) };
  const from = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (from > CURRENT_SCHEMA) throw new StoreTooNewError(from);
  for (let v = from + 1; v <= CURRENT_SCHEMA; v++) data = { ...migrations[v](data), schemaVersion: v };
  return data as unknown as UserData;
}

type Downgrade = (data: Record<string, unknown>) => Record<string, unknown>;

/** downgrades[n] takes a version n store back to version n-1, as that version's app reads it (downgrade.ts writes it). */
const downgrades: Record<number, Downgrade> = {
  // 5 → 4: the daily loop's parts go (the backup taken first keeps them), and each status keeps what v4 knew.
  5: (data) => {
    const { sources: _s, sourceOrder: _so, fetchSchedule: _f, smartLists: _l, smartOrder: _lo, ruleMarks: _m, status = {}, ...rest } = data;
    const kept: Record<string, unknown> = {};
    for (const [id, entry] of Object.entries(status as Record<string, PaperStatus>)) {
      const { notInterested: _n, skippedAt: _k, ...v4 } = entry;
      // v4 keeps no entry for an unread, unstarred paper (one only skipped or "not interested").
      if (v4.state !== 'unread' || v4.starred) kept[id] = v4;
    }
    return { ...rest, status: kept };
  },
  // 4 → 3: the same data; only how it is kept changes (downgrade.ts folds the journal in).
  4: (data) => data,
};

/** The data as version `to` (OLDEST_DOWNGRADE up to the current) has it: the down migrations in turn. */
export function downgrade(data: Readonly<UserData>, to: number): Record<string, unknown> {
  if (!Number.isInteger(to) || to < OLDEST_DOWNGRADE || to > CURRENT_SCHEMA) {
    throw new RangeError(`Cannot write data version ${to}: this app writes versions ${OLDEST_DOWNGRADE} to ${CURRENT_SCHEMA}.`);
  }
  let out = { ...(data as unknown as Record<string, unknown>) };
  for (let v = CURRENT_SCHEMA; v > to; v--) out = { ...downgrades[v](out), schemaVersion: v - 1 };
  return out;
}
