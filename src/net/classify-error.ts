/**
 * Turns what Node's fetch throws into a FetchError. undici wraps socket errors in a TypeError
 * ("fetch failed") whose `cause` carries the system or TLS code; we read that code.
 */
import { FetchError } from './fetch-error';

const OFFLINE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Certificate problems, in words a reader can act on. */
const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate in its chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'a certificate that cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'a certificate from an unknown issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'a certificate from an unknown issuer',
  CERT_HAS_EXPIRED: 'an expired certificate',
  CERT_NOT_YET_VALID: 'a certificate that is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'a certificate for another name',
  CERT_REVOKED: 'a revoked certificate',
};

function causeCode(e: unknown): string | undefined {
  for (let c: unknown = e, depth = 0; c && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function classifyNetworkError(e: unknown, url: URL): FetchError {
  if (e instanceof FetchError) return e;
  const code = causeCode(e);
  const host = url.host;
  if (code && (code in TLS_REASONS || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /CERT/.test(code))) {
    const what = TLS_REASONS[code] ?? `a TLS error (${code})`;
    return new FetchError({
      code: 'tls',
      message: `${host} has ${what}; the connection was refused to keep it safe`,
      url: url.href,
      retryable: false,
      cause: e,
    });
  }
  if (code && TIMEOUT.has(code)) return timeoutError(url, undefined, e);
  if (code && OFFLINE.has(code)) {
    const why = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'its name could not be looked up' : 'the connection failed';
    return new FetchError({
      code: 'offline',
      message: `could not reach ${host}: ${why} (offline, or the server is down)`,
      url: url.href,
      retryable: true,
      cause: e,
    });
  }
  const detail = code ?? (e instanceof Error ? e.message : String(e));
  return new FetchError({ code: 'network', message: `could not fetch from ${host}: ${detail}`, url: url.href, retryable: true, cause: e });
}

export function timeoutError(url: URL, ms: number | undefined, cause?: unknown): FetchError {
  const within = ms === undefined ? 'in time' : `within ${ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`}`;
  return new FetchError({ code: 'timeout', message: `${url.host} did not answer ${within}`, url: url.href, retryable: true, cause });
}

export function abortedError(url: URL): FetchError {
  return new FetchError({ code: 'aborted', message: `fetching from ${url.host} was cancelled`, url: url.href, retryable: false });
}
