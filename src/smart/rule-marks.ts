/**
 * What smart lists' rules set on papers: per paper, the tags, reading lists and star a rule put
 * there. Each is the reader's own signal ("Best for you", what they have judged) only when they set
 * it themselves: a mark lasts until they set or take off that tag, list or star. The tags, lists
 * and stars stay where they are kept (tags, lists, status); this says only who set them.
 */
import type { UserData } from '../storage/schema';

export interface RuleMark {
  /** Tag ids a rule added (and the reader has not set themselves since). */
  tags?: string[];
  /** Reading lists a rule added it to (and the reader has not added it to, or taken it out of, since). */
  lists?: string[];
  /** A rule starred it (and the reader has not starred or unstarred it since). */
  starred?: true;
}

type What = { tagId: string } | { listId: string } | { starred: true };

const markOf = (data: Readonly<UserData>, paperId: string): RuleMark | undefined => data.ruleMarks?.[paperId];

/** The paper's tags the reader set themselves. */
export function ownTagIds(data: Readonly<UserData>, paperId: string): string[] {
  const tags = data.paperTags[paperId] ?? [];
  const byRule = markOf(data, paperId)?.tags;
  return byRule ? tags.filter((t) => !byRule.includes(t)) : tags;
}

/** Whether the reader starred it themselves. */
export function ownStar(data: Readonly<UserData>, paperId: string): boolean {
  return Boolean(data.status[paperId]?.starred) && !markOf(data, paperId)?.starred;
}

export const ruleTagged = (data: Readonly<UserData>, paperId: string, tagId: string) => Boolean(markOf(data, paperId)?.tags?.includes(tagId));
export const ruleListed = (data: Readonly<UserData>, paperId: string, listId: string) => Boolean(markOf(data, paperId)?.lists?.includes(listId));

/** Sets (or clears) a paper's mark for one tag, list or the star, on the store's draft; an empty mark is not kept. */
export function markByRule(d: UserData, paperId: string, what: What, byRule: boolean): void {
  const before = markOf(d, paperId);
  if (!before && !byRule) return;
  // A new mark of plain values: nothing of the draft is kept inside it.
  const tags = (before?.tags ?? []).filter((t) => !('tagId' in what) || t !== what.tagId);
  const lists = (before?.lists ?? []).filter((l) => !('listId' in what) || l !== what.listId);
  if (byRule && 'tagId' in what) tags.push(what.tagId);
  if (byRule && 'listId' in what) lists.push(what.listId);
  const starred = 'starred' in what ? byRule : Boolean(before?.starred);
  const next: RuleMark = { ...(tags.length ? { tags } : {}), ...(lists.length ? { lists } : {}), ...(starred ? { starred: true } : {}) };
  d.ruleMarks ??= {};
  if (next.tags || next.lists || next.starred) d.ruleMarks[paperId] = next;
  else delete d.ruleMarks[paperId];
}
