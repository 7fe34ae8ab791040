import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, type RetryNotice } from '../../../src/net';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server';
import { rejection, testFetcher } from './net-helpers';

const FOLDER = path.resolve(import.meta.dirname, '../../fixtures/http');
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({ folder: FOLDER });
});
afterAll(() => server.close());

describe('fetching a feed', () => {
  it('reads a recorded feed, sending the User-Agent and an Accept for feeds', async () => {
    const { fetcher } = testFetcher();
    const out = await fetcher.fetch(server.url('/arxiv-rss-cs.CL.xml'));
    expect(out.kind).toBe('fetched');
    if (out.kind !== 'fetched') return;
    expect(out.status).toBe(200);
    expect(out.text).toContain('<title>cs.CL updates on arXiv.org</title>');
    expect(out.contentType).toMatch(/rss\+xml/);
    expect(out.validators.etag).toMatch(/^"[0-9a-f]{16}"$/);
    const req = server.requestsTo('/arxiv-rss-cs.CL.xml').at(-1)!;
    expect(req.headers['user-agent']).toBe('DigestReader/9.9.9 (+https://example.org/digest-reader)');
    expect(req.headers.accept).toMatch(/application\/atom\+xml/);
  });

  it('reads JSON and Atom answers too', async () => {
    const { fetcher } = testFetcher();
    const json = await fetcher.fetch(server.url('/hf-daily-papers.json'), { expect: 'json' });
    expect(json.kind === 'fetched' && JSON.parse(json.text)[0].paper.id).toBe('2503.00001');
    const atom = await fetcher.fetch(server.url('/arxiv-api-query.atom'));
    expect(atom.kind === 'fetched' && atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });
});

describe('conditional requests', () => {
  it('stores the ETag, sends it back, and a 304 means nothing new', async () => {
    const { fetcher } = testFetcher();
    const url = server.url('/arxiv-api-query.atom');
    const before = server.requestsTo('/arxiv-api-query.atom').length;
    expect((await fetcher.fetch(url)).kind).toBe('fetched');
    const second = await fetcher.fetch(url);
    expect(second).toEqual({ kind: 'not-modified', url, finalUrl: url });
    const reqs = server.requestsTo('/arxiv-api-query.atom').slice(before);
    expect(reqs[0].headers['if-none-match']).toBeUndefined();
    expect(reqs[1].headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('sends If-Modified-Since from Last-Modified, and the validators a caller passes', async () => {
    const lastModified = 'Tue, 04 Mar 2025 05:00:00 GMT';
    server.route('/lm', { body: '<rss></rss>', lastModified, headers: { 'content-type': 'application/rss+xml' } });
    const { fetcher } = testFetcher();
    const first = await fetcher.fetch(server.url('/lm'));
    expect(first.kind === 'fetched' && first.validators).toEqual({ lastModified });
    expect((await fetcher.fetch(server.url('/lm'))).kind).toBe('not-modified');
    expect(server.requestsTo('/lm')[1].headers['if-modified-since']).toBe(lastModified);
    // A fresh fetcher (the app after a restart) with the validators it persisted:
    const { fetcher: again } = testFetcher();
    expect((await again.fetch(server.url('/lm'), { validators: { lastModified } })).kind).toBe('not-modified');
    expect((await again.fetch(server.url('/lm'), { validators: false })).kind).toBe('fetched');
  });
});

describe('addresses', () => {
  it.each([
    ['ftp://example.org/feed.xml', 'not-https', '"ftp:" addresses are not fetched; use an https address'],
    ['file:///etc/passwd', 'not-https', '"file:" addresses are not fetched; use an https address'],
    ['javascript:alert(1)', 'not-https', '"javascript:" addresses are not fetched; use an https address'],
    ['http://example.org/feed.xml', 'not-https', 'example.org is a plain http address; only https is fetched (http only on this machine)'],
    ['not a url', 'bad-url', '"not a url" is not a web address'],
  ])('%s is refused before any request (%s)', async (url, code, message) => {
    const { fetcher } = testFetcher();
    const before = server.requests.length;
    const e = await rejection(fetcher.fetch(url));
    expect(e).toBeInstanceOf(FetchError);
    expect({ code: e.code, message: e.message, retryable: e.retryable }).toEqual({ code, message, retryable: false });
    expect(server.requests.length).toBe(before);
  });
});

describe('answers that are not a feed', () => {
  it('a web page where a feed was expected is an error', async () => {
    const { fetcher } = testFetcher();
    const e = await rejection(fetcher.fetch(server.url('/not-a-feed.html')));
    expect(e.code).toBe('html');
    expect(e.message).toBe(`127.0.0.1:${new URL(server.origin).port} answered a web page, not a feed; check the address`);
    expect(e.retryable).toBe(false);
  });

  it('HTML is caught by its content even when labelled XML, and a feed labelled text/html is accepted', async () => {
    server.route('/disguised', { body: '\n  <!DOCTYPE html><html><body>Login</body></html>', headers: { 'content-type': 'application/xml' } });
    server.route('/mislabelled', { body: '<?xml version="1.0"?><rss version="2.0"></rss>', headers: { 'content-type': 'text/html' } });
    const { fetcher } = testFetcher();
    expect((await rejection(fetcher.fetch(server.url('/disguised')))).code).toBe('html');
    expect((await fetcher.fetch(server.url('/mislabelled'))).kind).toBe('fetched');
    expect((await fetcher.fetch(server.url('/not-a-feed.html'), { expect: 'any' })).kind).toBe('fetched');
  });
});

describe('HTTP errors and retries', () => {
  it('404 fails at once, not retried, not worth retrying later', async () => {
    const { fetcher, clock } = testFetcher();
    const e = await rejection(fetcher.fetch(server.url('/missing')));
    expect({ code: e.code, status: e.status, retryable: e.retryable, attempts: e.attempts }).toEqual({
      code: 'http-404',
      status: 404,
      retryable: false,
      attempts: 1,
    });
    expect(e.message).toMatch(/has nothing at this address \(HTTP 404\)$/);
    expect(server.requestsTo('/missing')).toHaveLength(1);
    expect(clock.state.sleeps).toEqual([]);
  });

  it('500 is retried with exponential backoff and full jitter, then fails as retryable', async () => {
    server.route('/boom', { status: 500, body: 'oops' });
    const { fetcher, clock } = testFetcher({}, () => 0.999);
    const notices: string[] = [];
    const onRetry = (n: RetryNotice) => notices.push(`${n.attempt} of ${n.of} in ${n.delayMs} ms: ${n.error.code}`);
    const e = await rejection(fetcher.fetch(server.url('/boom'), { onRetry }));
    expect({ code: e.code, retryable: e.retryable, attempts: e.attempts }).toEqual({ code: 'http-500', retryable: true, attempts: 4 });
    expect(e.message).toMatch(/had an internal error \(HTTP 500\); will try again later$/);
    expect(server.requestsTo('/boom')).toHaveLength(4);
    expect(clock.state.sleeps).toEqual([999, 1998, 3996]);
    // Each wait is announced before it starts.
    expect(notices).toEqual(['2 of 4 in 999 ms: http-500', '3 of 4 in 1998 ms: http-500', '4 of 4 in 3996 ms: http-500']);
  });

  it('a 503 then a 200 succeeds on the second attempt', async () => {
    server.route('/flaky', [{ status: 503 }, { body: '<rss/>', headers: { 'content-type': 'application/rss+xml' } }]);
    const { fetcher, clock } = testFetcher({}, () => 0);
    expect((await fetcher.fetch(server.url('/flaky'))).kind).toBe('fetched');
    expect(server.requestsTo('/flaky')).toHaveLength(2);
    expect(clock.state.sleeps).toEqual([0]);
  });

  it('429 honours Retry-After, and one too long ends the fetch for later', async () => {
    server.route('/slow-down', [{ status: 429, headers: { 'retry-after': '7' } }, { body: '<rss/>' }]);
    const { fetcher, clock } = testFetcher({}, () => 0.1);
    expect((await fetcher.fetch(server.url('/slow-down'))).kind).toBe('fetched');
    expect(clock.state.sleeps).toEqual([7000]);

    server.route('/go-away', { status: 429, headers: { 'retry-after': '3600' } });
    const e = await rejection(fetcher.fetch(server.url('/go-away')));
    expect({ code: e.code, retryable: e.retryable, retryAfterMs: e.retryAfterMs }).toEqual({ code: 'http-429', retryable: true, retryAfterMs: 3_600_000 });
    expect(server.requestsTo('/go-away')).toHaveLength(1);
  });

  it('a closed port is "offline", retried, worth retrying later', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/feed');
    await closed.close();
    const { fetcher, clock } = testFetcher({ retry: { attempts: 2 } });
    const e = await rejection(fetcher.fetch(url));
    expect({ code: e.code, retryable: e.retryable, attempts: e.attempts }).toEqual({ code: 'offline', retryable: true, attempts: 2 });
    expect(e.message).toMatch(/^could not reach 127\.0\.0\.1:\d+: the connection failed \(offline, or the server is down\)$/);
    expect(clock.state.sleeps).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('follows a chain and reports where it ended', async () => {
    server.route('/r1', { redirect: '/r2', status: 301 });
    server.route('/r2', { redirect: server.url('/r3'), status: 308 });
    server.route('/r3', { redirect: '/arxiv-rss-cs.CL.xml?x=1', status: 307 });
    const { fetcher } = testFetcher();
    const out = await fetcher.fetch(server.url('/r1'));
    expect(out.kind === 'fetched' && out.finalUrl).toBe(server.url('/arxiv-rss-cs.CL.xml?x=1'));
    expect(out.url).toBe(server.url('/r1'));
  });

  it('a loop is found, not followed five times', async () => {
    server.route('/loop-a', { redirect: '/loop-b' });
    server.route('/loop-b', { redirect: '/loop-a' });
    const { fetcher } = testFetcher();
    const e = await rejection(fetcher.fetch(server.url('/loop-a')));
    expect({ code: e.code, retryable: e.retryable }).toEqual({ code: 'redirect-loop', retryable: false });
    expect(e.message).toBe(`${new URL(server.origin).host} redirects in a loop (back to ${server.url('/loop-a')})`);
    expect(server.requestsTo('/loop-a')).toHaveLength(1);
  });

  it('more than five redirects is an error', async () => {
    for (let i = 0; i < 7; i++) server.route(`/hop${i}`, { redirect: `/hop${i + 1}` });
    const { fetcher } = testFetcher();
    const e = await rejection(fetcher.fetch(server.url('/hop0')));
    expect(e.code).toBe('too-many-redirects');
    expect(server.requestsTo('/hop6')).toHaveLength(0);
  });

  it('a redirect to a plain http address elsewhere is refused', async () => {
    server.route('/to-http', { redirect: 'http://example.org/feed' });
    const { fetcher } = testFetcher();
    const e = await rejection(fetcher.fetch(server.url('/to-http')));
    expect(e.code).toBe('not-https');
  });
});

describe('timeouts, size cap and cancelling', () => {
  it('a server that never answers times out', async () => {
    server.route('/hang', { hang: true });
    const { fetcher } = testFetcher({ timeoutMs: 300, retry: { attempts: 2 } });
    const e = await rejection(fetcher.fetch(server.url('/hang')));
    expect({ code: e.code, retryable: e.retryable, attempts: e.attempts }).toEqual({ code: 'timeout', retryable: true, attempts: 2 });
    expect(e.message).toBe(`${new URL(server.origin).host} did not answer within 300 ms`);
    expect(server.requestsTo('/hang')).toHaveLength(2);
  });

  it('a timeout is tried once more, not three times, and the retry is announced', async () => {
    server.route('/hang-long', { hang: true });
    // The default policy (4 attempts): a timeout has cost the whole timeout already.
    const { fetcher } = testFetcher({ timeoutMs: 200 });
    const notices: RetryNotice[] = [];
    const e = await rejection(fetcher.fetch(server.url('/hang-long'), { onRetry: (n) => notices.push(n) }));
    expect({ code: e.code, attempts: e.attempts }).toEqual({ code: 'timeout', attempts: 2 });
    expect(server.requestsTo('/hang-long')).toHaveLength(2);
    expect(notices.map((n) => ({ attempt: n.attempt, of: n.of, code: n.error.code }))).toEqual([{ attempt: 2, of: 2, code: 'timeout' }]);
  });

  it('the timeout covers the whole body: a slow drip times out', async () => {
    server.route('/drip', { drip: { chunk: '<item/>', intervalMs: 100, count: 1000 } });
    const { fetcher } = testFetcher({ timeoutMs: 400, retry: { attempts: 1 } });
    const e = await rejection(fetcher.fetch(server.url('/drip')));
    expect(e.code).toBe('timeout');
  });

  it('a 50 MB answer streamed without a length stops at the 20 MB cap', async () => {
    server.route('/huge', { generate: { bytes: 50 * 1024 * 1024, contentLength: false } });
    const { fetcher } = testFetcher({ timeoutMs: 15_000 });
    const sentBefore = server.bytesSent();
    const e = await rejection(fetcher.fetch(server.url('/huge')));
    expect({ code: e.code, retryable: e.retryable, attempts: e.attempts }).toEqual({ code: 'too-large', retryable: false, attempts: 1 });
    expect(e.message).toBe(`the answer from ${new URL(server.origin).host} is larger than 20 MB; not read`);
    expect(server.bytesSent() - sentBefore).toBeLessThan(30 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    server.route('/huge-declared', { generate: { bytes: 50 * 1024 * 1024, contentLength: true } });
    const { fetcher } = testFetcher({ maxBytes: 1024 * 1024 });
    const e = await rejection(fetcher.fetch(server.url('/huge-declared')));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/larger than 1 MB/);
  });

  it('an AbortSignal cancels a fetch in flight and one waiting to retry', async () => {
    server.route('/hang2', { hang: true });
    const { fetcher } = testFetcher({ timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = rejection(fetcher.fetch(server.url('/hang2'), { signal: controller.signal }));
    await expect.poll(() => server.requestsTo('/hang2').length).toBe(1);
    controller.abort();
    const e = await pending;
    expect({ code: e.code, retryable: e.retryable }).toEqual({ code: 'aborted', retryable: false });

    const done = new AbortController();
    done.abort();
    expect((await rejection(fetcher.fetch(server.url('/arxiv-rss-cs.CL.xml'), { signal: done.signal }))).code).toBe('aborted');
  });
});
