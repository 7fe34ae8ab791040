/**
 * What the reader's own data says about their interests. Positive: papers they starred, read (or
 * are reading), tagged, or put in a reading list (what a smart list's rule set is not theirs). Negative: papers marked "not interested", and
 * papers triage skipped that they did not keep after all. A paper can only be one of the two;
 * "not interested" wins, as the reader said it last about that very paper.
 */
import { ownStar, ownTagIds, ruleListed } from '../smart/rule-marks';
import type { UserData } from '../storage/schema';

export type SignalKind = 'starred' | 'read' | 'tagged' | 'listed';

export interface Signals {
  positives: string[];
  negatives: string[];
  /** tag id → its papers (positives too), for the per-tag models. */
  byTag: Record<string, string[]>;
  /** Why each positive is one, for the reasons' wording ("papers you starred"). */
  kinds: Map<string, Set<SignalKind>>;
  /** Changes exactly when the signals do: a retrain is skipped when it is the same. */
  signature: string;
}

export function readSignals(data: Readonly<UserData>, exists: (paperId: string) => boolean): Signals {
  const kinds = new Map<string, Set<SignalKind>>();
  const note = (id: string, kind: SignalKind) => {
    if (!exists(id)) return;
    let set = kinds.get(id);
    if (!set) kinds.set(id, (set = new Set()));
    set.add(kind);
  };
  const refused = new Set<string>();
  const skipped: string[] = [];
  for (const [id, s] of Object.entries(data.status)) {
    if (s.notInterested) {
      if (exists(id)) refused.add(id);
      continue;
    }
    if (ownStar(data, id)) note(id, 'starred');
    if (s.state === 'read' || s.state === 'reading') note(id, 'read');
    if (s.skippedAt) skipped.push(id);
  }
  const byTag: Record<string, string[]> = {};
  for (const id of Object.keys(data.paperTags)) {
    const tags = ownTagIds(data, id);
    if (refused.has(id) || !exists(id) || !tags.length) continue;
    note(id, 'tagged');
    for (const t of tags) (byTag[t] ??= []).push(id);
  }
  for (const list of Object.values(data.lists)) for (const id of list.paperIds) if (!refused.has(id) && !ruleListed(data, id, list.id)) note(id, 'listed');
  const positives = [...kinds.keys()].sort();
  const negatives = [...refused, ...skipped.filter((id) => exists(id) && !kinds.has(id))].sort();
  for (const ids of Object.values(byTag)) ids.sort();
  const tagPart = Object.keys(byTag)
    .sort()
    .map((t) => `${t}:${byTag[t].join(',')}`)
    .join(';');
  return { positives, negatives, byTag, kinds, signature: `${positives.join(',')}|${negatives.join(',')}|${tagPart}` };
}

const NOUNS: Record<SignalKind, [one: string, many: string]> = {
  starred: ['paper you starred', 'papers you starred'],
  read: ['paper you read', 'papers you read'],
  tagged: ['paper you tagged', 'papers you tagged'],
  listed: ['paper in your lists', 'papers in your lists'],
};

/** How to name the papers a reason points at: by the one signal they all share, else "of your papers". */
export function nounFor(ids: readonly string[], kinds: ReadonlyMap<string, ReadonlySet<SignalKind>>): [one: string, many: string] {
  for (const kind of ['starred', 'tagged', 'listed', 'read'] as const) if (ids.every((id) => kinds.get(id)?.has(kind))) return NOUNS[kind];
  return ['of your papers', 'of your papers'];
}

/** "shares kv cache, speculative decoding with 3 papers you starred", or "mentions …" when none share them. */
export function reasonText(terms: readonly string[], sharedWith: number, noun: [string, string]): string {
  if (sharedWith === 0) return `mentions ${terms.join(', ')}`;
  return `shares ${terms.join(', ')} with ${sharedWith} ${sharedWith === 1 ? noun[0] : noun[1]}`;
}
