/**
 * Reading an answer's body: streamed, counted, and cut off past the size cap (the socket is
 * aborted, so a 50 MB answer costs at most the cap); then checked to be what was asked for.
 */
import { FetchError } from './fetch-error';

export function tooLarge(url: URL, maxBytes: number): FetchError {
  return new FetchError({
    code: 'too-large',
    message: `the answer from ${url.host} is larger than ${formatMB(maxBytes)} MB; not read`,
    url: url.href,
    retryable: false,
  });
}

function formatMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? String(Math.round(mb * 10) / 10) : mb.toFixed(2);
}

/** The body, whole, or a too-large FetchError once it passes `maxBytes` (after calling `abort`). */
export async function readCapped(res: Response, url: URL, maxBytes: number, abort: () => void): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw tooLarge(url, maxBytes);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      await reader.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** What the caller expects: a feed (XML), JSON, or anything. */
export type Expected = 'feed' | 'json' | 'any';

/**
 * A web page where a feed was expected (a wrong URL, a login or captive-portal page). Decided by
 * the content itself when it starts like a feed or JSON, else by Content-Type or an HTML start.
 */
export function checkNotHtml(body: Uint8Array, contentType: string, expected: Expected, url: URL): void {
  if (expected === 'any') return;
  const head = new TextDecoder('utf-8')
    .decode(body.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  const lower = head.toLowerCase();
  if (lower.startsWith('<?xml') || lower.startsWith('<rss') || lower.startsWith('<feed') || lower.startsWith('<rdf') || /^[[{]/.test(head)) return;
  const htmlType = /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType);
  if (htmlType || lower.startsWith('<!doctype html') || lower.startsWith('<html')) {
    throw new FetchError({
      code: 'html',
      message: `${url.host} answered a web page, not a ${expected === 'json' ? 'JSON document' : 'feed'}; check the address`,
      url: url.href,
      retryable: false,
    });
  }
}

/** Decodes with the charset Content-Type names (UTF-8 when none or unknown). */
export function decodeText(body: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
