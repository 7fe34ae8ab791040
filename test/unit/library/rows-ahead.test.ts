import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { RowsAhead } from '../../../src/library/rows-ahead';
import { AnswerChannel } from '../../../src/search/answer-channel';
import { SAMPLE, tempDir } from '../../helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rows begun while the index searches', () => {
  it('makes the rows of the papers last shown, until the answer is there, for the reader’s data as it was', () => {
    const ahead = new RowsAhead<string, string>();
    expect(
      ahead.guess(
        () => true,
        (p) => p.toUpperCase(),
        1,
      )('a', 1),
    ).toBeUndefined();
    ahead.shown(['a', 'b', 'c']);
    const begun = ahead.guess(
      () => true,
      (p) => p.toUpperCase(),
      1,
    );
    expect(['a', 'b', 'c', 'd'].map((p) => begun(p, 1))).toEqual(['A', 'B', 'C', undefined]);
    // The reader's data changed since: none is taken.
    expect(begun('a', 2)).toBeUndefined();
    // The answer posted after the second row: the third is left to the page.
    let left = 2;
    const cut = ahead.guess(
      () => left-- > 0,
      (p) => p,
      1,
    );
    expect(['a', 'b', 'c'].map((p) => cut(p, 1))).toEqual(['a', 'b', undefined]);
  });

  it('keeps what it made when a row fails: the page meets the failure again and reports it', () => {
    const ahead = new RowsAhead<string, string>();
    ahead.shown(['a', 'bad', 'c']);
    const fail = (p: string) => {
      if (p === 'bad') throw new Error('the file of abstracts ends early');
      return p;
    };
    const made = ahead.guess(() => true, fail, 1);
    expect(['a', 'bad', 'c'].map((p) => made(p, 1))).toEqual(['a', undefined, undefined]);
  });

  it('gives a search typed key by key the rows it would have made afresh', async () => {
    // Watched for on any machine, so the rows are begun ahead (answer-channel.ts watches only with a core per thread).
    vi.spyOn(AnswerChannel.prototype, 'willWatch').mockReturnValue(true);
    const guess = vi.spyOn(RowsAhead.prototype, 'guess');
    const library = new Library(tempDir(), new EventBus());
    try {
      await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
      await library.ready;
      await expect.poll(async () => (await library.query({ q: 'model' })).indexing, { timeout: 30_000 }).toBeNull();
      const keys = [...'speculative decoding'].map((_, i, all) => all.slice(0, i + 1).join('')).filter((q) => q.trim().length > 1);
      const typed = [];
      for (const q of keys) typed.push(await library.query({ q, limit: 25 }));
      expect(guess).toHaveBeenCalled();
      // Each key asked again after an unrelated search, so nothing is begun for it: the same page.
      for (const [i, q] of keys.entries()) {
        await library.query({ q: 'zebra xylophone', limit: 25 });
        expect(await library.query({ q, limit: 25 }), q).toEqual(typed[i]);
      }
    } finally {
      await library.close();
    }
  });
});
