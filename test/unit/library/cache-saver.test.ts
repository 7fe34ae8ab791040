import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CacheSaver, SAVE_DELAY } from '../../../src/library/cache-saver';

/** A save the test finishes by hand, recording whether the corpus was current when it ended. */
function saves() {
  const done: boolean[] = [];
  let finish: (() => void) | undefined;
  let fail: Error | undefined;
  const save = vi.fn(
    (current: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        finish = () => {
          if (fail) return reject(fail);
          done.push(current());
          resolve();
        };
      }),
  );
  return { save, done, finish: () => finish?.(), failWith: (e: Error) => (fail = e) };
}

describe('when the corpus cache is saved', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('once, a while after the last of a burst of changes', async () => {
    const s = saves();
    const saver = new CacheSaver(s.save, () => false);
    saver.changed();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY * 0.75);
    saver.changed();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY * 0.75);
    expect(s.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY * 0.3);
    expect(s.save).toHaveBeenCalledTimes(1);
    s.finish();
    await saver.close(true);
    expect(s.done).toEqual([true]);
    expect(s.save).toHaveBeenCalledTimes(1); // nothing changed since: close saves nothing
  });

  it('again when the corpus changed while it was saved (that save does not count)', async () => {
    const s = saves();
    const saver = new CacheSaver(s.save, () => false);
    saver.changed();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY);
    saver.changed(); // during the save
    s.finish();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY);
    expect(s.save).toHaveBeenCalledTimes(2);
    s.finish();
    await saver.close(true);
    expect(s.done).toEqual([false, true]);
  });

  it('not while a digest is half added, and at close once it is in', async () => {
    const s = saves();
    let busy = true;
    const saver = new CacheSaver(s.save, () => busy);
    saver.changed();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY * 2);
    expect(s.save).not.toHaveBeenCalled();
    busy = false;
    const closing = saver.close(true);
    await vi.advanceTimersByTimeAsync(0);
    s.finish();
    await closing;
    expect(s.done).toEqual([true]);
    saver.changed();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY * 2);
    expect(s.save).toHaveBeenCalledTimes(1); // closed: no more saves
  });

  it('a failure is said once in words, and not tried again until the next change', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = saves();
    s.failWith(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/lib/corpus-cache.json' }));
    const saver = new CacheSaver(s.save, () => false);
    saver.changed();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY);
    s.finish();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY * 5);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      'Digest Reader: the cache of your papers could not be saved (the next start reads your digests instead, more slowly): the disk is full (/lib/corpus-cache.json). Free some space, then try again.',
    ]);
    errors.mockRestore();
  });
});
