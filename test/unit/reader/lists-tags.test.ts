import { describe, expect, it } from 'vitest';
import { addToList, createList, deleteList, listLists, moveInList, removeFromList, renameList, reorderList, restoreList } from '../../../src/lists/lists';
import { deleteTag, listTags, renameTag, restoreTag, setTagColor, tagPapers, untagPapers } from '../../../src/tags/tags';
import { READ_LATER_ID } from '../../../src/storage/schema';
import { readerContext } from './helpers';

describe('reading lists', () => {
  it('starts with a built-in Read later list that cannot be deleted', async () => {
    const { ctx } = await readerContext();
    expect(listLists(ctx)).toEqual([{ id: READ_LATER_ID, name: 'Read later', count: 0, builtIn: true }]);
    expect(() => deleteList(ctx, READ_LATER_ID)).toThrow(/built in/);
  });

  it('creates, renames and refuses empty or duplicate names', async () => {
    const { ctx } = await readerContext();
    const list = createList(ctx, '  Inference   speed ');
    expect(list.name).toBe('Inference speed');
    expect(() => createList(ctx, '   ')).toThrow(/cannot be empty/);
    expect(() => createList(ctx, 'inference SPEED')).toThrow(/already a list named “Inference speed”/);
    expect(() => renameList(ctx, list.id, 'read later')).toThrow(/already a list/);
    const long = 'L'.repeat(500);
    renameList(ctx, list.id, long);
    expect(listLists(ctx).find((l) => l.id === list.id)!.name).toBe(long);
  });

  it('keeps its own order: add, move, reorder, remove', async () => {
    const { ctx, ids } = await readerContext();
    const { id } = createList(ctx, 'Mine');
    expect(addToList(ctx, id, [ids[0], ids[1], ids[2], ids[0]])).toBe(3);
    expect(addToList(ctx, id, [ids[1]])).toBe(0);
    moveInList(ctx, id, ids[2], 0);
    expect(ctx.store.data.lists[id].paperIds).toEqual([ids[2], ids[0], ids[1]]);
    reorderList(ctx, id, [ids[1], ids[2], ids[0]]);
    expect(ctx.store.data.lists[id].paperIds).toEqual([ids[1], ids[2], ids[0]]);
    expect(() => reorderList(ctx, id, [ids[1], ids[2]])).toThrow(/exactly the papers/);
    removeFromList(ctx, id, [ids[2]]);
    expect(ctx.store.data.lists[id].paperIds).toEqual([ids[1], ids[0]]);
    expect(() => addToList(ctx, id, ['ffffffffffffffff'])).toThrow(/not in the library/);
  });

  it('deletes a list without touching papers or notes, and undoes it in place', async () => {
    const { ctx, ids, library } = await readerContext();
    createList(ctx, 'First');
    const { id } = createList(ctx, 'Second');
    addToList(ctx, id, [ids[5]]);
    expect(deleteList(ctx, id)).toEqual({ id, name: 'Second' });
    expect(listLists(ctx).map((l) => l.name)).toEqual(['Read later', 'First']);
    expect(library.corpus.paper(ids[5])).toBeDefined();
    restoreList(ctx, id);
    expect(listLists(ctx).map((l) => l.name)).toEqual(['Read later', 'First', 'Second']);
    expect(ctx.store.data.lists[id].paperIds).toEqual([ids[5]]);
  });
});

describe('tags', () => {
  it('adds tags by name, with counts and colours, and filters the library by them', async () => {
    const { ctx, ids, library } = await readerContext();
    tagPapers(ctx, [ids[0], ids[1]], ['inference', 'to-read']);
    tagPapers(ctx, [ids[1]], ['Inference']); // same tag, any case
    const tags = listTags(ctx);
    expect(tags.map((t) => [t.name, t.count])).toEqual([
      ['inference', 2],
      ['to-read', 2],
    ]);
    expect(tags[0].color).not.toBe(tags[1].color);
    untagPapers(ctx, [ids[0]], tags[1].id);
    expect((await library.query({ tagIds: [tags[0].id, tags[1].id], tagMode: 'and' })).items.map((r) => r.id)).toEqual([ids[1]]);
    expect((await library.query({ tagIds: [tags[0].id, tags[1].id], tagMode: 'or' })).total).toBe(2);
    const row = (await library.query({ tagIds: [tags[0].id] })).items.find((r) => r.id === ids[1])!;
    expect(row.tags.map((t) => t.name)).toEqual(['inference', 'to-read']);
  });

  it('renames, and renaming onto an existing name merges (papers follow)', async () => {
    const { ctx, ids } = await readerContext();
    const [a] = tagPapers(ctx, [ids[0]], ['llm']);
    const [b] = tagPapers(ctx, [ids[1], ids[0]], ['LLMs']);
    expect(renameTag(ctx, a.id, 'language models').name).toBe('language models');
    const merged = renameTag(ctx, b.id, 'Language Models');
    expect(merged.id).toBe(a.id);
    expect(listTags(ctx).map((t) => [t.name, t.count])).toEqual([['language models', 2]]);
    expect(ctx.store.data.paperTags[ids[0]]).toEqual([a.id]);
    setTagColor(ctx, a.id, 'purple');
    expect(listTags(ctx)[0].color).toBe('purple');
  });

  it('deletes a tag without deleting papers, and undo brings it back on the same papers', async () => {
    const { ctx, ids } = await readerContext();
    const [tag] = tagPapers(ctx, [ids[0], ids[3]], ['survey']);
    expect(deleteTag(ctx, tag.id)).toEqual({ id: tag.id, name: 'survey' });
    expect(listTags(ctx)).toEqual([]);
    expect(ctx.store.data.paperTags[ids[0]]).toBeUndefined();
    // A new tag of the same name blocks the undo, which stays possible once it is gone.
    const [again] = tagPapers(ctx, [ids[1]], ['Survey']);
    expect(() => restoreTag(ctx, tag.id)).toThrow(/exists again/);
    deleteTag(ctx, again.id);
    restoreTag(ctx, tag.id);
    expect(listTags(ctx)).toEqual([expect.objectContaining({ name: 'survey', count: 2 })]);
  });

  it('refuses empty names and makes tags searchable', async () => {
    const { ctx, ids, library } = await readerContext();
    expect(() => tagPapers(ctx, [ids[7]], [' \t '])).toThrow(/cannot be empty/);
    tagPapers(ctx, [ids[7]], ['zanzibarian']);
    expect((await library.query({ q: 'zanzibarian' })).items.map((r) => r.id)).toEqual([ids[7]]);
  });
});
