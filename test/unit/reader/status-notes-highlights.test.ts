import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { anchor, describeQuote } from '../../../src/highlights/anchor';
import { addHighlight, deleteHighlight, highlightsOf, restoreHighlight, updateHighlight } from '../../../src/highlights/highlights';
import { Library } from '../../../src/library/library';
import { saveNote } from '../../../src/notes/notes';
import { setStatus } from '../../../src/status/status';
import { UserStore } from '../../../src/storage/user-store';
import { readerContext } from './helpers';

describe('read status', () => {
  it('sets state and star, records when read, and filters by them', async () => {
    const { ctx, ids, library } = await readerContext();
    setStatus(ctx, [ids[0], ids[1]], { state: 'read' });
    setStatus(ctx, [ids[1]], { starred: true });
    expect(ctx.store.data.status[ids[0]].readAt).toBeTruthy();
    expect((await library.query({ state: 'unread' })).total).toBe(117);
    expect((await library.query({ starred: true })).items.map((r) => [r.id, r.state, r.starred])).toEqual([[ids[1], 'read', true]]);
    setStatus(ctx, [ids[1]], { state: 'reading', starred: undefined }); // an absent field changes nothing
    expect(ctx.store.data.status[ids[1]]).toMatchObject({ state: 'reading', starred: true });
    setStatus(ctx, [ids[0]], { state: 'unread' });
    expect(ctx.store.data.status[ids[0]]).toBeUndefined();
  });
});

describe('notes', () => {
  it('saves Markdown notes, finds papers by a word only in their note, and survives restart', async () => {
    const { ctx, ids, dir, library } = await readerContext();
    saveNote(ctx, ids[9], '# My take\n\nThe **quokkasaurus** trick is neat. [link](https://example.org)');
    expect((await library.query({ q: 'quokkasaurus' })).items.map((r) => r.id)).toEqual([ids[9]]);
    await library.close();
    const store = new UserStore(dir);
    expect(store.data.notes[ids[9]].text).toContain('quokkasaurus');
    const reopened = new Library(dir, new EventBus(), () => store.data);
    await reopened.ready;
    expect(reopened.index.source).toBe('loaded');
    expect((await reopened.query({ q: 'quokkasaurus' })).items.map((r) => r.id)).toEqual([ids[9]]);
  });

  it('catches up when the index lags behind the reader’s data (a crash before it was saved)', async () => {
    const { ctx, ids, dir, library } = await readerContext();
    await library.close();
    saveNote(ctx, ids[2], 'wombatology'); // the index never hears of it: as if it crashed first
    const store = new UserStore(dir);
    const reopened = new Library(dir, new EventBus(), () => store.data);
    await reopened.ready;
    expect(reopened.index.source).toBe('loaded');
    expect((await reopened.query({ q: 'wombatology' })).total).toBe(1);
  });

  it('handles a 1 MB note and removes an emptied one', async () => {
    const { ctx, ids } = await readerContext();
    const big = 'word '.repeat(210_000);
    expect(saveNote(ctx, ids[0], big)!.text).toHaveLength(big.length);
    expect(saveNote(ctx, ids[0], '   ')).toBeNull();
    expect(ctx.store.data.notes[ids[0]]).toBeUndefined();
  });
});

describe('highlights', () => {
  it('adds, lists in reading order, edits, deletes and restores', async () => {
    const { ctx, ids, library } = await readerContext();
    const abstract = library.corpus.paper(ids[0])!.abstract;
    const later = addHighlight(ctx, ids[0], 100, 140, 'green', 'second');
    const first = addHighlight(ctx, ids[0], 0, 30, 'yellow', 'first');
    expect(highlightsOf(ctx, ids[0]).map((h) => [h.comment, h.range])).toEqual([
      ['first', [0, 30]],
      ['second', [100, 140]],
    ]);
    expect(first.quote.exact).toBe(abstract.slice(0, 30));
    updateHighlight(ctx, later.id, { color: 'pink', comment: 'edited' });
    expect(highlightsOf(ctx, ids[0])[1]).toMatchObject({ color: 'pink', comment: 'edited' });
    expect(deleteHighlight(ctx, first.id)).toEqual({ id: first.id, paperId: ids[0] });
    expect(highlightsOf(ctx, ids[0])).toHaveLength(1);
    restoreHighlight(ctx, first.id);
    expect(highlightsOf(ctx, ids[0])).toHaveLength(2);
    expect(() => addHighlight(ctx, ids[0], 10, 5, 'yellow')).toThrow(/not inside the abstract/);
    expect((await library.query({ q: 'edited' })).items[0].id).toBe(ids[0]);
  });
});

describe('quote anchoring', () => {
  const text = 'We propose a method. The method is fast. The method is cheap and the method is simple.';
  it('stays put when the text is unchanged', () => {
    const q = describeQuote(text, 45, 51); // "method" in "The method is cheap"
    expect(anchor(text, q)).toEqual([45, 51]);
  });
  it('uses the context to pick the right occurrence after the text moved', () => {
    const q = describeQuote(text, 45, 51);
    const moved = `Abstract. ${text}`;
    const [s, e] = anchor(moved, q)!;
    expect(moved.slice(s - 4, e + 9)).toBe('The method is cheap');
  });
  it('re-attaches when whitespace changed', () => {
    const q = describeQuote(text, 21, 40); // "The method is fast."
    const spaced = text.replace(/ /g, '  ').replace('fast.', 'fast.\n');
    const [s, e] = anchor(spaced, q)!;
    expect(spaced.slice(s, e).replace(/\s+/g, ' ')).toBe('The method is fast.');
  });
  it('gives null when the quote is gone', () => {
    expect(anchor('Completely different.', describeQuote(text, 21, 40))).toBeNull();
  });
});
