import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CacheSaver } from '../../../src/library/cache-saver';

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

  it('once, two seconds after the last of a burst of changes', async () => {
    const s = saves();
    const saver = new CacheSaver(s.save, () => false);
    saver.changed();
    await vi.advanceTimersByTimeAsync(1500);
    saver.changed();
    await vi.advanceTimersByTimeAsync(1500);
    expect(s.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
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
    await vi.advanceTimersByTimeAsync(2000);
    saver.changed(); // during the save
    s.finish();
    await vi.advanceTimersByTimeAsync(2000);
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
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.save).not.toHaveBeenCalled();
    busy = false;
    const closing = saver.close(true);
    await vi.advanceTimersByTimeAsync(0);
    s.finish();
    await closing;
    expect(s.done).toEqual([true]);
    saver.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.save).toHaveBeenCalledTimes(1); // closed: no more saves
  });

  it('a failure is said once in words, and not tried again until the next change', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = saves();
    s.failWith(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/lib/corpus-cache.json' }));
    const saver = new CacheSaver(s.save, () => false);
    saver.changed();
    await vi.advanceTimersByTimeAsync(2000);
    s.finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      'Digest Reader: the cache of your papers could not be saved (the next start reads your digests instead, more slowly): the disk is full (/lib/corpus-cache.json). Free some space, then try again.',
    ]);
    errors.mockRestore();
  });
});
