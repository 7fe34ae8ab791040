import { z } from 'zod';
import { FONTS, HIGHLIGHT_COLORS, READ_STATES, SOURCE_KINDS, TAG_COLORS, THEMES } from '../api/vocabulary';
import { CURRENT_SCHEMA, DEFAULT_SCHEDULE, READ_LATER_ID, type UserData } from './schema';

/**
 * The shape of the reader's data as read from disk (the store, a backup). Lenient where the app
 * is (unknown keys are kept, optional fields may be absent), strict where code would crash on a
 * wrong type. `salvage` keeps every part that has the right shape and names the parts it could not.
 */
const text = z.string();
const quote = z.looseObject({ exact: text, prefix: text, suffix: text, start: z.number(), end: z.number() });

const PARTS = {
  settings: z.looseObject({
    sampleImported: z.boolean(),
    markReadOnOpen: z.boolean(),
    theme: z.enum(THEMES).optional(),
    font: z.enum(FONTS).optional(),
    fontSize: z.number().optional(),
    lineHeight: z.number().optional(),
    readingWidth: z.number().optional(),
  }),
  tags: z.record(text, z.looseObject({ id: text, name: text, color: z.enum(TAG_COLORS), createdAt: text })),
  paperTags: z.record(text, z.array(text)),
  lists: z.record(text, z.looseObject({ id: text, name: text, paperIds: z.array(text), createdAt: text, builtIn: z.boolean().optional() })),
  listOrder: z.array(text),
  status: z.record(
    text,
    z.looseObject({
      state: z.enum(READ_STATES),
      starred: z.boolean(),
      readAt: text.optional(),
      notInterested: z.boolean().optional(),
      skippedAt: text.optional(),
      updatedAt: text,
    }),
  ),
  notes: z.record(text, z.looseObject({ text, createdAt: text, updatedAt: text })),
  highlights: z.record(
    text,
    z.array(z.looseObject({ id: text, paperId: text, quote, color: z.enum(HIGHLIGHT_COLORS), comment: text, createdAt: text, updatedAt: text })),
  ),
  comparisons: z.record(
    text,
    z.looseObject({
      id: text,
      name: text,
      saved: z.boolean(),
      paperIds: z.array(text),
      titles: z.record(text, text),
      attributes: z.array(z.looseObject({ id: text, name: text })),
      values: z.record(text, z.record(text, z.looseObject({ value: text, quote: quote.optional(), updatedAt: text }))),
      createdAt: text,
      updatedAt: text,
    }),
  ),
  attributeNames: z.array(text),
  // v5: the daily loop (src/sources, src/smart).
  sources: z.record(text, z.looseObject({ id: text, name: text, kind: z.enum(SOURCE_KINDS), url: text, createdAt: text })),
  sourceOrder: z.array(text),
  fetchSchedule: z.looseObject({ atStartup: z.boolean(), dailyHour: z.number().int().min(0).max(23).nullable() }),
  smartLists: z.record(text, z.looseObject({ id: text, name: text, query: text, createdAt: text, seenAt: text })),
  smartOrder: z.array(text),
  // Absent until a rule acts on a paper; a damaged one is dropped (what the rules set then counts as the reader's).
  ruleMarks: z.record(text, z.looseObject({ tags: z.array(text).optional(), lists: z.array(text).optional(), starred: z.literal(true).optional() })).optional(),
} as const;

type Part = keyof typeof PARTS;

const session = z.looseObject({ view: z.looseObject({ kind: text }), selectedId: text.nullable(), query: text, scrollTop: z.number() });

/** A whole store of the current version. */
export const userDataSchema = z.looseObject({
  schemaVersion: z.literal(CURRENT_SCHEMA),
  revision: z.number().int().nonnegative().optional(),
  session: session.optional(),
  ...PARTS,
});

/** What a new, empty library holds (the current version's defaults). */
export function emptyUserData(): UserData {
  return {
    schemaVersion: CURRENT_SCHEMA,
    settings: { sampleImported: false, markReadOnOpen: false },
    tags: {},
    paperTags: {},
    lists: { [READ_LATER_ID]: { id: READ_LATER_ID, name: 'Read later', paperIds: [], createdAt: new Date(0).toISOString(), builtIn: true } },
    listOrder: [READ_LATER_ID],
    status: {},
    notes: {},
    highlights: {},
    comparisons: {},
    attributeNames: [],
    sources: {},
    sourceOrder: [],
    fetchSchedule: { ...DEFAULT_SCHEDULE },
    smartLists: {},
    smartOrder: [],
  };
}

