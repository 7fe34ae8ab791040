import { createFetcher, type FetcherOptions } from '../../../src/net';
import type { Timing } from '../../../src/net/timing';

/**
 * A fake clock: `sleep` returns at once and moves the clock to when it would have woken, so
 * backoff and spacing are checked without waiting. `sleeps` logs every requested wait.
 */
export function fakeTiming(random = () => 0.5) {
  const state = { now: 1_000_000, sleeps: [] as number[] };
  const timing: Timing = {
    now: () => state.now,
    random,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      state.sleeps.push(ms);
      const wake = state.now + ms;
      await Promise.resolve();
      state.now = Math.max(state.now, wake);
    },
  };
  return { timing, state };
}

export const APP = { appVersion: '9.9.9', contact: 'https://example.org/digest-reader' };

/** A fetcher for tests: fake clock, quick timeouts, real transport to the fixture server. */
export function testFetcher(options: Partial<FetcherOptions> = {}, random?: () => number) {
  const clock = fakeTiming(random);
  const fetcher = createFetcher({ ...APP, timeoutMs: 2000, ...options, timing: { ...clock.timing, ...options.timing } });
  return { fetcher, clock };
}

/** The FetchError a promise rejects with (failing the test if it resolves). */
export async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as import('../../../src/net').FetchError;
  }
  throw new Error('expected the fetch to fail');
}
