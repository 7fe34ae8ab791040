import type { SearchDoc } from '../search/search-index';
import type { ReadState, TagColor, TagMode } from '../api/vocabulary';
import type { UserData } from '../storage/schema';
import { statusOf } from '../status/status';
import { tagsOf } from '../tags/tags';
import type { Paper } from './types';

/** Filters from the reader's own data: a list, tags (all or any), read state, starred. */
export interface UserFilter {
  listId?: string | null;
  tagIds?: string[];
  tagMode?: TagMode;
  state?: ReadState | null;
  starred?: boolean;
}

export interface UserFields {
  state: ReadState;
  starred: boolean;
  tags: { id: string; name: string; color: TagColor }[];
  hasNote: boolean;
}

export function userFields(data: UserData, paperId: string): UserFields {
  const { state, starred } = statusOf(data, paperId);
  return { state, starred, tags: tagsOf(data, paperId).map(({ id, name, color }) => ({ id, name, color })), hasNote: Boolean(data.notes[paperId]) };
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
  return tests.length ? (p) => tests.every((t) => t(p.id)) : undefined;
}

/** What the index holds of a paper: its text plus the reader's tags, note and highlight comments. */
export function searchDoc(p: Paper, data: UserData): SearchDoc {
  const comments = (data.highlights[p.id] ?? []).map((h) => h.comment).filter(Boolean);
  return {
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    tags: tagsOf(data, p.id)
      .map((t) => t.name)
      .join(' '),
    notes: [data.notes[p.id]?.text ?? '', ...comments].join('\n'),
  };
}
