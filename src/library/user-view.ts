import type { ReadState, TagColor, TagMode } from '../api/vocabulary';
import { highlightsOf, type PlacedHighlight } from '../highlights/highlights';
import { listsOf } from '../lists/lists';
import { noteOf } from '../notes/notes';
import type { Note } from '../notes/types';
import { plainTitle } from '../digest/latex';
import type { SearchDoc } from '../search/search-index';
import { processTerm, tokenize } from '../search/text';
import type { DataContext } from '../shared/context';
import { ownStar, ownTagIds, ruleListed } from '../smart/rule-marks';
import type { UserData } from '../storage/schema';
import { statusOf } from '../status/status';
import { tagsOf } from '../tags/tags';
import type { Paper } from './types';

/**
 * A paper with the reader's data on it, built here and nowhere else: the list's rows take the
 * light part (`userFields`), the reader pane, exports and comparisons the whole (`annotate`).
 * Each part is read through its own domain.
 */

/** Filters from the reader's own data: a list, tags (all or any), read state, starred. */
export interface UserFilter {
  listId?: string | null;
  tagIds?: string[];
  tagMode?: TagMode;
  state?: ReadState | null;
  starred?: boolean;
  /**
   * true: only papers the reader has judged (starred, read or reading, marked not interested,
   * tagged, or in a list); false: only the others, the ones still new to them.
   */
  judged?: boolean;
}

export interface UserFields {
  state: ReadState;
  starred: boolean;
  /** The reader marked it "not interested" ("Best for you" learns from it). */
  notInterested: boolean;
  tags: { id: string; name: string; color: TagColor }[];
  hasNote: boolean;
}

export function userFields(data: UserData, paperId: string): UserFields {
  const { state, starred, notInterested = false } = statusOf(data, paperId);
  return {
    state,
    starred,
    notInterested,
    tags: tagsOf(data, paperId).map(({ id, name, color }) => ({ id, name, color })),
    hasNote: noteOf(data, paperId) !== null,
  };
}

/** Everything the reader has on one paper. */
export interface ReaderData extends UserFields {
  readAt: string | null;
  lists: { id: string; name: string }[];
  note: Note | null;
  /** In the order they stand in the abstract. */
  highlights: PlacedHighlight[];
}

export function readerData(ctx: DataContext, paperId: string): ReaderData {
  const data = ctx.store.data;
  return {
    ...userFields(data, paperId),
    readAt: statusOf(data, paperId).readAt ?? null,
    lists: listsOf(data, paperId),
    note: noteOf(data, paperId),
    highlights: highlightsOf(ctx, paperId),
  };
}

/** A paper (its identity, whatever the corpus knows of it) with its digests resolved and the reader's data. */
export type AnnotatedPaper = Paper & ReaderData & { digests: { id: string; name: string; importedAt: string; position: number }[] };

export function annotate(ctx: DataContext, paper: Paper): AnnotatedPaper {
  const digests = paper.appearances.map((a) => {
    const d = ctx.corpus.digest(a.digestId)!;
    return { id: d.id, name: d.name, importedAt: d.importedAt, position: a.position };
  });
  return { ...paper, abstract: paper.abstract, digests, ...readerData(ctx, paper.id) }; // a spread leaves the abstract out (stored-paper.ts)
}

export function userFilter(data: UserData, f: UserFilter): ((p: Paper) => boolean) | undefined {
  const tests: ((id: string) => boolean)[] = [];
  if (f.listId) {
    const members = new Set(data.lists[f.listId]?.paperIds ?? []);
    tests.push((id) => members.has(id));
  }
  if (f.tagIds?.length) {
    const wanted = f.tagIds;
    tests.push((id) => {
      const has = data.paperTags[id] ?? [];
      return f.tagMode === 'or' ? wanted.some((t) => has.includes(t)) : wanted.every((t) => has.includes(t));
    });
  }
  if (f.state) tests.push((id) => statusOf(data, id).state === f.state);
  if (f.starred) tests.push((id) => statusOf(data, id).starred);
  if (f.judged !== undefined) {
    const judged = judgedPapers(data);
    tests.push((id) => judged.has(id) === f.judged);
  }
  return tests.length ? (p) => tests.every((t) => t(p.id)) : undefined;
}

/** The papers the reader has said something about: the signals "Best for you" learns from, bar a triage skip. */
function judgedPapers(data: UserData): Set<string> {
  const judged = new Set<string>();
  for (const [id, s] of Object.entries(data.status)) if (ownStar(data, id) || s.notInterested || s.state !== 'unread') judged.add(id);
  for (const id of Object.keys(data.paperTags)) if (ownTagIds(data, id).length) judged.add(id);
  for (const list of Object.values(data.lists)) for (const id of list.paperIds) if (!ruleListed(data, id, list.id)) judged.add(id);
  return judged;
}

/** What the index holds of a paper: its text plus the reader's tags, note and highlight comments. */
/** The papers whose search document holds the reader's words (tags, a note, highlight comments): a superset. */
export function readerPaperIds(data: UserData): string[] {
  return [...new Set([...Object.keys(data.paperTags), ...Object.keys(data.notes), ...Object.keys(data.highlights)])];
}

/**
 * A title as searched: with the words its LaTeX spells when flattened (`S$^4$C` is also "S4C", as
 * the page shows and exports name it), each once, so that a plain title's words count as before.
 */
function titleWords(title: string): string {
  if (!title.includes('$') && !title.includes('\\')) return title;
  const own = new Set(tokenize(title).map(processTerm));
  const extra = [...new Set(tokenize(plainTitle(title)).map(processTerm))].filter((t) => !own.has(t));
  return extra.length > 0 ? `${title} ${extra.join(' ')}` : title;
}

export function searchDoc(p: Paper, data: UserData): SearchDoc {
  const comments = (data.highlights[p.id] ?? []).map((h) => h.comment).filter(Boolean);
  return {
    id: p.id,
    title: titleWords(p.title),
    abstract: p.abstract,
    ...(p.authors?.length ? { authors: p.authors.join('\n') } : {}),
    ...(p.rev ? { rev: p.rev } : {}),
    tags: tagsOf(data, p.id)
      .map((t) => t.name)
      .join(' '),
    notes: [noteOf(data, p.id)?.text ?? '', ...comments].join('\n'),
  };
}
