/**
 * Which addresses the app fetches from: https anywhere; plain http only on this machine
 * (127.0.0.1, localhost, ::1), where the tests' fixture server lives. A redirect may never go
 * from https down to http.
 */
import { FetchError } from './fetch-error';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_URL_LENGTH = 8192;

export function isLocalHost(url: URL): boolean {
  return LOCAL_HOSTS.has(url.hostname);
}

/** Parses and checks an address; a FetchError (bad-url, not-https) says why it is refused. */
export function checkUrl(raw: string | URL): URL {
  const text = String(raw);
  let url: URL;
  try {
    if (text.length > MAX_URL_LENGTH) throw new Error('too long');
    url = new URL(text);
  } catch {
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new FetchError({ code: 'bad-url', message: `"${shown}" is not a web address`, url: text, retryable: false });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLocalHost(url)) return url;
  const message =
    url.protocol === 'http:'
      ? `${url.host} is a plain http address; only https is fetched (http only on this machine)`
      : `"${url.protocol}" addresses are not fetched; use an https address`;
  throw new FetchError({ code: 'not-https', message, url: url.href, retryable: false });
}

/** The next hop of a redirect, checked: a relative Location resolves against the current URL. */
export function checkRedirect(from: URL, location: string): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new FetchError({
      code: 'bad-url',
      message: `${from.host} redirected to "${location.slice(0, 80)}", which is not a web address`,
      url: from.href,
      retryable: false,
    });
  }
  if (from.protocol === 'https:' && to.protocol !== 'https:') {
    throw new FetchError({
      code: 'not-https',
      message: `${from.host} redirected from https to ${to.protocol.replace(':', '')} (${to.host}); refused, as it would drop encryption`,
      url: from.href,
      retryable: false,
    });
  }
  checkUrl(to);
  to.hash = '';
  return to;
}
