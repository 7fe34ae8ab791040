import { ApiError } from '../api/contract';
import { type DataContext, dataChanged, newId, requirePapers } from '../shared/context';
import { cleanName, sameName } from '../shared/names';
import { tombstoneKind } from '../shared/tombstones';
import { markByRule } from '../smart/rule-marks';
import type { UserData } from '../storage/schema';
import type { ReadingList } from './types';

export interface ListSummary {
  id: string;
  name: string;
  count: number;
  builtIn: boolean;
}

interface DeletedList {
  list: ReadingList;
  position: number;
}

const DELETED = tombstoneKind<DeletedList>('list');

function requireList(data: UserData, id: string): ReadingList {
  const list = data.lists[id];
  if (!list) throw new ApiError('not-found', 'That reading list no longer exists.');
  return list;
}

function refuseDuplicate(data: UserData, name: string, except?: string) {
  const other = Object.values(data.lists).find((l) => l.id !== except && sameName(l.name, name));
  if (other) throw new ApiError('duplicate-name', `There is already a list named “${other.name}”.`);
}

export function listLists(ctx: DataContext): ListSummary[] {
  const data = ctx.store.data;
  return data.listOrder
    .map((id) => data.lists[id])
    .filter(Boolean)
    .map((l) => ({ id: l.id, name: l.name, builtIn: Boolean(l.builtIn), count: l.paperIds.filter((p) => ctx.corpus.paper(p)).length }));
}

export function createList(ctx: DataContext, name: string): ListSummary {
  const clean = cleanName(name, 'list');
  refuseDuplicate(ctx.store.data, clean);
  const list: ReadingList = { id: newId(), name: clean, paperIds: [], createdAt: ctx.now() };
  ctx.store.update((d) => {
    d.lists[list.id] = list;
    d.listOrder.push(list.id);
  });
  dataChanged(ctx);
  return { id: list.id, name: list.name, count: 0, builtIn: false };
}

export function renameList(ctx: DataContext, id: string, name: string): void {
  const clean = cleanName(name, 'list');
  refuseDuplicate(ctx.store.data, clean, id);
  ctx.store.update((d) => {
    d.lists[id] = { ...requireList(d, id), name: clean };
  });
  dataChanged(ctx);
}

/** Deletes a list (never its papers); `restoreList` with its id undoes it. */
export function deleteList(ctx: DataContext, id: string): { id: string; name: string } {
  const list = requireList(ctx.store.data, id);
  if (list.builtIn) throw new ApiError('built-in', `“${list.name}” is built in and cannot be deleted.`);
  const position = ctx.store.data.listOrder.indexOf(id);
  ctx.store.update((d) => {
    delete d.lists[id];
    d.listOrder = d.listOrder.filter((l) => l !== id);
  });
  ctx.tombstones.keep(DELETED, id, { list, position });
  dataChanged(ctx);
  return { id, name: list.name };
}

/** Puts a deleted list back where it was, with its papers in their order. */
export function restoreList(ctx: DataContext, id: string): void {
  if (ctx.store.data.lists[id]) return;
  ctx.tombstones.restore(DELETED, id, ({ list, position }) => {
    refuseDuplicate(ctx.store.data, list.name);
    ctx.store.update((d) => {
      d.lists[list.id] = list;
      d.listOrder.splice(Math.min(Math.max(position, 0), d.listOrder.length), 0, list.id);
    });
  });
  dataChanged(ctx);
}

/**
 * Appends papers not already in the list, in the order given. `byRule`: a smart list's rule adds
 * them, not the reader (a paper the reader put there already stays theirs).
 */
export function addToList(ctx: DataContext, id: string, paperIds: string[], { byRule = false } = {}): number {
  requirePapers(ctx, paperIds);
  let added = 0;
  ctx.store.update((d) => {
    const list = requireList(d, id);
    const fresh = [...new Set(paperIds)].filter((p) => !list.paperIds.includes(p));
    added = fresh.length;
    d.lists[id] = { ...list, paperIds: [...list.paperIds, ...fresh] };
    for (const p of byRule ? fresh : paperIds) markByRule(d, p, { listId: id }, byRule);
  });
  dataChanged(ctx);
  return added;
}

export function removeFromList(ctx: DataContext, id: string, paperIds: string[]): void {
  ctx.store.update((d) => {
    const list = requireList(d, id);
    d.lists[id] = { ...list, paperIds: list.paperIds.filter((p) => !paperIds.includes(p)) };
    for (const p of paperIds) markByRule(d, p, { listId: id }, false);
  });
  dataChanged(ctx);
}

/** Sets the list's order; the new order must hold exactly the list's papers. */
export function reorderList(ctx: DataContext, id: string, paperIds: string[]): void {
  ctx.store.update((d) => {
    const list = requireList(d, id);
    const same = paperIds.length === list.paperIds.length && new Set(paperIds).size === paperIds.length && paperIds.every((p) => list.paperIds.includes(p));
    if (!same) throw new ApiError('invalid-argument', 'The new order must contain exactly the papers of the list.');
    d.lists[id] = { ...list, paperIds };
  });
  dataChanged(ctx);
}

/** Moves one paper to a new position (keyboard move up/down, or a drop). */
export function moveInList(ctx: DataContext, id: string, paperId: string, to: number): void {
  const list = requireList(ctx.store.data, id);
  const from = list.paperIds.indexOf(paperId);
  if (from < 0) throw new ApiError('not-found', 'That paper is not in this list.');
  const order = [...list.paperIds];
  order.splice(from, 1);
  order.splice(Math.min(Math.max(to, 0), order.length), 0, paperId);
  reorderList(ctx, id, order);
}

export function listsOf(data: UserData, paperId: string): { id: string; name: string }[] {
  return data.listOrder
    .map((id) => data.lists[id])
    .filter((l) => l?.paperIds.includes(paperId))
    .map((l) => ({ id: l.id, name: l.name }));
}
