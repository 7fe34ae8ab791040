// Each way a source can answer badly, through the sources service: a clear error on that source,
// marked for a retry later only where one can help, and nothing in the library changed. (How the
// fetch module itself meets these is tested in test/unit/net; here, what the reader sees.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server';
import { dailyCore, HTTP_FIXTURES } from './helpers';

const RSS = fs.readFileSync(path.join(HTTP_FIXTURES, 'arxiv-rss-cs.CL.xml'), 'utf8');

let server: FixtureServer;
let tls: FixtureServer;
let core: Core;
let call: Awaited<ReturnType<typeof dailyCore>>['call'];
beforeAll(async () => {
  server = await startFixtureServer({
    folder: HTTP_FIXTURES,
    routes: {
      '/missing': { status: 404, body: 'not here' },
      '/broken': { status: 500, body: 'oops' },
      '/loop-a': { redirect: '/loop-b' },
      '/loop-b': { redirect: '/loop-a' },
      '/never': { hang: true },
      '/huge': { generate: { bytes: 50 * 1024 * 1024, contentLength: false } },
      '/other-json': { body: '{"weather": "sunny"}', headers: { 'content-type': 'application/json' } },
      '/empty-feed': { body: RSS.replace(/<item>[\s\S]*<\/item>/, ''), headers: { 'content-type': 'application/rss+xml' } },
      '/hf-weekend': { body: '[]', headers: { 'content-type': 'application/json' } },
    },
  });
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  tls = await startFixtureServer({ tls: { key: pems.private, cert: pems.cert }, routes: { '/feed': { body: RSS } } });
  ({ core, call } = await dailyCore({ timeoutMs: 500 }));
  // Something in the library already, which no failure below may touch.
  await call('sources.add', { url: server.url('/arxiv-rss-cs.CL.xml'), name: 'good' });
  await call('sources.fetch', {});
}, 60_000);
afterAll(async () => {
  await core.close();
  await Promise.all([server.close(), tls.close()]);
});

describe('a source that answers badly', () => {
  it.each([
    ['/not-a-feed.html', 'html', false, /answered a web page, not a feed; check the address/],
    ['/missing', 'http-404', false, /has nothing at this address \(HTTP 404\)/],
    ['/broken', 'http-500', true, /had an internal error \(HTTP 500\); will try again later/],
    ['/loop-a', 'redirect-loop', false, /redirects in a loop/],
    ['/never', 'timeout', true, /did not answer within 500 ms/],
    ['/other-json', 'unrecognised', false, /^The answer is not a digest Digest Reader can read: It looks like JSON/],
  ])('%s: %s, retried later: %s', async (route, code, retryable, message) => {
    const before = await call('digests.list', {});
    const s = await call('sources.add', { url: server.url(route), name: route });
    const run = await call('sources.fetch', { ids: [s.id] });
    expect(run.results[0]).toMatchObject({ ok: false, newPapers: 0, digests: [], error: { code, retryable } });
    expect(run.results[0].error!.message).toMatch(message);
    const shown = (await call('sources.list', {})).sources.find((x) => x.id === s.id)!;
    expect(shown).toMatchObject({ state: code === 'timeout' ? 'offline' : 'error', error: { code, retryable }, lastSuccessAt: null });
    expect(shown.status).toMatch(code === 'timeout' ? /^Offline, never fetched\./ : /^Error: .+ \(never fetched\)$/);
    expect(await call('digests.list', {})).toEqual(before);
    await call('sources.remove', { id: s.id });
  });

  it('a 50 MB answer is cut off at the cap, never imported', async () => {
    // A core of its own, with time to read 20 MB on a busy machine (the one above times out in 500 ms).
    const own = await dailyCore({ timeoutMs: 60_000 });
    try {
      await own.call('sources.add', { url: server.url('/huge'), format: 'arxiv-rss' });
      const run = await own.call('sources.fetch', {});
      expect(run.results[0]).toMatchObject({
        ok: false,
        error: { code: 'too-large', retryable: false, message: expect.stringMatching(/is larger than 20 MB; not read/) },
      });
      expect(server.bytesSent()).toBeLessThan(40 * 1024 * 1024);
      expect((await own.call('digests.list', {})).digests).toEqual([]);
    } finally {
      await own.core.close();
    }
  });

  it('an invalid certificate: refused, said plainly, not worth retrying', async () => {
    const s = await call('sources.add', { url: tls.url('/feed'), name: 'self-signed' });
    const run = await call('sources.fetch', { ids: [s.id] });
    expect(run.results[0].error).toEqual({
      code: 'tls',
      retryable: false,
      message: `${new URL(tls.origin).host} has a self-signed certificate; the connection was refused to keep it safe.`,
    });
    expect(tls.requestsTo('/feed')).toHaveLength(0);
  });

  it('an empty listing (a weekend) is nothing new, not an error', async () => {
    const s = await call('sources.add', { url: server.url('/empty-feed'), format: 'arxiv-rss', name: 'weekend' });
    const run = await call('sources.fetch', { ids: [s.id] });
    expect(run.results[0]).toMatchObject({ ok: true, newPapers: 0, digests: [], error: null });
  });

  it("a Hugging Face day without papers (the API's [] on a weekend) is nothing new, not an error", async () => {
    for (const format of [undefined, 'hf-daily-papers' as const]) {
      const s = await call('sources.add', { url: server.url('/hf-weekend'), format, name: `hf weekend ${format ?? 'detected'}` });
      const run = await call('sources.fetch', { ids: [s.id] });
      expect(run.results[0]).toMatchObject({ ok: true, newPapers: 0, digests: [], error: null });
    }
  });

  it('one source failing does not stop the others', async () => {
    const bad = await call('sources.add', { url: server.url('/missing'), name: 'bad' });
    const good = await call('sources.add', { url: server.url('/hf-daily-papers.json'), name: 'hf' });
    const run = await call('sources.fetch', { ids: [bad.id, good.id] });
    expect(run.results.map((r) => [r.name, r.ok, r.newPapers])).toEqual([
      ['bad', false, 0],
      ['hf', true, 0], // its one paper is already in the library, from the arXiv listing
    ]);
  });
});
