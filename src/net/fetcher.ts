/**
 * The one fetch module of the core: every network access of the app goes through `createFetcher`.
 *
 * Built on Node 20's global `fetch` (undici): streaming bodies, AbortSignal, gzip/brotli and
 * keep-alive come with it, and TLS verification stays on (we never pass an agent that disables
 * it). `node:https` would need all of that by hand. What fetch does not do for us, this does:
 * redirects followed manually (capped, loops found, no https→http), conditional requests, a
 * timeout per request covering connect and the whole body, a size cap while streaming, retries
 * with exponential backoff and full jitter (honouring Retry-After; a timeout only once), each
 * announced to the caller, a minimum interval per host, and one typed FetchError for every failure.
 */
import { abortedError, classifyNetworkError, timeoutError } from './classify-error';
import { FetchError, httpError, retryNow } from './fetch-error';
import { checkNotHtml, decodeText, type Expected, readCapped } from './read-body';
import { backoffMs, DEFAULT_RETRY, HostSpacing, parseRetryAfter, realTiming, type RetryPolicy, type Timing } from './timing';
import { checkRedirect, checkUrl, isLocalHost } from './url-policy';
import { MemoryValidatorStore, type Validators, type ValidatorStore } from './validators';

export interface FetcherOptions {
  /** For the User-Agent: "Digest Reader/<appVersion> (+<contact>)". */
  appVersion: string;
  /** A URL where a server's operator can learn about the app (arXiv asks for one). */
  contact: string;
  /** Per request (one hop), from connecting to the last byte of the body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  retry?: Partial<RetryPolicy>;
  /** Minimum ms between calls to a host name; merged over DEFAULT_HOST_INTERVALS. */
  hostIntervalsMs?: Record<string, number>;
  /** For hosts not listed (this machine's hosts get 0 unless listed). */
  defaultIntervalMs?: number;
  timing?: Partial<Timing>;
  validators?: ValidatorStore;
  /** The HTTP client; the global fetch unless a test stands in for it. */
  transport?: typeof fetch;
}

export interface FetchRequest {
  expect?: Expected;
  signal?: AbortSignal;
  /** Conditional-request validators to send; by default those stored for this URL; false: none. */
  validators?: Validators | false;
  /** Told before each retry, so that a wait of seconds is never silent. */
  onRetry?(notice: RetryNotice): void;
}

export interface RetryNotice {
  /** The attempt about to start (2 for the first retry) and the most there will be for this failure. */
  attempt: number;
  of: number;
  /** Why the last attempt failed. */
  error: FetchError;
  /** The wait before it. */
  delayMs: number;
}

export type FetchOutcome =
  | { kind: 'not-modified'; url: string; finalUrl: string }
  | { kind: 'fetched'; url: string; finalUrl: string; status: number; contentType: string; body: Uint8Array; text: string; validators: Validators };

