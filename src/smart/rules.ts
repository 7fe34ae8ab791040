/**
 * What an import does for the reader's interests: which of the digest's papers each smart list
 * matches (the report's "7 of 119 match your interests", naming them), and each list's rule
 * applied to the papers new to the library — tag, add to a reading list, star. A paper seen
 * before is not acted on again, so a star the reader took off stays off.
 */
import { addToList } from '../lists/lists';
import type { Paper } from '../library/types';
import type { DataContext } from '../shared/context';
import { setStatus } from '../status/status';
import { tagPapers } from '../tags/tags';
import { readQuery, type SmartEvaluator } from './evaluate';
import type { SmartRule } from './types';

/** One smart list's matches among a digest's papers. */
export interface SmartMatch {
  smartListId: string;
  name: string;
  paperIds: string[];
  /** Those new to the library (its rule acts on these). */
  newPaperIds: string[];
  /** What its rule did to the new ones among them. */
  applied: { tagged: number; listed: number; starred: number };
}

export interface InterestReport {
  matches: SmartMatch[];
  /** Distinct papers of the digest that match at least one smart list. */
  matchedPapers: number;
  /** Of those, papers new to the library ("23 new papers, 4 match your interests"). */
  matchedNewPapers: number;
  /** The matching papers by title, in the digest's order (the first MAX_NAMED), for the report to name them. */
  matchedTitles: { id: string; title: string }[];
}

/** Papers a report names by title; the count says how many there are in all. */
export const MAX_NAMED = 50;

export function applyRules(ctx: DataContext, evaluator: SmartEvaluator, papers: readonly Paper[], newIds: ReadonlySet<string>): InterestReport {
  // The digest's papers are all an import can have added or changed.
  evaluator.noteImported(papers);
  const data = ctx.store.data;
  const matches: SmartMatch[] = [];
  const matched = new Set<string>();
  const matchedNew = new Set<string>();
  for (const id of data.smartOrder) {
    const list = data.smartLists[id];
    if (!list) continue;
    let ids: string[];
    try {
      ids = evaluator.matching(readQuery(list.query), papers);
    } catch {
      continue; // a saved query always reads; one that does not is skipped, never fatal to an import
    }
    if (ids.length === 0) continue;
    ids.forEach((p) => matched.add(p));
    const fresh = ids.filter((p) => newIds.has(p));
    fresh.forEach((p) => matchedNew.add(p));
    matches.push({ smartListId: list.id, name: list.name, paperIds: ids, newPaperIds: fresh, applied: apply(ctx, list.rule, fresh) });
  }
  const matchedTitles = papers
    .filter((p) => matched.has(p.id))
    .slice(0, MAX_NAMED)
    .map((p) => ({ id: p.id, title: p.title }));
  return { matches, matchedPapers: matched.size, matchedNewPapers: matchedNew.size, matchedTitles };
}

function apply(ctx: DataContext, rule: SmartRule | undefined, paperIds: string[]): SmartMatch['applied'] {
  const applied = { tagged: 0, listed: 0, starred: 0 };
  if (!rule || paperIds.length === 0) return applied;
  if (rule.tag) {
    tagPapers(ctx, paperIds, [rule.tag], { byRule: true });
    applied.tagged = paperIds.length;
  }
  if (rule.listId && ctx.store.data.lists[rule.listId]) applied.listed = addToList(ctx, rule.listId, paperIds, { byRule: true });
  if (rule.star) {
    setStatus(ctx, paperIds, { starred: true }, { byRule: true });
    applied.starred = paperIds.length;
  }
  return applied;
}
