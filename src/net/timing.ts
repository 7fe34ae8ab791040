/**
 * Time for the fetch module, injectable so tests of backoff and spacing run on a fake clock:
 * `now` for the clock, `sleep` for waiting (cancellable), `random` for jitter.
 */

export interface Timing {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const realTiming: Timing = {
  now: () => Date.now(),
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /**
   * At most this many attempts in all when one timed out: each has cost the whole timeout, so a
   * server that does not answer gets one more chance and is reported in about a minute, not two.
   */
  timeoutAttempts: number;
  baseMs: number;
  capMs: number;
  /** A Retry-After longer than this ends the fetch (retryable later) instead of waiting. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, timeoutAttempts: 2, baseMs: 1000, capMs: 30_000, maxRetryAfterMs: 120_000 };

/** Exponential backoff with full jitter (AWS's "full jitter"): uniform in [0, min(cap, base·2^n)). */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry));
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A minimum interval between calls to one host, arXiv's API asking for 3 s. Each call reserves
 * its slot synchronously, so concurrent fetches queue up in order instead of racing.
 */
export class HostSpacing {
  private readonly next = new Map<string, number>();
  constructor(
    private readonly intervalOf: (host: string) => number,
    private readonly timing: Timing,
  ) {}

  async wait(host: string, signal?: AbortSignal): Promise<void> {
    const interval = this.intervalOf(host);
    if (interval <= 0) return;
    const now = this.timing.now();
    const start = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, start + interval);
    if (start > now) await this.timing.sleep(start - now, signal);
  }
}
