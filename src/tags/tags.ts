import { ApiError } from '../api/contract';
import { type DataContext, dataChanged, newId, requirePapers } from '../shared/context';
import { cleanName, sameName } from '../shared/names';
import { tombstoneKind } from '../shared/tombstones';
import { TAG_COLORS, type TagColor } from '../api/vocabulary';
import { markByRule, ruleTagged } from '../smart/rule-marks';
import type { UserData } from '../storage/schema';
import type { Tag } from './types';

export interface TagWithCount extends Tag {
  count: number;
}

interface DeletedTag {
  tag: Tag;
  paperIds: string[];
}

const DELETED = tombstoneKind<DeletedTag>('tag');

const papersWith = (data: UserData, tagId: string) => Object.keys(data.paperTags).filter((p) => data.paperTags[p].includes(tagId));

function findByName(data: UserData, name: string): Tag | undefined {
  return Object.values(data.tags).find((t) => sameName(t.name, name));
}

function requireTag(data: UserData, id: string): Tag {
  const tag = data.tags[id];
  if (!tag) throw new ApiError('not-found', 'That tag no longer exists.');
  return tag;
}

/** A colour for a new tag: the next in the palette, so neighbours differ. */
const nextColor = (data: UserData): TagColor => TAG_COLORS[(Object.keys(data.tags).length + 1) % TAG_COLORS.length];

export function listTags(ctx: DataContext): TagWithCount[] {
  const data = ctx.store.data;
  const counts = new Map<string, number>();
  for (const [paperId, ids] of Object.entries(data.paperTags)) {
    if (!ctx.corpus.paper(paperId)) continue;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return Object.values(data.tags)
    .map((t) => ({ ...t, count: counts.get(t.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Adds tags by name to papers, creating the tags that do not exist yet. `byRule`: a smart list's
 * rule adds them, not the reader (a tag the reader set already stays theirs).
 */
export function tagPapers(ctx: DataContext, paperIds: string[], names: string[], { byRule = false } = {}): Tag[] {
  requirePapers(ctx, paperIds);
  const clean = names.map((n) => cleanName(n, 'tag'));
  // Ids, not the tags: objects of the draft cannot be read once the change is made.
  const tagIds: string[] = [];
  ctx.store.update((d) => {
    for (const name of clean) {
      let tag = findByName(d, name);
      if (!tag) {
        tag = { id: newId(), name, color: nextColor(d), createdAt: ctx.now() };
        d.tags[tag.id] = tag;
      }
      tagIds.push(tag.id);
      for (const p of paperIds) {
        const current = d.paperTags[p] ?? [];
        const had = current.includes(tag.id);
        if (!had) d.paperTags[p] = [...current, tag.id];
        if (!byRule || !had) markByRule(d, p, { tagId: tag.id }, byRule);
      }
    }
  });
  dataChanged(ctx, paperIds);
  return tagIds.map((id) => ctx.store.data.tags[id]);
}

export function untagPapers(ctx: DataContext, paperIds: string[], tagId: string): void {
  ctx.store.update((d) => {
    requireTag(d, tagId);
    for (const p of paperIds) {
      markByRule(d, p, { tagId }, false);
      const left = (d.paperTags[p] ?? []).filter((t) => t !== tagId);
      if (left.length) d.paperTags[p] = left;
      else delete d.paperTags[p];
    }
  });
  dataChanged(ctx, paperIds);
}

/** Renames a tag; renaming it to another tag's name merges the two (all papers follow). */
export function renameTag(ctx: DataContext, tagId: string, name: string): Tag {
  const clean = cleanName(name, 'tag');
  const other = findByName(ctx.store.data, clean);
  if (other && other.id !== tagId) return mergeTags(ctx, tagId, other.id);
  let renamed!: Tag;
  ctx.store.update((d) => {
    renamed = { ...requireTag(d, tagId), name: clean };
    d.tags[tagId] = renamed;
  });
  dataChanged(ctx, papersWith(ctx.store.data, tagId));
  return renamed;
}

/** Moves every paper of `fromId` to `intoId` and removes `fromId`. */
export function mergeTags(ctx: DataContext, fromId: string, intoId: string): Tag {
  if (fromId === intoId) throw new ApiError('invalid-argument', 'A tag cannot be merged into itself.');
  const affected = papersWith(ctx.store.data, fromId);
  ctx.store.update((d) => {
    requireTag(d, fromId);
    requireTag(d, intoId);
    for (const p of affected) {
      // The merged tag is a rule's only where neither tag was the reader's.
      const byRule = ruleTagged(d, p, fromId) && (!d.paperTags[p].includes(intoId) || ruleTagged(d, p, intoId));
      markByRule(d, p, { tagId: fromId }, false);
      markByRule(d, p, { tagId: intoId }, byRule);
      d.paperTags[p] = [...new Set(d.paperTags[p].map((t) => (t === fromId ? intoId : t)))];
    }
    delete d.tags[fromId];
  });
  dataChanged(ctx, affected);
  return ctx.store.data.tags[intoId];
}

export function setTagColor(ctx: DataContext, tagId: string, color: TagColor): Tag {
  ctx.store.update((d) => {
    d.tags[tagId] = { ...requireTag(d, tagId), color };
  });
  dataChanged(ctx);
  return ctx.store.data.tags[tagId];
}

/** Deletes a tag (never a paper or note); `restoreTag` with its id undoes it. */
export function deleteTag(ctx: DataContext, tagId: string): { id: string; name: string } {
  const deleted = { tag: requireTag(ctx.store.data, tagId), paperIds: papersWith(ctx.store.data, tagId) };
  ctx.store.update((d) => {
    delete d.tags[tagId];
    for (const p of deleted.paperIds) {
      const left = d.paperTags[p].filter((t) => t !== tagId);
      if (left.length) d.paperTags[p] = left;
      else delete d.paperTags[p];
    }
  });
  ctx.tombstones.keep(DELETED, tagId, deleted);
  dataChanged(ctx, deleted.paperIds);
  return { id: tagId, name: deleted.tag.name };
}

/** Brings a deleted tag back on the papers it was on (those still in the library). */
export function restoreTag(ctx: DataContext, tagId: string): Tag {
  return ctx.tombstones.restore(DELETED, tagId, ({ tag, paperIds }) => {
    if (findByName(ctx.store.data, tag.name)) throw new ApiError('conflict', `A tag named “${tag.name}” exists again, so the deleted one cannot be restored.`);
    const present = paperIds.filter((p) => ctx.corpus.paper(p));
    ctx.store.update((d) => {
      d.tags[tag.id] = tag;
      for (const p of present) d.paperTags[p] = [...new Set([...(d.paperTags[p] ?? []), tag.id])];
    });
    dataChanged(ctx, present);
    return tag;
  });
}

/** Tag names of a paper, for the index and for display. */
export function tagsOf(data: UserData, paperId: string): Tag[] {
  return (data.paperTags[paperId] ?? []).map((id) => data.tags[id]).filter(Boolean);
}
