import { type DataContext, dataChanged, requirePapers } from '../shared/context';
import type { ReadState } from '../api/vocabulary';
import type { UserData } from '../storage/schema';
import type { PaperStatus } from './types';

export const DEFAULT_STATUS: Omit<PaperStatus, 'updatedAt'> = { state: 'unread', starred: false };

export function statusOf(data: UserData, paperId: string): { state: ReadState; starred: boolean; readAt?: string } {
  return data.status[paperId] ?? DEFAULT_STATUS;
}

/** Sets read state and/or star on papers; an unread, unstarred paper keeps no entry. */
export function setStatus(ctx: DataContext, paperIds: string[], change: { state?: ReadState; starred?: boolean }): void {
  requirePapers(ctx, paperIds);
  const now = ctx.now();
  ctx.store.update((d) => {
    for (const id of paperIds) {
      const before = d.status[id] ?? { ...DEFAULT_STATUS, updatedAt: now };
      const next: PaperStatus = { ...before, updatedAt: now };
      if (change.state !== undefined) next.state = change.state;
      if (change.starred !== undefined) next.starred = change.starred;
      if (change.state === 'read' && before.state !== 'read') next.readAt = now;
      if (next.state !== 'read') delete next.readAt;
      if (next.state === 'unread' && !next.starred) delete d.status[id];
      else d.status[id] = next;
    }
  });
  dataChanged(ctx);
}

export function unreadCount(ctx: DataContext, paperIds: Iterable<string>): number {
  let n = 0;
  for (const id of paperIds) if (statusOf(ctx.store.data, id).state === 'unread') n++;
  return n;
}
