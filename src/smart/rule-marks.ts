/**
 * What smart lists' rules set on papers: per paper, the tags and the star a rule put there. A tag
 * or star is the reader's own signal ("Best for you", what they have judged) only when they set it
 * themselves: a mark lasts until they set or take off that tag or star. The tags and stars stay
 * where they are kept (tags, status); this says only who set them.
 */
import type { UserData } from '../storage/schema';

export interface RuleMark {
  /** Tag ids a rule added (and the reader has not set themselves since). */
  tags?: string[];
  /** A rule starred it (and the reader has not starred or unstarred it since). */
  starred?: true;
}

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

/** Sets (or clears) a paper's mark for one tag or the star, on the store's draft; an empty mark is not kept. */
export function markByRule(d: UserData, paperId: string, what: { tagId: string } | { starred: true }, byRule: boolean): void {
  const before = markOf(d, paperId);
  if (!before && !byRule) return;
  // A new mark of plain values: nothing of the draft is kept inside it.
  const tags = (before?.tags ?? []).filter((t) => !('tagId' in what) || t !== what.tagId);
  if ('tagId' in what && byRule) tags.push(what.tagId);
  const starred = 'starred' in what ? byRule : Boolean(before?.starred);
  const next: RuleMark = { ...(tags.length ? { tags } : {}), ...(starred ? { starred: true } : {}) };
  d.ruleMarks ??= {};
  if (next.tags || next.starred) d.ruleMarks[paperId] = next;
  else delete d.ruleMarks[paperId];
}
