// The app fetching by itself: at start-up, daily at the reader's hour, and again later after a
// failure worth retrying — on a clock the test moves, so nothing waits for real hours.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src/api/events';
import type { Core } from '../../../src/core';
import { FetchScheduler, nextDaily, RETRY_MS } from '../../../src/sources/scheduler';
import type { FetchRun } from '../../../src/sources/sources';
import { tempDir } from '../../helpers';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server';
import { dailyCore, fakeClock, HTTP_FIXTURES, until } from './helpers';

let server: FixtureServer;
const cores: Core[] = [];
beforeAll(async () => {
  server = await startFixtureServer({ folder: HTTP_FIXTURES, routes: { '/flaky': { status: 503, body: 'busy' }, '/busy': { status: 503, body: 'busy' } } });
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

/** A library with these sources, opened again as the app opens it (scheduled), on a fake clock. */
async function appWith(urls: string[], start = '2025-03-04T07:30:00', schedule?: { atStartup?: boolean; dailyHour?: number | null }) {
  const dataDir = tempDir();
  const first = await dailyCore({ dataDir });
  for (const url of urls) await first.call('sources.add', { url, format: 'arxiv-rss' });
  if (schedule) await first.call('sources.schedule', schedule);
  await first.core.close();
  const time = fakeClock(start);
  const finished: Events['fetch.finished'][] = [];
  const app = await dailyCore({ dataDir, schedule: true, clock: time.clock });
  cores.push(app.core);
  app.core.events.on('fetch.finished', (run) => finished.push(run));
  return { ...app, time, finished };
}

const local = (s: string) => new Date(s).toISOString();

describe('the schedule', () => {
  it('fetches at start-up, then every day at the hour, while the app runs', async () => {
    const app = await appWith([server.url('/arxiv-rss-cs.CL.xml')]);
    await until(() => app.finished.length === 1, 'the start-up fetch');
    expect(app.finished[0]).toMatchObject({ trigger: 'startup', newPapers: 2 });
    expect((await app.call('sources.list', {})).next).toEqual({ at: local('2025-03-04T08:00:00'), trigger: 'daily' });
    app.time.advance(30 * 60_000);
    await until(() => app.finished.length === 2, 'the daily fetch');
    expect(app.finished[1]).toMatchObject({ trigger: 'daily', newPapers: 0 });
    expect((await app.call('sources.list', {})).next).toEqual({ at: local('2025-03-05T08:00:00'), trigger: 'daily' });
    app.time.advance(24 * 3_600_000);
    await until(() => app.finished.length === 3, 'the next day’s fetch');
  });

  it('retries a failure worth retrying, backing off, until it works', async () => {
    const app = await appWith([server.url('/flaky')]);
    await until(() => app.finished.length === 1, 'the start-up fetch');
    expect(app.finished[0].results[0].error).toMatchObject({ code: 'http-503', retryable: true });
    expect((await app.call('sources.list', {})).next).toEqual({ at: local('2025-03-04T07:45:00'), trigger: 'retry' });
    app.time.advance(RETRY_MS[0]);
    await until(() => app.finished.length === 2, 'the first retry');
    expect(app.finished[1]).toMatchObject({ trigger: 'retry', results: [{ ok: false }] });
    // The next retry waits twice as long; the daily fetch at 08:00 comes first.
    expect(app.time.pending()).toEqual([local('2025-03-04T08:00:00'), local('2025-03-04T08:15:00')]);
    server.route('/flaky', { body: '<rss version="2.0"><channel><title>cs.CL updates on arXiv.org</title></channel></rss>' });
    app.time.advance(15 * 60_000);
    await until(() => app.finished.length === 3, 'the daily fetch');
    expect(app.finished[2]).toMatchObject({ trigger: 'daily', results: [{ ok: true }] });
    expect(app.time.pending()).toEqual([local('2025-03-05T08:00:00')]); // no retry left
  });

  it("keeps a failing source's retry when the reader fetches another source meanwhile", async () => {
    const app = await appWith([server.url('/arxiv-rss-cs.CL.xml'), server.url('/busy')]);
    await until(() => app.finished.length === 1, 'the start-up fetch');
    const retry = { at: local('2025-03-04T07:45:00'), trigger: 'retry' };
    expect((await app.call('sources.list', {})).next).toEqual(retry);
    const good = (await app.call('sources.list', {})).sources.find((x) => !x.url.includes('busy'))!;
    await app.call('sources.fetch', { ids: [good.id] });
    expect((await app.call('sources.list', {})).next).toEqual(retry); // not dropped for the 08:00 fetch
    app.time.advance(RETRY_MS[0]);
    await until(() => app.finished.length === 3, 'the retry');
    expect(app.finished[2]).toMatchObject({ trigger: 'retry', results: [{ ok: false }] }); // the busy source alone
  });

  it('follows the reader’s choices: no fetch at start-up, another hour, or none', async () => {
    const app = await appWith([server.url('/arxiv-rss-cs.CL.xml')], '2025-03-04T07:30:00', { atStartup: false, dailyHour: 18 });
    expect(app.time.pending()).toEqual([local('2025-03-04T18:00:00')]);
    expect(await app.call('sources.schedule', { dailyHour: null })).toEqual({ schedule: { atStartup: false, dailyHour: null }, next: null });
    expect(app.time.pending()).toEqual([]);
    app.time.advance(48 * 3_600_000);
    expect(app.finished).toEqual([]);
  });

  it('does nothing at start-up without sources', async () => {
    const app = await appWith([]);
    expect(app.time.pending()).toEqual([local('2025-03-04T08:00:00')]);
    app.time.advance(3_600_000);
    expect(app.finished).toEqual([]);
  });
});

describe('nextDaily', () => {
  it('is the next time the clock reads the hour, strictly later', () => {
    expect(nextDaily(new Date('2025-03-04T07:59:59'), 8)).toEqual(new Date('2025-03-04T08:00:00'));
    expect(nextDaily(new Date('2025-03-04T08:00:00'), 8)).toEqual(new Date('2025-03-05T08:00:00'));
    expect(nextDaily(new Date('2025-12-31T23:00:00'), 0)).toEqual(new Date('2026-01-01T00:00:00'));
  });

  it('a run that throws (a closing library) is logged, and the schedule goes on', async () => {
    const time = fakeClock('2025-03-04T07:00:00');
    const runs: string[] = [];
    const scheduler = new FetchScheduler(
      async (trigger): Promise<FetchRun> => {
        runs.push(trigger);
        throw new Error('closing');
      },
      () => ({ atStartup: true, dailyHour: 8 }),
      () => true,
      time.clock,
    );
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      scheduler.start();
      time.advance(3_600_000);
      await until(() => errors.length === 2, 'both runs');
      expect(runs).toEqual(['startup', 'daily']);
      expect(time.pending()).toEqual([new Date('2025-03-05T08:00:00').toISOString()]);
    } finally {
      console.error = log;
      scheduler.stop();
    }
  });
});
