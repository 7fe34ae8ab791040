import fc from 'fast-check';
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, HandlerMap } from '../../../src/api/contract';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore, type Core } from '../../../src/core';
import type { Fetcher } from '../../../src/net';
import { FetchError } from '../../../src/net/fetch-error';
import { SAMPLE_PATH, tempDir } from '../../helpers';
import { arbitraryFor } from './json-schema-arbitrary';

let core: Core;
let ids: string[];
const exportDir = tempDir('dr-fuzz-export-');

/** No test reaches the internet: a source the fuzz adds and fetches finds the network down. */
const offline: Fetcher = {
  userAgent: 'digest-reader-fuzz',
  fetch: async (url) => {
    throw new FetchError({ code: 'offline', message: 'No network in the fuzz test.', url, retryable: true });
  },
};

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), samplePath: SAMPLE_PATH, fetcher: offline });
  const call = async (name: string, arg: unknown) => ((await dispatch(core.handlers as HandlerMap, name, arg)) as { value?: unknown }).value as never;
  const papers = (await call('papers.query', { limit: 5 })) as { items: { id: string }[] };
  const paperIds = papers.items.map((p) => p.id);
  const list = (await call('lists.create', { name: 'Fuzz list' })) as { id: string };
  const [tag] = (await call('tags.add', { paperIds: paperIds.slice(0, 2), names: ['fuzz'] })) as { id: string }[];
  const comparison = (await call('compare.create', { paperIds: paperIds.slice(0, 2), name: 'Fuzz' })) as { id: string };
  const digest = ((await call('digests.list', {})) as { digests: { id: string }[] }).digests[0];
  const source = (await call('sources.add', { url: 'http://127.0.0.1:9/feed.xml', name: 'Fuzz source' })) as { id: string };
  const smart = (await call('smart.create', { name: 'Fuzz smart', query: 'cache -survey', rule: { tag: 'fuzzed' } })) as { id: string };
  ids = [...paperIds, list.id, tag.id, comparison.id, digest.id, source.id, smart.id, 'read-later'];
}, 60_000);
afterAll(() => core.close());

/** What the store and the corpus hold: a rejected call must leave both exactly as they were. */
const state = () => JSON.stringify([core.store.data, core.handlers['app.status'].run({})]);

/** Export handlers write files: into a scratch folder, never where a generated path points. */
function tame(name: string, arg: unknown): unknown {
  if (name.startsWith('export.') && arg && typeof arg === 'object' && !Array.isArray(arg) && 'outDir' in arg) return { ...arg, outDir: exportDir };
  return arg;
}

async function checkCall(name: string, arg: unknown) {
  const before = state();
  let envelope: Envelope;
  try {
    envelope = await dispatch(core.handlers as HandlerMap, name, tame(name, arg));
  } catch (error) {
    throw new Error(`${name} threw instead of answering: ${(error as Error).stack}`, { cause: error });
  }
  expect(() => JSON.stringify(envelope), `${name}: an answer the transport can send`).not.toThrow();
  if (!envelope.ok) {
    expect(envelope.error.code, `${name}(${JSON.stringify(arg).slice(0, 300)}): ${envelope.error.message}`).not.toBe('internal');
    expect(typeof envelope.error.message).toBe('string');
    expect(state(), `${name} was refused but changed the data`).toBe(before);
  }
}

describe('every handler argument, fuzzed through dispatch', () => {
  const names = () => Object.keys(core.handlers);

  it('covers the whole contract', () => {
    expect(names().length).toBeGreaterThan(50);
  });

  it('answers arguments shaped by each schema with a value or a typed error, and a refusal changes nothing', async () => {
    for (const name of names()) {
      const schema = (core.handlers as HandlerMap)[name].input;
      await fc.assert(
        fc.asyncProperty(arbitraryFor(schema, ids), (arg) => checkCall(name, arg)),
        { numRuns: 25, seed: 12, endOnFailure: true },
      );
    }
  }, 240_000);

  it('answers any JSON at all with a typed error or a value, and a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names()), fc.jsonValue({ maxDepth: 4 }), (name, arg) => checkCall(name, arg)),
      { numRuns: 600, seed: 7, endOnFailure: true },
    );
  }, 120_000);

  it('refuses unknown handler names, and names that are not strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (name) => {
        if (typeof name === 'string' && Object.hasOwn(core.handlers, name)) return;
        expect(await dispatch(core.handlers as HandlerMap, name, {})).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('scratch folder', () => {
  it('holds only what exports wrote', () => {
    for (const f of fs.readdirSync(exportDir)) expect(f).toMatch(/\.(md|bib|csv|ris|csl\.json)$/);
  });
});