export interface Fetcher {
  /** Resolves with the body or "nothing new" (304); rejects only with a FetchError. */
  fetch(url: string, request?: FetchRequest): Promise<FetchOutcome>;
  readonly userAgent: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
/** arXiv's API terms: no more than one request every three seconds. */
export const DEFAULT_HOST_INTERVALS: Readonly<Record<string, number>> = { 'export.arxiv.org': 3000 };
export const DEFAULT_INTERVAL_MS = 1000;

const ACCEPT: Record<Expected, string> = {
  feed: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  json: 'application/json, */*;q=0.5',
  any: '*/*',
};

export function userAgentOf(appVersion: string, contact: string): string {
  return `DigestReader/${appVersion} (+${contact})`;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const timing: Timing = { ...realTiming, ...options.timing };
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const store = options.validators ?? new MemoryValidatorStore();
  const transport = options.transport ?? fetch;
  const intervals = { ...DEFAULT_HOST_INTERVALS, ...options.hostIntervalsMs };
  const spacing = new HostSpacing(
    (host) => intervals[host] ?? (isLocalHost(new URL(`http://${host}`)) ? 0 : (options.defaultIntervalMs ?? DEFAULT_INTERVAL_MS)),
    timing,
  );
  const userAgent = userAgentOf(options.appVersion, options.contact);

  /** One request to one URL, no redirects followed: the response with its body read, or a FetchError. */
  async function hop(url: URL, request: FetchRequest, validators: Validators | undefined) {
    await spacing.wait(url.hostname, request.signal).catch(() => {
      throw abortedError(url);
    });
    const controller = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, controller.signal]) : controller.signal;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT[request.expect ?? 'feed'] };
      if (validators?.etag) headers['if-none-match'] = validators.etag;
      if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
      const res = await transport(url, { method: 'GET', headers, redirect: 'manual', signal });
      const ok = res.status >= 200 && res.status < 300;
      // Only a success's body is read (capped); others are dropped unread.
      const body = ok ? await readCapped(res, url, maxBytes, () => controller.abort()) : undefined;
      if (!ok) await res.body?.cancel().catch(() => {});
      return { res, body };
    } catch (e) {
      if (e instanceof FetchError) throw e;
      if (request.signal?.aborted) throw abortedError(url);
      if (timedOut) throw timeoutError(url, timeoutMs, e);
      throw classifyNetworkError(e, url);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One attempt: follows redirects to the answer. */
  async function attempt(start: URL, request: FetchRequest, validators: Validators | undefined): Promise<FetchOutcome> {
    let url = start;
    const seen = new Set([url.href]);
    for (let redirects = 0; ; redirects++) {
      const { res, body } = await hop(url, request, validators);
      const location = res.headers.get('location');
      if ([301, 302, 303, 307, 308].includes(res.status) && location) {
        const next = checkRedirect(url, location);
        if (seen.has(next.href)) {
          throw new FetchError({
            code: 'redirect-loop',
            message: `${start.host} redirects in a loop (back to ${next.href})`,
            url: start.href,
            retryable: false,
          });
        }
        if (redirects >= maxRedirects) {
          throw new FetchError({
            code: 'too-many-redirects',
            message: `${start.host} redirected more than ${maxRedirects} times`,
            url: start.href,
            retryable: false,
          });
        }
        seen.add(next.href);
        url = next;
        continue;
      }
      if (res.status === 304) return { kind: 'not-modified', url: start.href, finalUrl: url.href };
      if (!body) throw httpError(url, res.status, parseRetryAfter(res.headers.get('retry-after'), timing.now()));
      const contentType = res.headers.get('content-type') ?? '';
      checkNotHtml(body, contentType, request.expect ?? 'feed', url);
      const fresh: Validators = {};
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (etag) fresh.etag = etag;
      if (lastModified) fresh.lastModified = lastModified;
      return {
        kind: 'fetched',
        url: start.href,
        finalUrl: url.href,
        status: res.status,
        contentType,
        body,
        text: decodeText(body, contentType),
        validators: fresh,
      };
    }
  }

  return {
    userAgent,
    async fetch(raw, request = {}) {
      const url = checkUrl(raw);
      if (request.signal?.aborted) throw abortedError(url);
      const validators = request.validators === false ? undefined : (request.validators ?? store.get(url.href));
      for (let n = 0; ; n++) {
        try {
          const outcome = await attempt(url, request, validators);
          if (outcome.kind === 'fetched') store.set(url.href, outcome.validators);
          return outcome;
        } catch (err) {
          const e = err instanceof FetchError ? err : classifyNetworkError(err, url);
          e.attempts = n + 1;
          const of = e.code === 'timeout' ? Math.min(retry.attempts, retry.timeoutAttempts) : retry.attempts;
          if (!retryNow(e) || n + 1 >= of || request.signal?.aborted) throw e;
          if (e.retryAfterMs !== undefined && e.retryAfterMs > retry.maxRetryAfterMs) throw e;
          const delay = Math.max(backoffMs(retry, n, timing.random), e.retryAfterMs ?? 0);
          request.onRetry?.({ attempt: n + 2, of, error: e, delayMs: delay });
          await timing.sleep(delay, request.signal).catch(() => {
            throw abortedError(url);
          });
        }
      }
    },
  };
}
