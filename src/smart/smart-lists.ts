/**
 * Smart lists: saved searches with live counts, a "new since you last looked" count, and a rule
 * (tag, add to a list, star) applied to each new paper that matches at import and fetch.
 */
import { ApiError } from '../api/contract';
import { MAX_SMART_LISTS } from '../api/vocabulary';
import type { Paper } from '../library/types';
import { type DataContext, dataChanged, newId } from '../shared/context';
import { cleanName, sameName } from '../shared/names';
import { tombstoneKind } from '../shared/tombstones';
import type { UserData } from '../storage/schema';
import { canonical, readQuery, type SmartEvaluator } from './evaluate';
import type { SmartList, SmartRule } from './types';

export interface SmartListSummary {
  id: string;
  name: string;
  /** The query in its canonical form. */
  query: string;
  rule: SmartRule | null;
  /** Papers it matches now. */
  count: number;
  /** Of those, papers that arrived since the reader last looked (`smart.seen`). */
  newCount: number;
  seenAt: string;
  createdAt: string;
}

interface DeletedSmartList {
  list: SmartList;
  position: number;
}

const DELETED = tombstoneKind<DeletedSmartList>('smart-list');

function requireSmart(data: UserData, id: string): SmartList {
  const list = data.smartLists[id];
  if (!list) throw new ApiError('not-found', 'That smart list no longer exists.');
  return list;
}

function refuseDuplicate(data: UserData, name: string, except?: string) {
  const other = Object.values(data.smartLists).find((l) => l.id !== except && sameName(l.name, name));
  if (other) throw new ApiError('duplicate-name', `There is already a smart list named “${other.name}”.`);
}

/** A rule as given, checked: a tag name cleaned, a reading list that exists; null when it does nothing. */
function cleanRule(data: UserData, rule: SmartRule | null | undefined): SmartRule | undefined {
  if (!rule) return undefined;
  const out: SmartRule = {};
  if (rule.tag !== undefined && rule.tag.trim()) out.tag = cleanName(rule.tag, 'tag');
  if (rule.listId) {
    if (!data.lists[rule.listId]) throw new ApiError('not-found', 'The rule names a reading list that no longer exists.');
    out.listId = rule.listId;
  }
  if (rule.star) out.star = true;
  return Object.keys(out).length ? out : undefined;
}

/** When a paper first arrived in the library: its first digest's import. */
export function arrivedAt(ctx: DataContext, p: Paper): string {
  return ctx.corpus.digest(p.appearances[0].digestId)?.importedAt ?? '';
}

export class SmartLists {
  constructor(
    private readonly ctx: DataContext,
    readonly evaluator: SmartEvaluator,
  ) {}

  async summary(list: SmartList): Promise<SmartListSummary> {
    const ids = await this.evaluator.members(readQuery(list.query));
    let fresh = 0;
    for (const id of ids) {
      const p = this.ctx.corpus.paper(id);
      if (p && arrivedAt(this.ctx, p) > list.seenAt) fresh++;
    }
    return {
      id: list.id,
      name: list.name,
      query: list.query,
      rule: list.rule ?? null,
      count: ids.size,
      newCount: fresh,
      seenAt: list.seenAt,
      createdAt: list.createdAt,
    };
  }

  async list(): Promise<SmartListSummary[]> {
    const data = this.ctx.store.data;
    const lists = data.smartOrder.map((id) => data.smartLists[id]).filter(Boolean);
    return Promise.all(lists.map((l) => this.summary(l)));
  }

  /** The papers a smart list (by id) holds. */
  async members(id: string): Promise<Set<string>> {
    return this.evaluator.members(readQuery(requireSmart(this.ctx.store.data, id).query));
  }

  async create(name: string, query: string, rule?: SmartRule | null): Promise<SmartListSummary> {
    const data = this.ctx.store.data;
    const clean = cleanName(name, 'smart list');
    refuseDuplicate(data, clean);
    if (data.smartOrder.length >= MAX_SMART_LISTS) throw new ApiError('too-many', `A library holds at most ${MAX_SMART_LISTS} smart lists.`);
    const now = this.ctx.now();
    const list: SmartList = { id: newId(), name: clean, query: canonical(query), createdAt: now, seenAt: now };
    const checked = cleanRule(data, rule);
    if (checked) list.rule = checked;
    this.ctx.store.update((d) => {
      d.smartLists[list.id] = list;
      d.smartOrder.push(list.id);
    });
    dataChanged(this.ctx);
    return this.summary(list);
  }

  async rename(id: string, name: string): Promise<SmartListSummary> {
    const clean = cleanName(name, 'smart list');
    refuseDuplicate(this.ctx.store.data, clean, id);
    this.ctx.store.update((d) => {
      d.smartLists[id] = { ...requireSmart(d, id), name: clean };
    });
    dataChanged(this.ctx);
    return this.summary(this.ctx.store.data.smartLists[id]);
  }

  /** Changes the query and/or the rule (`rule: null` removes it). */
  async update(id: string, change: { query?: string; rule?: SmartRule | null }): Promise<SmartListSummary> {
    const data = this.ctx.store.data;
    const before = requireSmart(data, id);
    const query = change.query === undefined ? before.query : canonical(change.query);
    const rule = change.rule === undefined ? before.rule : cleanRule(data, change.rule);
    this.ctx.store.update((d) => {
      const next: SmartList = { ...requireSmart(d, id), query };
      if (rule) next.rule = rule;
      else delete next.rule;
      d.smartLists[id] = next;
    });
    dataChanged(this.ctx);
    return this.summary(this.ctx.store.data.smartLists[id]);
  }

  /** The reader looked at the list: its "new" count starts again from now. */
  async seen(id: string): Promise<SmartListSummary> {
    const now = this.ctx.now();
    this.ctx.store.update((d) => {
      d.smartLists[id] = { ...requireSmart(d, id), seenAt: now };
    });
    return this.summary(this.ctx.store.data.smartLists[id]);
  }

  /** Deletes a smart list (never a paper); `restore` with its id undoes it. */
  delete(id: string): { id: string; name: string } {
    const list = requireSmart(this.ctx.store.data, id);
    const position = this.ctx.store.data.smartOrder.indexOf(id);
    this.ctx.store.update((d) => {
      delete d.smartLists[id];
      d.smartOrder = d.smartOrder.filter((s) => s !== id);
    });
    this.ctx.tombstones.keep(DELETED, id, { list, position });
    dataChanged(this.ctx);
    return { id, name: list.name };
  }

  async restore(id: string): Promise<SmartListSummary> {
    const existing = this.ctx.store.data.smartLists[id];
    if (existing) return this.summary(existing);
    const list = this.ctx.tombstones.restore(DELETED, id, ({ list, position }) => {
      refuseDuplicate(this.ctx.store.data, list.name);
      this.ctx.store.update((d) => {
        d.smartLists[list.id] = list;
        d.smartOrder.splice(Math.min(Math.max(position, 0), d.smartOrder.length), 0, list.id);
      });
      return list;
    });
    dataChanged(this.ctx);
    return this.summary(list);
  }
}
