import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, createFetcher, FetchError } from '../../../src/net';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server';
import { APP, fakeTiming, rejection, testFetcher } from './net-helpers';

describe('any address', () => {
  it('gives a URL or a FetchError from checkUrl, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom('http://127.0.0.1:1/x', 'https://[::1]/', 'http://localhost./', 'HTTPS://A.B')), (s) => {
        try {
          const url = checkUrl(s);
          expect(['https:', 'http:']).toContain(url.protocol);
          if (url.protocol === 'http:') expect(['127.0.0.1', 'localhost', '[::1]']).toContain(url.hostname);
        } catch (e) {
          expect(e).toBeInstanceOf(FetchError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a fetch of any string resolves or rejects with a FetchError (no network: a stand-in transport)', async () => {
    const clock = fakeTiming();
    const transport = (async () => new Response('<rss/>', { status: 200 })) as typeof fetch;
    const fetcher = createFetcher({ ...APP, transport, timing: clock.timing, defaultIntervalMs: 0 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.webUrl({ validSchemes: ['https', 'http', 'ftp'] })), async (s) => {
        try {
          const out = await fetcher.fetch(s);
          expect(out.kind).toBe('fetched');
        } catch (e) {
          expect(e).toBeInstanceOf(FetchError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ routes: { '/late': { delayMs: 300, body: '<rss/>' } } });
  });
  afterAll(() => server.close());

  it('delays an answer: within the timeout it arrives, beyond it the fetch times out', async () => {
    const { fetcher: patient } = testFetcher({ timeoutMs: 5000 });
    expect((await patient.fetch(server.url('/late'))).kind).toBe('fetched');
    const { fetcher: hasty } = testFetcher({ timeoutMs: 100, retry: { attempts: 1 } });
    expect((await rejection(hasty.fetch(server.url('/late')))).code).toBe('timeout');
  });

  it('logs every request with its headers, and answers 404 off the table', async () => {
    const { fetcher } = testFetcher();
    expect((await rejection(fetcher.fetch(server.url('/nowhere?q=1')))).code).toBe('http-404');
    const [req] = server.requestsTo('/nowhere');
    expect(req.method).toBe('GET');
    expect(req.headers['user-agent']).toMatch(/^DigestReader\//);
  });
});