export interface Salvaged {
  data: UserData;
  /** Parts that had the wrong shape, with how many of their entries were dropped ('all' when replaced whole). */
  repaired: { part: string; dropped: number | 'all' }[];
}

/**
 * Checks a migrated store and keeps what has the right shape: entries of a record or items of a
 * list that are wrong are dropped one by one; a part of the wrong type altogether takes its default.
 */
export function salvage(raw: Record<string, unknown>): Salvaged {
  const whole = userDataSchema.safeParse(raw);
  if (whole.success) return { data: whole.data as unknown as UserData, repaired: [] };
  const empty = emptyUserData() as unknown as Record<string, unknown>;
  const data: Record<string, unknown> = { ...raw, schemaVersion: CURRENT_SCHEMA };
  const repaired: Salvaged['repaired'] = [];
  if (typeof raw.revision !== 'number' || !Number.isInteger(raw.revision) || raw.revision < 0) delete data.revision;
  if (raw.session !== undefined && !session.safeParse(raw.session).success) {
    delete data.session;
    repaired.push({ part: 'session', dropped: 'all' });
  }
  for (const part of Object.keys(PARTS) as Part[]) {
    const schema = PARTS[part];
    const value = raw[part];
    if (schema.safeParse(value).success) continue;
    const kept = keepValid(part, value);
    if (kept) {
      data[part] = kept.value;
      repaired.push({ part, dropped: kept.dropped });
    } else {
      data[part] = part === 'settings' ? { ...(empty.settings as object), ...validSettings(value) } : empty[part];
      repaired.push({ part, dropped: 'all' });
    }
  }
  const lists = data.lists as UserData['lists'];
  if (!lists[READ_LATER_ID]) lists[READ_LATER_ID] = (empty.lists as UserData['lists'])[READ_LATER_ID];
  data.listOrder = [...new Set([...(data.listOrder as string[]).filter((id) => lists[id]), ...Object.keys(lists)])];
  // An order names each of its records once (a source or smart list dropped above leaves its order too).
  for (const [order, part] of [
    ['sourceOrder', 'sources'],
    ['smartOrder', 'smartLists'],
  ] as const) {
    const records = data[part] as Record<string, unknown>;
    data[order] = [...new Set([...(data[order] as string[]).filter((id) => records[id]), ...Object.keys(records)])];
  }
  return { data: data as unknown as UserData, repaired };
}

/** The valid entries of a record part, or items of a list part; undefined when it is not even a record or list. */
function keepValid(part: Part, value: unknown): { value: unknown; dropped: number } | undefined {
  const schema = PARTS[part];
  if (Array.isArray(value) && schema instanceof z.ZodArray) {
    const items = value.filter((v) => schema.element.safeParse(v).success);
    return { value: items, dropped: value.length - items.length };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && schema instanceof z.ZodRecord) {
    const entries = Object.entries(value).filter(([, v]) => schema.valueType.safeParse(v).success);
    return { value: Object.fromEntries(entries), dropped: Object.keys(value).length - entries.length };
  }
  return undefined;
}

function validSettings(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const shape = PARTS.settings.shape;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(k in shape) || shape[k as keyof typeof shape].safeParse(v).success));
}

/** How much of the reader's own data a store holds: what the Backups screen shows, and whether it is empty. */
export interface DataCounts {
  notes: number;
  tags: number;
  lists: number;
  highlights: number;
  /** Papers with a status or a star, papers in lists, comparisons, sources, smart lists: data too, though not shown. */
  other: number;
}

export function countData(data: UserData): DataCounts {
  const lists = Object.values(data.lists ?? {});
  return {
    notes: Object.keys(data.notes ?? {}).length,
    tags: Object.keys(data.tags ?? {}).length,
    lists: lists.filter((l) => !l.builtIn).length,
    highlights: Object.values(data.highlights ?? {}).reduce((n, h) => n + h.length, 0),
    other:
      Object.keys(data.status ?? {}).length +
      lists.reduce((n, l) => n + l.paperIds.length, 0) +
      Object.keys(data.comparisons ?? {}).length +
      Object.keys(data.sources ?? {}).length +
      Object.keys(data.smartLists ?? {}).length,
  };
}

export function holdsData(counts: DataCounts): boolean {
  return counts.notes + counts.tags + counts.lists + counts.highlights + counts.other > 0;
}
