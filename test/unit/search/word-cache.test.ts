import { describe, expect, it } from 'vitest';
import { CACHED_WORDS, WordCache } from '../../../src/search/word-cache';
import type { WordScores } from '../../../src/search/word-scores';

/** A word of `count` postings, all `value`, made into the arrays the cache gives. */
const word = (count: number, value: number) => (into: (count: number) => WordScores) => {
  const made = into(count);
  made.ids.fill(value);
  made.scores.fill(value);
  return made;
};

describe('the cache of words’ scores', () => {
  it('keeps a word, and makes it again once the index changed', () => {
    const cache = new WordCache();
    cache.begin();
    const once = cache.get('llm', 1, word(3, 7));
    expect(cache.get('llm', 1, word(3, 9))).toBe(once);
    cache.begin();
    expect([...cache.get('llm', 2, word(3, 9)).scores]).toEqual([9, 9, 9]);
  });

  it('gives a dropped word’s arrays to a later word, never in the search that dropped them', () => {
    const cache = new WordCache();
    cache.begin();
    const a = cache.get('a', 1, word(100, 1));
    cache.begin();
    // The index changed: "a" is dropped, but this search may still be adding it in.
    const b = cache.get('b', 2, word(100, 2));
    expect(b.ids.buffer).not.toBe(a.ids.buffer);
    expect(a.scores[99]).toBe(1);
    cache.begin();
    const c = cache.get('c', 3, word(60, 3));
    expect(c.ids.buffer).toBe(a.ids.buffer);
    expect(c.scores.buffer).toBe(a.scores.buffer);
    expect(c.ids.length).toBe(60);
    // The smallest arrays that hold a word are taken: "b"'s (100) and "c"'s (100) are spare, and a larger room is new.
    cache.begin();
    const d = cache.get('d', 4, word(150, 4));
    expect([b, c].some((w) => w.ids.buffer === d.ids.buffer)).toBe(false);
    cache.begin();
    const e = cache.get('e', 5, word(10, 5));
    expect([b.ids.buffer, c.ids.buffer]).toContain(e.ids.buffer);
    expect([...e.ids]).toEqual(Array(10).fill(5));
  });

  it('leaves a word dropped for room in one search as it was until the next search', () => {
    const cache = new WordCache();
    cache.begin();
    const words = Array.from({ length: CACHED_WORDS + 2 }, (_, i) => cache.get(`w${i}`, 1, word(50, i)));
    // The first two were dropped to keep CACHED_WORDS; the words after them got arrays of their own.
    const buffers = new Set(words.map((w) => w.ids.buffer));
    expect(buffers.size).toBe(words.length);
    expect([words[0].scores[49], words[1].scores[49]]).toEqual([0, 1]);
    expect(cache.get('w0', 1, word(50, 99)).scores[0]).toBe(99); // made again, which drops "w2"
    cache.begin();
    const dropped = words.slice(0, 3).map((w) => w.ids.buffer);
    expect(dropped).toContain(cache.get('new', 1, word(50, 7)).ids.buffer);
  });
});
