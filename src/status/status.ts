import { type DataContext, dataChanged, requirePapers } from '../shared/context';
import type { ReadState } from '../api/vocabulary';
import { markByRule } from '../smart/rule-marks';
import type { UserData } from '../storage/schema';
import type { PaperStatus } from './types';

export const DEFAULT_STATUS: Omit<PaperStatus, 'updatedAt'> = { state: 'unread', starred: false };

export function statusOf(data: UserData, paperId: string): Omit<PaperStatus, 'updatedAt'> {
  return data.status[paperId] ?? DEFAULT_STATUS;
}

/** Whether an entry says nothing beyond the defaults, so it need not be kept. */
const isDefault = (s: PaperStatus) => s.state === 'unread' && !s.starred && !s.notInterested && !s.skippedAt;

export interface StatusChange {
  state?: ReadState;
  starred?: boolean;
  /** "Not interested": a negative signal for "Best for you" (a star or a read clears it). */
  notInterested?: boolean;
  /** Triage's skip: true records one (as `skipPapers`), false forgets it (the undo of a skip). */
  skipped?: boolean;
}

/**
 * Sets read state, star and/or "not interested" on papers; a paper left at the defaults keeps no
 * entry. `byRule`: a smart list's rule stars them, not the reader (a star of theirs stays theirs).
 */
export function setStatus(ctx: DataContext, paperIds: string[], change: StatusChange, { byRule = false } = {}): void {
  requirePapers(ctx, paperIds);
  const now = ctx.now();
  ctx.store.update((d) => {
    for (const id of paperIds) {
      const before = d.status[id] ?? { ...DEFAULT_STATUS, updatedAt: now };
      const next: PaperStatus = { ...before, updatedAt: now };
      if (change.state !== undefined) next.state = change.state;
      if (change.starred !== undefined) {
        next.starred = change.starred;
        if (!byRule || !before.starred) markByRule(d, id, { starred: true }, byRule && change.starred);
      }
      if (change.state === 'read' && before.state !== 'read') next.readAt = now;
      if (next.state !== 'read') delete next.readAt;
      // Keeping a paper (a star, a read) answers the question a skip or "not interested" asked.
      if (change.starred || (change.state && change.state !== 'unread')) delete next.skippedAt;
      if (change.skipped === true) next.skippedAt = now;
      else if (change.skipped === false) delete next.skippedAt;
      if (change.notInterested !== undefined) {
        if (change.notInterested) next.notInterested = true;
        else delete next.notInterested;
      } else if (change.starred) delete next.notInterested;
      if (isDefault(next)) delete d.status[id];
      else d.status[id] = next;
    }
  });
  dataChanged(ctx);
}

/**
 * Triage passed these papers by: a weak negative signal, recorded with its time. Returns those
 * that were skipped already, so an undo can put back exactly what was there
 * (`setStatus(…, { skipped: false })` for the others).
 */
export function skipPapers(ctx: DataContext, paperIds: string[]): { alreadySkipped: string[] } {
  requirePapers(ctx, paperIds);
  const now = ctx.now();
  const alreadySkipped = paperIds.filter((id) => ctx.store.data.status[id]?.skippedAt);
  ctx.store.update((d) => {
    for (const id of paperIds) d.status[id] = { ...(d.status[id] ?? { ...DEFAULT_STATUS }), skippedAt: now, updatedAt: now };
  });
  dataChanged(ctx);
  return { alreadySkipped };
}

export function unreadCount(ctx: DataContext, paperIds: Iterable<string>): number {
  let n = 0;
  for (const id of paperIds) if (statusOf(ctx.store.data, id).state === 'unread') n++;
  return n;
}
