import * as path from 'node:path';
import type { Api } from '../../../src/api';
import type { EventName, Events } from '../../../src/api/events';
import { dispatch } from '../../../src/boundary/dispatch';
import { type Core, type CoreOptions, openCore } from '../../../src/core';
import type { Clock } from '../../../src/sources/scheduler';
import { tempDir } from '../../helpers';
import { testFetcher } from '../net/net-helpers';

export const HTTP_FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'http');

/** A core over a fresh (or given) folder, fetching through a test fetcher (fake backoff clock, quick timeouts). */
export async function dailyCore(options: Partial<CoreOptions> & { timeoutMs?: number } = {}) {
  const { timeoutMs = 2000, ...rest } = options;
  const { fetcher } = testFetcher({ timeoutMs, retry: { attempts: 2 } });
  const core = await openCore({ dataDir: tempDir(), fetcher, ranking: { debounceMs: 0 }, ...rest });
  return { core, call: caller(core), events: recorder(core) };
}

/** Calls a handler through the boundary, as the page does: the value, or the error thrown with its code. */
export function caller(core: Core) {
  return async function call<K extends keyof Api>(name: K, arg: Api[K]['arg']): Promise<Api[K]['result']> {
    const envelope = await dispatch(core.handlers, name, arg);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as Api[K]['result'];
  };
}

/** Every event the core pushes, in order. */
export function recorder(core: Core) {
  const seen: { event: EventName; payload: unknown }[] = [];
  core.events.onAny((event, payload) => seen.push({ event, payload }));
  return {
    seen,
    of<E extends EventName>(event: E): Events[E][] {
      return seen.filter((s) => s.event === event).map((s) => s.payload as Events[E]);
    },
    clear: () => seen.splice(0),
  };
}

/** The error a call rejects with (failing the test if it resolves). */
export async function refusal(p: Promise<unknown>): Promise<Error & { code: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code: string };
  }
  throw new Error('expected the call to be refused');
}

/** A clock that moves only when told: timers fire, in order, as `advance` passes them. */
export function fakeClock(start: string) {
  let now = Date.parse(start);
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => new Date(now),
    setTimer: (fn, ms) => {
      timers.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimer: (id) => void timers.delete(id as number),
  };
  return {
    clock,
    pending: () => [...timers.values()].map((t) => new Date(t.at).toISOString()).sort(),
    /** Moves the clock by `ms`, firing each timer it passes at its own time. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

/** Resolves once `test` holds, checking after each turn of the event loop (no fixed sleeps). */
export async function until(test: () => boolean, what = 'the condition', turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
}
