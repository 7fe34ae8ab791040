import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, classifyNetworkError, createFetcher, FetchError, parseRetryAfter } from '../../../src/net';
import { HostSpacing } from '../../../src/net/timing';
import { checkRedirect } from '../../../src/net/url-policy';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server';
import { APP, fakeTiming, rejection, testFetcher } from './net-helpers';

describe('invalid TLS', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    // A certificate made now, for 127.0.0.1, signed by itself: no system trusts it.
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    server = await startFixtureServer({ tls: { key: pems.private, cert: pems.cert }, routes: { '/feed': { body: '<rss/>' } } });
  });
  afterAll(() => server.close());

  it('a self-signed certificate is a tls error with a plain message, never fetched around', async () => {
    expect(server.origin).toMatch(/^https:/);
    const { fetcher } = testFetcher();
    const e = await rejection(fetcher.fetch(server.url('/feed')));
    expect({ code: e.code, retryable: e.retryable, attempts: e.attempts }).toEqual({ code: 'tls', retryable: false, attempts: 1 });
    expect(e.message).toBe(`${new URL(server.origin).host} has a self-signed certificate; the connection was refused to keep it safe`);
    expect(server.requestsTo('/feed')).toHaveLength(0);
  });
});

describe('classifying network errors', () => {
  const url = new URL('https://export.arxiv.org/api/query');
  const failed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
  it.each([
    ['ECONNREFUSED', 'offline', true, 'could not reach export.arxiv.org: the connection failed (offline, or the server is down)'],
    ['ENOTFOUND', 'offline', true, 'could not reach export.arxiv.org: its name could not be looked up (offline, or the server is down)'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', true, 'export.arxiv.org did not answer in time'],
    ['CERT_HAS_EXPIRED', 'tls', false, 'export.arxiv.org has an expired certificate; the connection was refused to keep it safe'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', false, 'export.arxiv.org has a certificate for another name; the connection was refused to keep it safe'],
    [
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'tls',
      false,
      'export.arxiv.org has a TLS error (ERR_SSL_WRONG_VERSION_NUMBER); the connection was refused to keep it safe',
    ],
    ['EWHATEVER', 'network', true, 'could not fetch from export.arxiv.org: EWHATEVER'],
  ])('%s → %s', (code, expected, retryable, message) => {
    const e = classifyNetworkError(failed(code), url);
    expect(e).toBeInstanceOf(FetchError);
    expect({ code: e.code, retryable: e.retryable, message: e.message }).toEqual({ code: expected, retryable, message });
  });
});

describe("arXiv's three seconds and other hosts' spacing", () => {
  /** A stand-in transport: records when (on the fake clock) each request went out. */
  function recordingTransport(clock: ReturnType<typeof fakeTiming>) {
    const calls: { url: string; at: number }[] = [];
    const transport = (async (input: string | URL | Request) => {
      calls.push({ url: String(input), at: clock.state.now });
      return new Response('<feed xmlns="http://www.w3.org/2005/Atom"/>', { status: 200, headers: { 'content-type': 'application/atom+xml' } });
    }) as typeof fetch;
    return { calls, transport };
  }

  it('calls to export.arxiv.org are at least 3 s apart; other hosts 1 s; each host on its own', async () => {
    const clock = fakeTiming();
    const { calls, transport } = recordingTransport(clock);
    const fetcher = createFetcher({ ...APP, transport, timing: clock.timing });
    const start = clock.state.now;
    for (const u of [
      'https://export.arxiv.org/api/query?a',
      'https://export.arxiv.org/api/query?b',
      'https://huggingface.co/api/daily_papers',
      'https://export.arxiv.org/api/query?c',
      'https://huggingface.co/api/daily_papers?x',
    ]) {
      await fetcher.fetch(u);
    }
    const at = (q: string) => calls.find((c) => c.url.endsWith(q))!.at - start;
    expect(at('query?a')).toBe(0);
    expect(at('query?b')).toBe(3000);
    expect(at('daily_papers')).toBe(3000);
    expect(at('query?c')).toBe(6000);
    expect(at('daily_papers?x')).toBe(6000);
  });

  it('concurrent fetches to arXiv queue up 3 s apart; the interval is configurable', async () => {
    const clock = fakeTiming();
    const spacing = new HostSpacing((host) => (host === 'export.arxiv.org' ? 3000 : 0), clock.timing);
    await Promise.all([spacing.wait('export.arxiv.org'), spacing.wait('export.arxiv.org'), spacing.wait('export.arxiv.org'), spacing.wait('127.0.0.1')]);
    expect(clock.state.sleeps).toEqual([3000, 6000]);

    const slow = fakeTiming();
    const { transport } = recordingTransport(slow);
    const fetcher = createFetcher({ ...APP, transport, timing: slow.timing, hostIntervalsMs: { 'export.arxiv.org': 5000 } });
    await fetcher.fetch('https://export.arxiv.org/api/query?a');
    await fetcher.fetch('https://export.arxiv.org/api/query?b');
    expect(slow.state.sleeps).toEqual([5000]);
  });

  it('the fixture server itself can be spaced, as a source would be', async () => {
    const server = await startFixtureServer({ routes: { '/feed': { body: '<rss/>' } } });
    try {
      const { fetcher, clock } = testFetcher({ hostIntervalsMs: { '127.0.0.1': 3000 } });
      await fetcher.fetch(server.url('/feed'), { validators: false });
      await fetcher.fetch(server.url('/feed'), { validators: false });
      expect(clock.state.sleeps).toEqual([3000]);
      expect(server.requestsTo('/feed')).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe('backoff and Retry-After', () => {
  const policy = { attempts: 4, timeoutAttempts: 2, baseMs: 1000, capMs: 30_000, maxRetryAfterMs: 120_000 };
  it('full jitter: uniform below min(cap, base·2^n)', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffMs(policy, n, () => 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
    expect(backoffMs(policy, 3, () => 0)).toBe(0);
  });
  it('reads delay-seconds and HTTP-dates', () => {
    const now = Date.parse('Tue, 04 Mar 2025 05:00:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 04 Mar 2025 05:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 04 Mar 2025 04:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('redirect policy', () => {
  it('refuses https → http, even to this machine', () => {
    expect(() => checkRedirect(new URL('https://arxiv.org/a'), 'http://127.0.0.1/feed')).toThrow(
      expect.objectContaining({ code: 'not-https', message: 'arxiv.org redirected from https to http (127.0.0.1); refused, as it would drop encryption' }),
    );
    expect(checkRedirect(new URL('https://arxiv.org/a#x'), '/b?c=1#frag').href).toBe('https://arxiv.org/b?c=1');
    expect(() => checkRedirect(new URL('https://arxiv.org/a'), 'ftp://arxiv.org/x')).toThrow(expect.objectContaining({ code: 'not-https' }));
  });
});
