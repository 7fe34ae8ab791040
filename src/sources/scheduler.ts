/**
 * When the app fetches by itself while it runs: once at start-up, every day at the reader's hour
 * (local time), and again later when a fetch failed in a way worth retrying (offline, a timeout,
 * a 5xx), backing off from 15 minutes to 4 hours. The clock is injected, so tests move time
 * instead of waiting.
 */
import type { FetchTrigger } from '../api/events';
import type { FetchRun } from './sources';
import type { FetchSchedule } from './types';

export interface Clock {
  now(): Date;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => new Date(),
  setTimer: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const MINUTE = 60_000;
export const RETRY_MS = [15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE, 240 * MINUTE];

/** The next time the clock reads `hour`:00 (local), strictly after `now`. */
export function nextDaily(now: Date, hour: number): Date {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next;
}

export interface Planned {
  at: string;
  trigger: FetchTrigger;
}

export class FetchScheduler {
  #daily: unknown;
  #retry: unknown;
  #retries = 0;
  /** Sources whose last fetch failed in a way worth retrying, and that no later fetch has fixed. */
  readonly #awaiting = new Set<string>();
  #planned: { daily?: Planned; retry?: Planned } = {};
  #stopped = false;

  constructor(
    private readonly run: (trigger: FetchTrigger, ids?: string[]) => Promise<FetchRun>,
    private readonly schedule: () => FetchSchedule,
    private readonly hasSources: () => boolean,
    private readonly clock: Clock = realClock,
  ) {}

  /** At start-up: fetch now if the reader wants it, and plan the daily fetch. */
  start(): void {
    if (this.schedule().atStartup && this.hasSources()) void this.#fire('startup');
    this.reschedule();
  }

  /** The daily fetch planned again (after a change of hour, or once it ran). */
  reschedule(): void {
    if (this.#stopped) return;
    if (this.#daily !== undefined) this.clock.clearTimer(this.#daily);
    this.#daily = undefined;
    delete this.#planned.daily;
    const { dailyHour } = this.schedule();
    if (dailyHour === null) return;
    const at = nextDaily(this.clock.now(), dailyHour);
    this.#planned.daily = { at: at.toISOString(), trigger: 'daily' };
    this.#daily = this.clock.setTimer(() => {
      this.#daily = undefined;
      if (this.hasSources()) void this.#fire('daily');
      this.reschedule();
    }, at.getTime() - this.clock.now().getTime());
  }

  /** What is planned next, for the page ("next fetch at 08:00"). */
  next(): Planned | null {
    const all = [this.#planned.daily, this.#planned.retry].filter((p): p is Planned => Boolean(p));
    return all.sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;
  }

  stop(): void {
    this.#stopped = true;
    for (const t of [this.#daily, this.#retry]) if (t !== undefined) this.clock.clearTimer(t);
    this.#daily = this.#retry = undefined;
    this.#planned = {};
  }

  /** Any fetch (a reader's too) tells the scheduler how it went: failures worth retrying are tried again later. */
  noteRun(run: FetchRun): void {
    if (this.#stopped) return;
    // A run settles the sources it fetched; a source it did not fetch keeps waiting for its retry.
    for (const r of run.results) this.#awaiting.delete(r.sourceId);
    const failed = run.results.filter((r) => r.error?.retryable).map((r) => r.sourceId);
    for (const id of failed) this.#awaiting.add(id);
    if (failed.length === 0 && this.#awaiting.size > 0 && this.#retry !== undefined) return; // the retry planned stands
    if (this.#retry !== undefined) this.clock.clearTimer(this.#retry);
    this.#retry = undefined;
    delete this.#planned.retry;
    if (this.#awaiting.size === 0) {
      this.#retries = 0;
      return;
    }
    const wait = RETRY_MS[Math.min(this.#retries++, RETRY_MS.length - 1)];
    this.#planned.retry = { at: new Date(this.clock.now().getTime() + wait).toISOString(), trigger: 'retry' };
    this.#retry = this.clock.setTimer(() => {
      this.#retry = undefined;
      delete this.#planned.retry;
      void this.#fire('retry', [...this.#awaiting]);
    }, wait);
  }

  async #fire(trigger: FetchTrigger, ids?: string[]): Promise<void> {
    try {
      await this.run(trigger, ids);
    } catch (error) {
      // A source removed meanwhile, a closing library: the next planned fetch tries again.
      if (!this.#stopped) console.error(`[digest-reader] the ${trigger} fetch failed: ${(error as Error).message}`);
    }
  }
}
