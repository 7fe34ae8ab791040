/**
 * Every way a fetch can fail, as one typed error: a code to branch on, a plain message for the
 * reader ("export.arxiv.org did not answer within 30 s"), and whether trying again later (at the
 * next scheduled fetch) makes sense.
 */

export type FetchErrorCode =
  | 'bad-url'
  | 'not-https'
  | 'offline'
  | 'timeout'
  | 'tls'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'html'
  | 'aborted'
  | 'network'
  | `http-${number}`;

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  /** Worth trying again later (offline, a timeout, 429, 5xx); false when only a change of URL or server helps. */
  readonly retryable: boolean;
  readonly url: string;
  readonly status?: number;
  /** What the server asked for in Retry-After, when it did (ms). */
  readonly retryAfterMs?: number;
  /** How many attempts this fetch made before giving up (set by the fetcher). */
  attempts = 1;

  constructor(init: { code: FetchErrorCode; message: string; url: string; retryable: boolean; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.url = init.url;
    this.retryable = init.retryable;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Whether another attempt within the same fetch is worth it (the backoff loop's question). */
export function retryNow(e: FetchError): boolean {
  return e.code === 'offline' || e.code === 'timeout' || e.code === 'network' || e.code === 'http-429' || (e.status !== undefined && e.status >= 500);
}

const REASONS: Record<number, string> = {
  400: 'did not understand the request',
  401: 'asks for a login',
  403: 'refused access',
  404: 'has nothing at this address',
  410: 'says this address is gone for good',
  429: 'asks us to slow down (too many requests)',
  500: 'had an internal error',
  502: 'could not reach its upstream server',
  503: 'is unavailable for now',
  504: 'timed out behind a gateway',
};

export function httpError(url: URL, status: number, retryAfterMs?: number): FetchError {
  const reason = REASONS[status] ?? (status >= 500 ? 'had an error' : 'refused the request');
  const retryable = status === 429 || status === 408 || status >= 500;
  return new FetchError({
    code: `http-${status}`,
    message: `${url.host} ${reason} (HTTP ${status})${retryable ? '; will try again later' : ''}`,
    url: url.href,
    status,
    retryable,
    retryAfterMs,
  });
}
